// WordBoundaries: word boundaries of ICU's segmentation, asked for around link ends and
// mention candidates only; visible_ranges(): an article's running text. In importers/text/
// because the importer checks suspect links with it and MentionSpotter (mentions/) checks
// candidates. Tests compare every position of the corpora with ICU's iterator.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace kg {

class CjkSegmenter;

/// Byte ranges [first, second) of a text.
using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

/// The complement of `hidden` (sorted, disjoint) within [begin, end), with bare URLs
/// (scheme://… and www.…) taken out too.
Ranges visible_ranges(std::string_view text, std::size_t begin, const Ranges& hidden);

/// Word boundaries of ICU's segmentation inside `text[from, to)`, asked for in (mostly)
/// increasing order. Most answers come from the two characters around the offset; a run of
/// Chinese or Japanese is segmented once by CjkSegmenter and reused; other stretches of a few
/// hundred bytes go to ICU's iterator once and are reused. Tests compare every position of the
/// corpora with ICU's iterator over the whole text.
class WordBoundaries {
public:
    WordBoundaries(std::string_view text, std::size_t from, std::size_t to);
    /// Starts over on another text, keeping the memory.
    void reset(std::string_view text, std::size_t from, std::size_t to);
    /// True at `from`, `to`, next to spaces and plain punctuation, and where ICU says so.
    bool at(std::size_t offset);

private:
    void segment_around(std::size_t offset);
    /// Segments the run of Chinese or Japanese characters around `offset` with CjkSegmenter;
    /// false (nothing changed) when the run has a character it does not handle.
    bool segment_run(const CjkSegmenter& cjk, std::size_t offset);
    /// CjkSegmenter::word_across() for the run around `offset` (true when not sure).
    bool word_across(const CjkSegmenter& cjk, std::size_t offset) const;

    std::string_view m_text;
    std::size_t m_from;
    std::size_t m_to;
    std::vector<std::size_t> m_boundaries;
    std::size_t m_trusted_from = 1;  // empty until the first segmentation
    std::size_t m_trusted_to = 0;
    // The last run of Chinese or Japanese characters segmented by CjkSegmenter.
    std::size_t m_run_from = 1;
    std::size_t m_run_to = 0;
    std::vector<std::uint32_t> m_run_breaks;
};

/// True when ICU's word segmentation of the text around `offset` has a boundary there.
/// `[from, to)` bounds the context looked at.
bool is_word_boundary(std::string_view text, std::size_t offset, std::size_t from, std::size_t to);

}  // namespace kg
