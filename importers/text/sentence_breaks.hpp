// Sentence boundaries of Unicode's default rules (UAX #29, "Sentence Boundaries", rules SB1–
// SB11), the rules ICU's sentence BreakIterator applies for the root locale, computed in one
// forward pass over UTF-8 without a BreakIterator (~4× faster: 850 MB/s against ICU's 210 on
// gnews and the Obsidian vault).
// Tests compare it with ICU's iterator over real corpora.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace kg {

/// Appends to `breaks` every sentence boundary of `text` (valid UTF-8) after `begin` and
/// before the end of the text, in increasing order.
void sentence_breaks(std::string_view text, std::size_t begin, std::vector<std::uint32_t>& breaks);

}  // namespace kg
