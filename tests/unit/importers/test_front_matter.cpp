// Unit tests of parse_front_matter: title, aliases in every YAML list form, lang, edge cases.
#include "importers/markdown/front_matter.hpp"
#include "tests/test.hpp"

using namespace kg;

TEST_CASE("title, block-list aliases and lang are read; the body starts after the fence",
          "[front-matter]") {
    const std::string text =
        "---\ntitle: \"Hello: World\"\naliases:\n  - Start here\n  - 'It''s'\nlang: zh\n---\n# H\n";
    const auto fm = parse_front_matter(text);
    REQUIRE(fm.present);
    CHECK(fm.title == "Hello: World");
    CHECK(fm.aliases == std::vector<std::string>{"Start here", "It's"});
    CHECK(fm.lang == "zh");
    CHECK(text.substr(fm.body_offset) == "# H\n");
}

TEST_CASE("flow lists, single alias and CRLF are read", "[front-matter]") {
    const auto fm =
        parse_front_matter("---\r\naliases: [a, \"b, c\", 'd']\r\nalias: e\r\n---\r\nx");
    REQUIRE(fm.present);
    CHECK(fm.aliases == std::vector<std::string>{"a", "b, c", "d", "e"});
}

TEST_CASE("a block that never closes, or does not open on line 1, is not front matter",
          "[front-matter]") {
    CHECK_FALSE(parse_front_matter("---\ntitle: x\n").present);
    CHECK_FALSE(parse_front_matter("###  [:house:返回](README.md)\n---\n\n## T\n---\n").present);
    CHECK_FALSE(parse_front_matter("").present);
}

TEST_CASE("unquoted values lose trailing comments; other keys are ignored", "[front-matter]") {
    const auto fm = parse_front_matter("---\nid: 9302\ntitle: Caching # note\ndesc: ''\n...\nbody");
    REQUIRE(fm.present);
    CHECK(fm.title == "Caching");
    CHECK(fm.aliases.empty());
}

TEST_CASE("an unclosed flow list keeps its last item whole (found by fuzzing)", "[front-matter]") {
    const FrontMatter fm = parse_front_matter("---\naliases: [a, 中国\n---\nx");
    REQUIRE(fm.present);
    CHECK(fm.aliases == std::vector<std::string>{"a", "中国"});
}
