// MatchFolder: the text form mention spotting compares — NFKC with case folding (ICU's
// NFKC_Casefold), optionally Traditional -> Simplified Chinese (--fold-han) — computed code
// point by code point so that every byte of the folded text maps back to the original
// position. Used for dictionary entries and for article text alike, so both meet.
// Thread-safe after construction (BMP results are precomputed there, ~0.1 s).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg {

/// Folded text and where its bytes come from in the original. Most code points fold to one
/// code point of the same length (themselves, or another case), so the folded text is a
/// byte-for-byte image of the original in stretches; an anchor starts each stretch, and each
/// code point that folds to something longer or shorter ("ß" -> "ss", "，" -> ",") has an
/// anchor of its own.
struct FoldedText {
    struct Anchor {
        std::uint32_t folded;    ///< first byte of the stretch in `text`
        std::uint32_t original;  ///< its offset in the original
        bool whole;              ///< one code point, folded to other bytes
    };
    std::string text;
    std::vector<Anchor> anchors;  ///< by `folded`; the last one is the end of the text

    /// The offset in the original of the code point that folded byte `k` comes from (of the
    /// end for k = text.size()).
    std::uint32_t origin(std::size_t k) const;
    /// True when byte `k` is not the first byte of a folded code point's bytes: a match cannot
    /// start or end there.
    bool inside_code_point(std::size_t k) const;
    void clear() {
        text.clear();
        anchors.clear();
    }

private:
    const Anchor& anchor_of(std::size_t k) const;
};

class MatchFolder {
public:
    /// `fold_han`: also map Traditional Chinese characters to Simplified (ICU "Hant-Hans").
    explicit MatchFolder(bool fold_han = false);
    ~MatchFolder();
    MatchFolder(const MatchFolder&) = delete;
    MatchFolder& operator=(const MatchFolder&) = delete;

    /// Folds `text[from, to)` onto `out` (which may hold earlier folds: the new anchors follow
    /// theirs); origins are offsets in `text`, and a final anchor maps the end to `to`.
    /// Precondition: valid UTF-8.
    void fold(std::string_view text, std::size_t from, std::size_t to, FoldedText& out) const;

    /// Folds a whole string (dictionary entries).
    std::string fold(std::string_view text) const;

    /// `text` with Traditional Chinese characters replaced by Simplified ones when the folder
    /// folds Han, else unchanged; nothing else is touched (used for keys).
    std::string simplify_han(std::string_view text) const;

    bool folds_han() const noexcept { return m_fold_han; }
    /// Every (Traditional, Simplified) pair simplify_han() applies, in code point order; empty
    /// when the folder does not fold Han (for the HTML viewer's search, which folds the same).
    std::vector<std::pair<std::string, std::string>> han_table() const;

private:
    void append_folded(std::string& out, std::int32_t code_point) const;

    bool m_fold_han;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace kg
