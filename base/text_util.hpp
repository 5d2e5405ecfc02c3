// Small text helpers every module needs: UTF-8 validation and repair, encoding one code point,
// ASCII lower-casing. In graph/ because importers and exporters may not include each other.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <unicode/utf8.h>

namespace kg {

/// What append_repaired_utf8 found.
struct Utf8Repair {
    std::size_t invalid = 0;          ///< ill-formed sequences replaced by U+FFFD
    std::size_t first_offset = 0;     ///< byte offset of the first one in the input
    std::size_t first_in_output = 0;  ///< where its U+FFFD was written in the output
};

/// Appends `in` to `out`, replacing each maximal ill-formed subpart (Unicode 15, 3.9) with
/// U+FFFD.
Utf8Repair append_repaired_utf8(std::string& out, std::string_view in);

/// `in` with every ill-formed sequence replaced by U+FFFD.
std::string repaired_utf8(std::string_view in);

/// Whether `in` is well-formed UTF-8 (Unicode table 3-7: no overlongs, surrogates or code
/// points past U+10FFFF). 16 bytes at a time with SSSE3 where the CPU has it.
bool is_valid_utf8(std::string_view in);
/// The same answer one sequence at a time (the fallback; tests compare the two).
bool is_valid_utf8_bytewise(std::string_view in);

/// How many bytes of `in` equal `byte` (16 at a time with SSE2: line counting over whole dumps).
std::size_t count_byte(std::string_view in, char byte) noexcept;

/// Appends the UTF-8 encoding of `code_point`; a surrogate or value above U+10FFFF appends
/// U+FFFD.
void append_utf8(std::string& out, char32_t code_point);

/// Calls `fn(code_point, bytes)` for each code point of `text`, in order; `bytes` is its
/// UTF-8 spelling in `text`. An ill-formed sequence arrives as code point -1.
template <typename Fn>
void for_each_code_point(std::string_view text, Fn&& fn) {
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    const auto n = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < n;) {
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        fn(c, text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
}

/// True when `s` ends with `suffix`.
inline bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// ASCII letters lower-cased, other bytes unchanged.
std::string ascii_lower(std::string_view in);

}  // namespace kg
