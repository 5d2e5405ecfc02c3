// Turns the raw bytes of an input into valid UTF-8 text: drops a UTF-8 BOM, decodes UTF-16
// with a BOM, replaces each invalid UTF-8 sequence with U+FFFD and says where it was.
// Called by every importer before any scanning; scanners may then assume valid UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kg {

struct DecodedText {
    std::string text;                       ///< valid UTF-8, BOM removed
    std::size_t invalid_sequences = 0;      ///< how many were replaced by U+FFFD
    std::size_t first_invalid_offset = 0;   ///< byte offset of the first one in the input
    std::size_t first_invalid_in_text = 0;  ///< where its U+FFFD sits in `text`
    std::size_t nul_bytes = 0;              ///< NUL bytes, each replaced by U+FFFD
    std::size_t first_nul_in_text = 0;      ///< where the first one's U+FFFD sits in `text`
    bool had_bom = false;
    bool was_utf16 = false;
};

/// Decodes `bytes`. Never throws on bad input: every invalid sequence (a maximal ill-formed
/// subpart, as Unicode recommends) becomes one U+FFFD, and so does every NUL byte (no text
/// format kgraph writes can carry one). A lone CR becomes LF (CRLF stays).
DecodedText decode_text(std::string_view bytes);

/// True when `bytes` looks like a binary file (a NUL byte in its first 8 KiB) and carries no
/// UTF-16 byte-order mark.
bool looks_binary(std::string_view bytes);

}  // namespace kg
