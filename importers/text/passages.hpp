// Passages for evidence (--evidence K): the stretch of text around an occurrence that a reader
// needs to see why an edge exists — its sentence, clipped to ~100 bytes on each side, on code
// point boundaries. Used by the article importer (links) and the mention pass (mentions,
// co-occurrence). Plain byte arithmetic on valid UTF-8; no ICU.
#pragma once

#include <cstddef>
#include <string_view>

namespace kg {

struct PassageRange {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// The passage around `text[begin, end)`: back to the start of its sentence (after . ! ? 。
/// ！ ？ or a blank line; a single line break is Markdown's wrapping) and on to its end (the
/// terminator included), at most `context` bytes each way, never cutting a code point,
/// without the white space at its edges. Precondition: begin <= end <= text.size().
PassageRange passage_around(std::string_view text, std::size_t begin, std::size_t end,
                            std::size_t context = 100);

/// Where the link markup that starts at `offset` ends: after the matching "]]" for a wiki-link
/// (links nested in it close first), after ")" for a Markdown link, else after one code point
/// (at most 400 bytes are looked at).
std::size_t markup_end(std::string_view text, std::size_t offset);

}  // namespace kg
