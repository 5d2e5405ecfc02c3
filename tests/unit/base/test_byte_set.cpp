// Unit tests of the block-at-a-time text scans: ByteSet::find, is_valid_utf8 and count_byte, each
// against a byte-by-byte reference (ICU's U8_NEXT for UTF-8) on inputs that cross 16-byte blocks.
#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

#include <unicode/utf8.h>

#include "base/byte_set.hpp"
#include "base/text_util.hpp"
#include "tests/test.hpp"

using namespace kg;

namespace {

std::size_t naive_find(std::string_view text, std::string_view signs, std::size_t from,
                       std::size_t limit) {
    for (std::size_t i = from; i < limit; ++i) {
        if (signs.find(text[i]) != std::string_view::npos) return i;
    }
    return limit;
}

bool icu_valid(std::string_view in) {
    const auto* s = reinterpret_cast<const uint8_t*>(in.data());
    const auto length = static_cast<int32_t>(in.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("ByteSet::find finds the first sign in range, inside and across 16-byte blocks",
          "[byteset]") {
    const std::string signs = "[<{";
    const ByteSet set(signs);
    std::mt19937 random(7);
    std::size_t mismatches = 0;
    std::size_t hits = 0;
    for (int round = 0; round < 2000; ++round) {
        std::string text(random() % 80, 'a');
        for (char& c : text) {
            const auto r = static_cast<unsigned>(random() % 40);
            c = r == 0 ? '[' : r == 1 ? '<' : r == 2 ? '{' : r == 3 ? '\xE4' : char('a' + r % 26);
        }
        const std::size_t from = text.empty() ? 0 : random() % text.size();
        const std::size_t limit =
            from + (text.size() > from ? random() % (text.size() - from + 1) : 0);
        const std::size_t expected = naive_find(text, signs, from, limit);
        if (set.find(text, from, limit) != expected) ++mismatches;
        if (expected < limit) ++hits;
    }
    CHECK(mismatches == 0);
    CHECK(hits > 500);  // the inputs do exercise hits, not only misses
    const std::string far = std::string(100, 'x') + "{" + std::string(20, 'y');
    CHECK(set.find(far, 0, far.size()) == 100);
    CHECK(set.find(far, 101, far.size()) == far.size());
    CHECK(set.find(far, 0, 100) == 100);  // a sign at `limit` is not found
    CHECK(set.contains('<'));
    CHECK_FALSE(set.contains('a'));
}

TEST_CASE(
    "is_valid_utf8 (blocks and bytewise) agrees with ICU on every 1-3 byte sequence and 4-byte "
    "leads",
    "[utf8]") {
    std::size_t mismatches = 0;
    std::size_t valid = 0;
    const auto check = [&](const std::string& s) {
        // Alone, and at every offset that puts it across a 16-byte block's end (the block
        // tests), with text after it and with none.
        const bool expected = icu_valid(s);
        if (is_valid_utf8_bytewise(s) != expected) ++mismatches;
        if (is_valid_utf8(s) != expected) ++mismatches;
        for (std::size_t before : {13, 14, 15, 16, 17}) {
            const std::string padded = std::string(before, 'a') + s;
            if (is_valid_utf8(padded) != expected) ++mismatches;
            if (is_valid_utf8(padded + std::string(20, 'b')) != expected) ++mismatches;
            if (is_valid_utf8_bytewise(padded + "tail") != expected) ++mismatches;
        }
        if (is_valid_utf8(std::string(30, 'a') + "\xC3\xA9" + s) != expected) ++mismatches;
        if (expected) ++valid;
    };
    for (int a = 0; a < 256; ++a) {
        check(std::string(1, char(a)));
        for (int b = 0; b < 256; ++b) {
            check(std::string{char(a), char(b)});
            if (a >= 0xE0 && a <= 0xEF) {
                for (int c = 0x70; c < 0xD0; ++c) check(std::string{char(a), char(b), char(c)});
            }
            if (a >= 0xF0) {
                for (int c : {0x7F, 0x80, 0xBF, 0xC0}) {
                    for (int d : {0x7F, 0x80, 0xBF, 0xC0}) {
                        check(std::string{char(a), char(b), char(c), char(d)});
                    }
                }
            }
        }
    }
    CHECK(mismatches == 0);
    CHECK(valid > 60000);
    CHECK(is_valid_utf8("华为 Huawei and a long ASCII run before the end…"));
    CHECK_FALSE(is_valid_utf8(std::string(40, 'a') + "\xED\xA0\x80"));  // a surrogate
    CHECK_FALSE(is_valid_utf8(std::string(31, 'a') + "\xE4\xB8"));      // cut at the end
}

TEST_CASE("count_byte counts what std::count counts, at every offset and length", "[text]") {
    std::string text;
    for (int i = 0; i < 300; ++i)
        text += (i * 7919) % 5 == 0 ? '\n' : static_cast<char>('a' + i % 26);
    std::size_t mismatches = 0;
    for (std::size_t from = 0; from < 40; ++from) {
        for (std::size_t length = 0; from + length <= text.size(); length += 3) {
            const std::string_view part = std::string_view(text).substr(from, length);
            const auto expected =
                static_cast<std::size_t>(std::count(part.begin(), part.end(), '\n'));
            if (count_byte(part, '\n') != expected) ++mismatches;
        }
    }
    CHECK(mismatches == 0);
    CHECK(count_byte(text, '\n') == 60);
    // Past 255 blocks of matches (a lane's limit before it is summed).
    CHECK(count_byte(std::string(16 * 300 + 5, '\n'), '\n') == 16 * 300 + 5);
    CHECK(count_byte("", '\n') == 0);
}
