// Co-occurrence windows: where in a text one window of entities ends and the next begins — at
// sentence boundaries (sentence_breaks.hpp) or at blank lines. Found in pass 1 by the article
// importer (Document::window_breaks) and used by the mention pass (mentions/mention_pass.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace kg {

/// What a co-occurrence window is.
enum class CooccurrenceWindow { off, sentence, paragraph, article };

/// Offsets in `text` after `begin` where a co-occurrence window starts (after the first):
/// sentence boundaries, or the line after a blank line; none for `off` and `article`.
std::vector<std::uint32_t> window_breaks(std::string_view text, std::size_t begin,
                                         CooccurrenceWindow window);

}  // namespace kg
