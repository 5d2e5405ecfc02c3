// Text helpers on ICU's UTF-8 macros (unicode/utf8.h).
#include "base/text_util.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>

#include <unicode/utf8.h>

#if defined(__x86_64__)
#include <tmmintrin.h>
#endif

namespace kg {

namespace {
constexpr std::string_view replacement = "\xEF\xBF\xBD";

#if defined(__x86_64__)
// UTF-8 validation 16 bytes at a time (the "lookup" method of Keiser and Lemire, "Validating
// UTF-8 in less than one instruction per byte", 2021). Each byte is classified by the high
// and low nibble of the byte before it and the high nibble of its own with three table
// lookups; the three class masks share a bit only where the pair of bytes is ill-formed.
// The bit 0x80 marks "a continuation after a continuation", which is right exactly where the
// byte two or three back opened a three- or four-byte sequence.
constexpr char too_short = 1 << 0;       // a lead byte or ASCII where a continuation must be
constexpr char too_long = 1 << 1;        // a continuation after ASCII
constexpr char overlong_3 = 1 << 2;      // E0 80..9F
constexpr char too_large = 1 << 3;       // F4 90..BF, F5..FF
constexpr char surrogate = 1 << 4;       // ED A0..BF
constexpr char overlong_2 = 1 << 5;      // C0, C1
constexpr char too_large_1000 = 1 << 6;  // F5..FF 80..8F
constexpr char overlong_4 = 1 << 6;      // F0 80..8F
constexpr char two_conts = static_cast<char>(1 << 7);
constexpr char carry = too_short | too_long | two_conts;

__attribute__((target("ssse3"))) __m128i utf8_block_errors(__m128i input, __m128i previous) {
    const __m128i nibble = _mm_set1_epi8(0x0F);
    const __m128i prev1 = _mm_alignr_epi8(input, previous, 15);
    const __m128i byte_1_high = _mm_shuffle_epi8(
        _mm_setr_epi8(too_long, too_long, too_long, too_long, too_long, too_long, too_long,
                      too_long, two_conts, two_conts, two_conts, two_conts, too_short | overlong_2,
                      too_short, too_short | overlong_3 | surrogate,
                      too_short | too_large | too_large_1000 | overlong_4),
        _mm_and_si128(_mm_srli_epi16(prev1, 4), nibble));
    const __m128i byte_1_low = _mm_shuffle_epi8(
        _mm_setr_epi8(carry | overlong_3 | overlong_2 | overlong_4, carry | overlong_2, carry,
                      carry, carry | too_large, carry | too_large | too_large_1000,
                      carry | too_large | too_large_1000, carry | too_large | too_large_1000,
                      carry | too_large | too_large_1000, carry | too_large | too_large_1000,
                      carry | too_large | too_large_1000, carry | too_large | too_large_1000,
                      carry | too_large | too_large_1000,
                      carry | too_large | too_large_1000 | surrogate,
                      carry | too_large | too_large_1000, carry | too_large | too_large_1000),
        _mm_and_si128(prev1, nibble));
    constexpr char cont_8 =
        too_long | overlong_2 | two_conts | overlong_3 | too_large_1000 | overlong_4;
    constexpr char cont_9 = too_long | overlong_2 | two_conts | overlong_3 | too_large;
    constexpr char cont_ab = too_long | overlong_2 | two_conts | surrogate | too_large;
    const __m128i byte_2_high =
        _mm_shuffle_epi8(_mm_setr_epi8(too_short, too_short, too_short, too_short, too_short,
                                       too_short, too_short, too_short, cont_8, cont_9, cont_ab,
                                       cont_ab, too_short, too_short, too_short, too_short),
                         _mm_and_si128(_mm_srli_epi16(input, 4), nibble));
    const __m128i special = _mm_and_si128(_mm_and_si128(byte_1_high, byte_1_low), byte_2_high);
    // Bytes two back at E0 or more, or three back at F0 or more, demand a continuation here.
    const __m128i prev2 = _mm_alignr_epi8(input, previous, 14);
    const __m128i prev3 = _mm_alignr_epi8(input, previous, 13);
    const __m128i third = _mm_subs_epu8(prev2, _mm_set1_epi8(static_cast<char>(0xE0 - 1)));
    const __m128i fourth = _mm_subs_epu8(prev3, _mm_set1_epi8(static_cast<char>(0xF0 - 1)));
    const __m128i must_continue = _mm_and_si128(
        _mm_cmpgt_epi8(_mm_or_si128(third, fourth), _mm_setzero_si128()), _mm_set1_epi8(two_conts));
    // (cmpgt compares signed bytes; the differences are at most 0x20 and 0x10.)
    return _mm_xor_si128(must_continue, special);
}

__attribute__((target("ssse3"))) bool is_valid_utf8_ssse3(std::string_view in) {
    const char* data = in.data();
    const std::size_t n = in.size();
    // A block's end still waits for continuations when its last byte is C0 or more, the one
    // before E0 or more, or the one before that F0 or more.
    const __m128i incomplete_at = _mm_setr_epi8(
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, static_cast<char>(0xF0 - 1),
        static_cast<char>(0xE0 - 1), static_cast<char>(0xC0 - 1));
    __m128i previous = _mm_setzero_si128();
    __m128i pending = _mm_setzero_si128();
    __m128i errors = _mm_setzero_si128();
    auto check = [&](__m128i input) {
        if (_mm_movemask_epi8(input) == 0) {
            errors = _mm_or_si128(errors, pending);  // ASCII where continuations were due
        } else {
            errors = _mm_or_si128(errors, utf8_block_errors(input, previous));
            pending = _mm_subs_epu8(input, incomplete_at);
        }
        previous = input;
    };
    std::size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        check(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i)));
        if ((i & 1023) == 1008 &&
            _mm_movemask_epi8(_mm_cmpeq_epi8(errors, _mm_setzero_si128())) != 0xFFFF)
            return false;
    }
    // The rest, padded with NUL: a sequence cut by the end meets a NUL where it needs more.
    char last[16] = {};
    if (n > i) std::memcpy(last, data + i, n - i);
    check(_mm_loadu_si128(reinterpret_cast<const __m128i*>(last)));
    return _mm_movemask_epi8(_mm_cmpeq_epi8(errors, _mm_setzero_si128())) == 0xFFFF;
}
#endif
}  // namespace

Utf8Repair append_repaired_utf8(std::string& out, std::string_view in) {
    Utf8Repair repair;
    // Almost all text is valid: one vectorized check, one copy.
    if (is_valid_utf8(in)) {
        out.append(in);
        return repair;
    }
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

std::size_t count_byte(std::string_view in, char byte) noexcept {
    std::size_t count = 0;
    std::size_t i = 0;
#if defined(__x86_64__)
    // Each match subtracts -1 from its byte lane; every 255 blocks (before a lane could wrap)
    // the lanes are summed by _mm_sad_epu8. No popcount: SSE2 is all x86-64 promises.
    const __m128i wanted = _mm_set1_epi8(byte);
    const __m128i zero = _mm_setzero_si128();
    while (i + 16 <= in.size()) {
        __m128i lanes = zero;
        for (int k = 0; k < 255 && i + 16 <= in.size(); ++k, i += 16) {
            const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in.data() + i));
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(block, wanted));
        }
        const __m128i sums = _mm_sad_epu8(lanes, zero);
        count += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) +
                 static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
    }
#endif
    for (; i < in.size(); ++i) count += in[i] == byte ? 1 : 0;
    return count;
}

bool is_valid_utf8_bytewise(std::string_view in) {
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

bool is_valid_utf8(std::string_view in) {
#if defined(__x86_64__)
    static const bool ssse3 = __builtin_cpu_supports("ssse3");
    if (ssse3) return is_valid_utf8_ssse3(in);
#endif
    return is_valid_utf8_bytewise(in);
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
