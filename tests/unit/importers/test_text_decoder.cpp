// Unit tests of decode_text and looks_binary: BOMs, UTF-16, invalid UTF-8 replacement.
#include "importers/text/text_decoder.hpp"
#include "tests/test.hpp"

using namespace kg;

TEST_CASE("valid UTF-8 passes unchanged", "[decoder]") {
    const auto d = decode_text("中国 ok\r\n");
    CHECK(d.text == "中国 ok\r\n");
    CHECK(d.invalid_sequences == 0);
    CHECK_FALSE(d.had_bom);
}

TEST_CASE("a UTF-8 BOM is removed", "[decoder]") {
    const auto d = decode_text("\xEF\xBB\xBF###  x");
    CHECK(d.text == "###  x");
    CHECK(d.had_bom);
}

TEST_CASE("each invalid sequence becomes one U+FFFD, the first offset is kept",
          "[decoder][bad-input]") {
    // lone continuation byte, truncated CJK (E4 B8 then ASCII), overlong '/', 0xFF
    const auto d = decode_text(
        "ab\x80"
        "c\xE4\xB8"
        "d\xC0\xAF"
        "e\xFF");
    CHECK(d.invalid_sequences == 5);
    CHECK(d.first_invalid_offset == 2);
    CHECK(d.first_invalid_in_text == 2);
    CHECK(d.text ==
          "ab\xEF\xBF\xBD"
          "c\xEF\xBF\xBD"
          "d\xEF\xBF\xBD\xEF\xBF\xBD"
          "e\xEF\xBF\xBD");
}

TEST_CASE("encoded surrogates are invalid", "[decoder][bad-input]") {
    const auto d = decode_text("\xED\xA0\x80");
    CHECK(d.invalid_sequences >= 1);
    CHECK(d.text.find("\xED\xA0\x80") == std::string::npos);
}

TEST_CASE("UTF-16 with a BOM is decoded, both byte orders", "[decoder]") {
    const std::string le(
        "\xFF\xFE"
        "A\0\x2D\x4E\r\0\n\0",
        10);  // "A中\r\n"
    const auto d = decode_text(le);
    CHECK(d.was_utf16);
    CHECK(d.text == "A\xE4\xB8\xAD\r\n");
    const std::string be("\xFE\xFF\0A\xD8\x3D\xDE\x00", 8);  // "A😀"
    CHECK(decode_text(be).text == "A\xF0\x9F\x98\x80");
}

TEST_CASE("a lone UTF-16 surrogate is replaced and counted", "[decoder][bad-input]") {
    const std::string le(
        "\xFF\xFE\x00\xD8"
        "A\0",
        6);
    const auto d = decode_text(le);
    CHECK(d.invalid_sequences == 1);
    CHECK(d.first_invalid_offset == 2);
    CHECK(d.text ==
          "\xEF\xBF\xBD"
          "A");
}

TEST_CASE("a NUL byte marks a binary file, unless it is UTF-16", "[decoder]") {
    CHECK(looks_binary(std::string("PNG\0\0", 5)));
    CHECK_FALSE(looks_binary("plain text"));
    CHECK_FALSE(
        looks_binary(std::string("\xFF\xFE"
                                 "A\0",
                                 4)));
    CHECK_FALSE(looks_binary(""));
}
