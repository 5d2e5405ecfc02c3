// decode_text: BOM handling with ICU's UTF-8/UTF-16 macros (unicode/utf8.h, utf16.h).
#include "importers/text/text_decoder.hpp"

#include <cstring>

#include <unicode/utf16.h>

#include "base/text_util.hpp"

namespace kg {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";

DecodedText decode_utf16(std::string_view bytes, bool little_endian) {
    DecodedText result;
    result.had_bom = true;
    result.was_utf16 = true;
    const std::size_t units = (bytes.size() - 2) / 2;
    auto unit_at = [&](std::size_t i) -> UChar {
        const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + 2 + 2 * i;
        return little_endian ? static_cast<UChar>(p[0] | (p[1] << 8))
                             : static_cast<UChar>((p[0] << 8) | p[1]);
    };
    result.text.reserve(units * 3 / 2);
    for (std::size_t i = 0; i < units;) {
        UChar32 c = unit_at(i);
        const std::size_t at = i;
        ++i;
        if (U16_IS_LEAD(c) && i < units && U16_IS_TRAIL(unit_at(i))) {
            c = U16_GET_SUPPLEMENTARY(c, unit_at(i));
            ++i;
        } else if (U16_IS_SURROGATE(c)) {
            if (result.invalid_sequences++ == 0) {
                result.first_invalid_offset = 2 + 2 * at;
                result.first_invalid_in_text = result.text.size();
            }
            result.text.append(replacement);
            continue;
        }
        append_utf8(result.text, static_cast<char32_t>(c));
    }
    if ((bytes.size() - 2) % 2 != 0) {
        if (result.invalid_sequences++ == 0) {
            result.first_invalid_offset = bytes.size() - 1;
            result.first_invalid_in_text = result.text.size();
        }
        result.text.append(replacement);
    }
    return result;
}

}  // namespace

bool looks_binary(std::string_view bytes) {
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                              (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
        return false;
    }
    const std::size_t n = std::min<std::size_t>(bytes.size(), 8192);
    return n > 0 && std::memchr(bytes.data(), '\0', n) != nullptr;
}

namespace {

// Replaces each NUL of the decoded text by U+FFFD, counting them; the first invalid
// sequence's place in the text moves by the bytes added before it.
void replace_nul_bytes(DecodedText& d) {
    std::size_t nul = d.text.find('\0');
    if (nul == std::string::npos) return;
    d.first_nul_in_text = nul;
    std::string out;
    out.reserve(d.text.size() + 16);
    std::size_t from = 0;
    std::size_t shift_invalid = 0;
    for (; nul != std::string::npos; nul = d.text.find('\0', from)) {
        out.append(d.text, from, nul - from);
        out += "\xEF\xBF\xBD";
        if (d.invalid_sequences > 0 && nul < d.first_invalid_in_text) shift_invalid += 2;
        ++d.nul_bytes;
        from = nul + 1;
    }
    out.append(d.text, from, std::string::npos);
    d.first_invalid_in_text += shift_invalid;
    d.text = std::move(out);
}

// The text of `bytes`: BOM removed, UTF-16 decoded, invalid UTF-8 replaced.
DecodedText decode_bytes(std::string_view bytes) {
    if (bytes.size() >= 2 && bytes[0] == '\xFF' && bytes[1] == '\xFE') {
        return decode_utf16(bytes, true);
    }
    if (bytes.size() >= 2 && bytes[0] == '\xFE' && bytes[1] == '\xFF') {
        return decode_utf16(bytes, false);
    }
    DecodedText result;
    std::size_t start = 0;
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        start = 3;
        result.had_bom = true;
    }
    const Utf8Repair repair = append_repaired_utf8(result.text, bytes.substr(start));
    result.invalid_sequences = repair.invalid;
    result.first_invalid_offset = start + repair.first_offset;
    result.first_invalid_in_text = repair.first_in_output;
    return result;
}

}  // namespace

DecodedText decode_text(std::string_view bytes) {
    DecodedText result = decode_bytes(bytes);
    replace_nul_bytes(result);
    // A lone CR (classic Mac OS) ends a line as LF does; one byte for one, offsets stay.
    std::string& t = result.text;
    for (std::size_t cr = t.find('\r'); cr != std::string::npos; cr = t.find('\r', cr + 1))
        if (cr + 1 == t.size() || t[cr + 1] != '\n') t[cr] = '\n';
    return result;
}

}  // namespace kg
