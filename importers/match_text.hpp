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
#include <vector>

namespace kg {

/// Folded text and, for each of its bytes, the byte offset in the original text of the code
/// point it came from (plus one entry for the end).
struct FoldedText {
    std::string text;
    std::vector<std::uint32_t> origin;
};

class MatchFolder {
public:
    /// `fold_han`: also map Traditional Chinese characters to Simplified (ICU "Hant-Hans").
    explicit MatchFolder(bool fold_han = false);
    ~MatchFolder();
    MatchFolder(const MatchFolder&) = delete;
    MatchFolder& operator=(const MatchFolder&) = delete;

    /// Folds `text[from, to)`; origins are offsets in `text`.
    /// Precondition: valid UTF-8.
    void fold(std::string_view text, std::size_t from, std::size_t to, FoldedText& out) const;

    /// Folds a whole string (dictionary entries).
    std::string fold(std::string_view text) const;

    /// `text` with Traditional Chinese characters replaced by Simplified ones when the folder
    /// folds Han, else unchanged; nothing else is touched (used for keys).
    std::string simplify_han(std::string_view text) const;

    bool folds_han() const noexcept { return m_fold_han; }

private:
    void append_folded(std::string& out, std::int32_t code_point) const;

    bool m_fold_han;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace kg
