// Text helpers on ICU's UTF-8 macros (unicode/utf8.h).
#include "graph/text_util.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>

#include <unicode/utf8.h>

namespace kg {

namespace {
constexpr std::string_view replacement = "\xEF\xBF\xBD";
}

Utf8Repair append_repaired_utf8(std::string& out, std::string_view in) {
    Utf8Repair repair;
    const auto* s = reinterpret_cast<const uint8_t*>(in.data());
    const auto length = static_cast<int32_t>(in.size());
    int32_t i = 0;
    int32_t run_start = 0;
    out.reserve(out.size() + in.size());
    while (i < length) {
        if (s[i] < 0x80) {  // ASCII needs no decoding; valid runs are copied whole
            ++i;
            continue;
        }
        const int32_t at = i;
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c >= 0) continue;
        out.append(in.data() + run_start, static_cast<std::size_t>(at - run_start));
        if (repair.invalid++ == 0) {
            repair.first_offset = static_cast<std::size_t>(at);
            repair.first_in_output = out.size();
        }
        out.append(replacement);
        run_start = i;
    }
    out.append(in.data() + run_start, static_cast<std::size_t>(length - run_start));
    return repair;
}

std::string repaired_utf8(std::string_view in) {
    std::string out;
    append_repaired_utf8(out, in);
    return out;
}

bool is_valid_utf8(std::string_view in) {
    // Unicode 15, table 3-7 (well-formed byte sequences), with 16 ASCII bytes tested at once.
    const auto* s = reinterpret_cast<const unsigned char*>(in.data());
    const std::size_t n = in.size();
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    const auto continuation = [](unsigned char b) { return (b & 0xC0) == 0x80; };
    std::size_t block_end = 0;  // bytes before it are checked one sequence at a time
    for (std::size_t i = 0; i < n;) {
        if (i >= block_end && i + 16 <= n) {
            std::uint64_t a = 0;
            std::uint64_t b = 0;
            std::memcpy(&a, s + i, 8);
            std::memcpy(&b, s + i + 8, 8);
            if (((a | b) & high_bits) == 0) {
                i += 16;
                continue;
            }
            block_end = i + 16;
        }
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
        } else if (c < 0xC2) {
            return false;  // a continuation byte, or an overlong two-byte lead
        } else if (c < 0xE0) {
            if (i + 1 >= n || !continuation(s[i + 1])) return false;
            i += 2;
        } else if (c < 0xF0) {
            if (i + 2 >= n || !continuation(s[i + 1]) || !continuation(s[i + 2])) return false;
            if (c == 0xE0 && s[i + 1] < 0xA0) return false;   // overlong
            if (c == 0xED && s[i + 1] >= 0xA0) return false;  // a surrogate
            i += 3;
        } else if (c < 0xF5) {
            if (i + 3 >= n || !continuation(s[i + 1]) || !continuation(s[i + 2]) ||
                !continuation(s[i + 3]))
                return false;
            if (c == 0xF0 && s[i + 1] < 0x90) return false;   // overlong
            if (c == 0xF4 && s[i + 1] >= 0x90) return false;  // past U+10FFFF
            i += 4;
        } else {
            return false;
        }
    }
    return true;
}

void append_utf8(std::string& out, char32_t code_point) {
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, U8_MAX_LENGTH, static_cast<UChar32>(code_point),
              error);
    if (error || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
        out.append(replacement);
    } else {
        out.append(buf, static_cast<std::size_t>(len));
    }
}

std::string ascii_lower(std::string_view in) {
    std::string out(in);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace kg
