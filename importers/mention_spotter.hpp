// MentionSpotter: finds the gazetteer's forms in the running text of an article. Text is
// folded (MatchFolder) and scanned by an Aho–Corasick automaton; every match must start and
// end on a word boundary of ICU's word segmentation (dictionary-based for Chinese and
// Japanese), checked only around candidates, so "apple" is not in "pineapple" and 天机 is not
// in 聊天机器人, while 在Kestrel的 and iPhone手机 work. Thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "importers/aho_corasick.hpp"
#include "importers/gazetteer.hpp"

namespace kg {

class CjkSegmenter;

/// One occurrence of a form: byte offsets in the article text.
struct Candidate {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::uint32_t form = 0;
};

using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

class MentionSpotter {
public:
    /// Matches every form of `gazetteer` (which must outlive the spotter).
    explicit MentionSpotter(const Gazetteer& gazetteer);

    /// Appends every boundary-valid occurrence (overlaps included) of every form inside the
    /// `visible` ranges of `text`, sorted by begin, then longest first.
    void spot(std::string_view text, const Ranges& visible, std::vector<Candidate>& out) const;

    const Gazetteer& gazetteer() const noexcept { return m_gazetteer; }

private:
    const Gazetteer& m_gazetteer;
    AhoCorasick m_automaton;
};

/// Leftmost-longest, non-overlapping choice among `candidates` (sorted as spot() leaves
/// them) of those whose form passes `keep`.
template <typename Keep>
std::vector<Candidate> select_mentions(const std::vector<Candidate>& candidates, Keep&& keep) {
    std::vector<Candidate> chosen;
    std::uint32_t covered = 0;
    for (const Candidate& c : candidates) {
        if (c.begin < covered || !keep(c.form)) continue;
        chosen.push_back(c);
        covered = c.end;
    }
    return chosen;
}

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
