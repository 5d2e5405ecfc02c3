// Unit tests of the evidence passages (importers/text/passages) and the EvidenceIndex.
#include "base/text_util.hpp"
#include "graph/evidence.hpp"
#include "importers/text/passages.hpp"
#include "tests/test.hpp"

using namespace kg;

namespace {
std::string passage(std::string_view text, std::string_view name, std::size_t context = 100) {
    const std::size_t at = text.find(name);
    const PassageRange r = passage_around(text, at, at + name.size(), context);
    return std::string(text.substr(r.begin, r.end - r.begin));
}
}  // namespace

TEST_CASE("evidence: a passage is the sentence around the name") {
    CHECK(passage("First one. The [[cat]] sat! Then more.", "[[cat]]") == "The [[cat]] sat!");
    CHECK(passage("中国很大。北京是[[首都]]。上海也大。", "[[首都]]") == "北京是[[首都]]。");
    CHECK(passage("Is it? Yes, [[it]] is", "[[it]]") == "Yes, [[it]] is");
}

TEST_CASE("evidence: a wrapped line does not end the sentence, a blank line does") {
    CHECK(passage("Visitors from [[Cairo]] and\n[[Tokyo]] meet.", "[[Cairo]]") ==
          "Visitors from [[Cairo]] and\n[[Tokyo]] meet.");
    CHECK(passage("A heading\n\nThe [[x]] here", "[[x]]") == "The [[x]] here");
}

TEST_CASE("evidence: a long sentence is clipped on code point boundaries") {
    std::string text;
    for (int i = 0; i < 60; ++i) text += "汉";  // 3 bytes each, no terminator
    text += "[[名]]";
    for (int i = 0; i < 60; ++i) text += "字";
    const std::string p = passage(text, "[[名]]", 20);
    CHECK(p.find("[[名]]") != std::string::npos);
    CHECK(p.size() <= 20 + 8 + 20);
    CHECK(is_valid_utf8(p));
    CHECK(p.rfind("汉", 0) == 0);  // starts on a whole character
}

TEST_CASE("evidence: markup_end finds the end of a wiki-link and of a Markdown link") {
    const std::string t = "see [[A|b]] and [x](y.md) then z";
    CHECK(t.substr(4, markup_end(t, 4) - 4) == "[[A|b]]");
    CHECK(t.substr(16, markup_end(t, 16) - 16) == "[x](y.md)");
    CHECK(markup_end(t, 0) == 1);
    const std::string nested = "[[File:a.jpg|thumb|[[Pope]] Gregory]] and";
    CHECK(nested.substr(0, markup_end(nested, 0)) == "[[File:a.jpg|thumb|[[Pope]] Gregory]]");
    CHECK(nested.substr(19, markup_end(nested, 19) - 19) == "[[Pope]]");
}

TEST_CASE("evidence: the index keeps the first K passages an edge, co-occurrence either way") {
    EvidenceIndex index(2);
    const auto add = [&](std::string_view s, std::string_view t, EdgeKind k, std::string text) {
        Evidence e;
        e.text = text;
        e.where = "f:1:1";
        index.add(s, t, k, e);
    };
    CHECK(index.wants("a", "b", EdgeKind::link));
    add("a", "b", EdgeKind::link, "one");
    add("a", "b", EdgeKind::link, "two");
    CHECK_FALSE(index.wants("a", "b", EdgeKind::link));
    add("a", "b", EdgeKind::link, "three");
    const auto* found = index.find("a", "b", EdgeKind::link);
    REQUIRE(found != nullptr);
    REQUIRE(found->size() == 2);
    CHECK((*found)[0].text == "one");
    CHECK((*found)[1].text == "two");
    CHECK(index.find("b", "a", EdgeKind::link) == nullptr);  // a link has a direction
    add("y", "x", EdgeKind::cooccurrence, "both");
    REQUIRE(index.find("x", "y", EdgeKind::cooccurrence) != nullptr);
    CHECK(index.find("x", "y", EdgeKind::cooccurrence)->front().text == "both");
    CHECK(index.passages() == 3);
    CHECK(index.edges() == 2);
    EvidenceIndex none(0);
    CHECK_FALSE(none.wants("a", "b", EdgeKind::link));
}
