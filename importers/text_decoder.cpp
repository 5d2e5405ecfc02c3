// decode_text: BOM handling with ICU's UTF-8/UTF-16 macros (unicode/utf8.h, utf16.h).
#include "importers/text_decoder.hpp"

#include <cstring>

#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace kg {
namespace {

constexpr char replacement[] = "\xEF\xBF\xBD";

void append_utf8(std::string& out, UChar32 c) {
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, U8_MAX_LENGTH, c, error);
    if (error) {
        out.append(replacement, 3);
    } else {
        out.append(buf, static_cast<std::size_t>(len));
    }
}

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
            result.text.append(replacement, 3);
            continue;
        }
        append_utf8(result.text, c);
    }
    if ((bytes.size() - 2) % 2 != 0) {
        if (result.invalid_sequences++ == 0) {
            result.first_invalid_offset = bytes.size() - 1;
            result.first_invalid_in_text = result.text.size();
        }
        result.text.append(replacement, 3);
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
    return std::memchr(bytes.data(), '\0', n) != nullptr;
}

DecodedText decode_text(std::string_view bytes) {
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
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    const auto length = static_cast<int32_t>(bytes.size());
    // Fast path: copy valid runs whole, stop only at a bad sequence.
    int32_t i = static_cast<int32_t>(start);
    int32_t run_start = i;
    result.text.reserve(bytes.size() - start);
    while (i < length) {
        if (s[i] < 0x80) {
            ++i;
            continue;
        }
        const int32_t at = i;
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            result.text.append(bytes.data() + run_start, static_cast<std::size_t>(at - run_start));
            if (result.invalid_sequences++ == 0) {
                result.first_invalid_offset = static_cast<std::size_t>(at);
                result.first_invalid_in_text = result.text.size();
            }
            result.text.append(replacement, 3);
            run_start = i;
        }
    }
    result.text.append(bytes.data() + run_start, static_cast<std::size_t>(length - run_start));
    return result;
}

}  // namespace kg
