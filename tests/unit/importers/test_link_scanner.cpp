// Unit tests of scan_links: every link syntax kgraph reads, what must not count, bad input.
#include <string>
#include <vector>

#include "importers/links/char_references.hpp"
#include "importers/links/link_scanner.hpp"
#include "tests/test.hpp"

using namespace kg;

namespace {

ScanResult scan(std::string_view text, Dialect dialect = Dialect::markdown,
                bool label_first = false) {
    ScanOptions options;
    options.dialect = dialect;
    options.label_first = label_first;
    return scan_links(text, 0, options);
}

std::vector<std::string> targets(const ScanResult& r) {
    std::vector<std::string> out;
    for (const auto& l : r.links) out.emplace_back(l.target);
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("a plain wiki-link gives its target and no label", "[scanner]") {
    const auto r = scan("see [[Apple]] here");
    REQUIRE(r.links.size() == 1);
    CHECK(r.links[0].target == "Apple");
    CHECK(r.links[0].label.empty());
    CHECK(r.links[0].offset == 4);
    CHECK(r.links[0].end == 13);
    CHECK_FALSE(r.links[0].embed);
    CHECK(r.issues.empty());
}

TEST_CASE("a piped wiki-link splits target and label at the first pipe", "[scanner]") {
    const auto r = scan("[[T#section|the label|more]]");
    REQUIRE(r.links.size() == 1);
    CHECK(r.links[0].target == "T#section");
    CHECK(r.links[0].label == "the label|more");
}

TEST_CASE("an escaped pipe inside a table cell is a pipe", "[scanner]") {
    const auto r = scan("| [[A\\|B]] | x |");
    REQUIRE(r.links.size() == 1);
    CHECK(r.links[0].target == "A");
    CHECK(r.links[0].label == "B");
}

TEST_CASE("label-first order reads Dendron's [[Label|note.name]]", "[scanner]") {
    const auto r = scan("[[The label|dendron.topic.links]]", Dialect::markdown, true);
    REQUIRE(r.links.size() == 1);
    CHECK(r.links[0].target == "dendron.topic.links");
    CHECK(r.links[0].label == "The label");
}

TEST_CASE("an embed is marked and starts at the exclamation mark", "[scanner]") {
    const auto r = scan("x ![[img.png#interface|300]]");
    REQUIRE(r.links.size() == 1);
    CHECK(r.links[0].embed);
    CHECK(r.links[0].offset == 2);
    CHECK(r.links[0].target == "img.png#interface");
}

TEST_CASE("adjacent links and links glued to CJK text are all found", "[scanner]") {
    const auto r = scan("[[zh:中国]][[zh:人工智能]]报，[[zh:约翰]]逊");
    CHECK(targets(r) == V{"zh:中国", "zh:人工智能", "zh:约翰"});
}

TEST_CASE("links nested in a File caption are found with the file link", "[scanner]") {
    const auto r = scan("[[File:x.png|thumb|caption with [[X]] and [[Y|y]]]] after [[Z]]");
    CHECK(targets(r) == V{"File:x.png", "X", "Y", "Z"});
}

TEST_CASE("an escaped bracket before a link leaves the link", "[scanner]") {
    const auto r = scan("\\[[[zh:哥伦比亚]]");
    CHECK(targets(r) == V{"zh:哥伦比亚"});
}

TEST_CASE("three opening brackets read as a bracket and a link", "[scanner]") {
    const auto r = scan("[[[X]]]");
    CHECK(targets(r) == V{"X"});
}

TEST_CASE("nothing inside fenced code counts, backticks or tildes, indented or quoted",
          "[scanner]") {
    const auto r = scan(
        "a [[A]]\n```md\n[[B]]\n```\n- item\n  ~~~~\n  [[C]]\n  ~~~~\n> ```\n> [[D]]\n> "
        "```\n[[E]]\n");
    CHECK(targets(r) == V{"A", "E"});
}

TEST_CASE("an unclosed fence hides the rest of the file", "[scanner]") {
    CHECK(targets(scan("[[A]]\n```\n[[B]]\n")) == V{"A"});
}

TEST_CASE("nothing inside inline code counts, whatever the backtick run length", "[scanner]") {
    const auto r = scan("`[[A]]` and ``x `[[B]]` y`` and [[C]] and `` ` `` [[D]]");
    CHECK(targets(r) == V{"C", "D"});
}

TEST_CASE("an unmatched backtick is text, so the link after it counts", "[scanner]") {
    CHECK(targets(scan("it`s [[A]]\n\nnew `para")) == V{"A"});
}

TEST_CASE("nothing inside HTML or Obsidian comments counts", "[scanner]") {
    const auto r = scan("<!-- [[A]]\n[[B]] -->[[C]] %%[[D]]%% [[E]]");
    CHECK(targets(r) == V{"C", "E"});
}

TEST_CASE("an unclosed HTML comment is reported and hides the rest", "[scanner][bad-input]") {
    const auto r = scan("[[A]] <!-- [[B]]");
    CHECK(targets(r) == V{"A"});
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].kind == ProblemKind::unclosed_comment);
    CHECK(r.issues[0].offset == 6);
}

TEST_CASE("an unclosed wiki-link is reported at its start and read as text",
          "[scanner][bad-input]") {
    const auto r = scan("ab [[zh:香港 and more\n[[B]]");
    CHECK(targets(r) == V{"B"});
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].kind == ProblemKind::unclosed_link);
    CHECK(r.issues[0].offset == 3);
    CHECK(r.issues[0].message == "unclosed wiki-link '[[zh:香港 and more', expected ']]'");
}

TEST_CASE("an unclosed link at the end of the file is reported", "[scanner][bad-input]") {
    const auto r = scan("![[Partial embed");
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].offset == 0);
    CHECK(r.issues[0].message == "unclosed wiki-link '![[Partial embed', expected ']]'");
}

TEST_CASE("a link opened inside another plain link reports the outer one", "[scanner][bad-input]") {
    const auto r = scan("[[a [[b]] c");
    CHECK(targets(r) == V{"b"});
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].offset == 0);
    CHECK(r.issues[0].message == "unclosed wiki-link '[[a ', expected ']]'");
}

TEST_CASE("a long unclosed link is quoted shortened", "[scanner][bad-input]") {
    const auto r = scan("[[" + std::string(100, 'x'));
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].message ==
          "unclosed wiki-link '[[" + std::string(38, 'x') + "…', expected ']]'");
}

TEST_CASE("CRLF line ends do not leak into targets or messages", "[scanner]") {
    const auto r = scan("[[A]]\r\n[[B\r\n");
    CHECK(targets(r) == V{"A"});
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].message == "unclosed wiki-link '[[B', expected ']]'");
}

TEST_CASE("Markdown links give destination and text; titles and angle brackets work", "[scanner]") {
    const auto r = scan("[:house:返回](README.md) [two](<my note.md> \"Title\") [x](a(b).md)");
    REQUIRE(r.links.size() == 3);
    CHECK(r.links[0].syntax == LinkSyntax::markdown);
    CHECK(r.links[0].target == "README.md");
    CHECK(r.links[0].label == ":house:返回");
    CHECK(r.links[1].target == "my note.md");
    CHECK(r.links[2].target == "a(b).md");
}

TEST_CASE("URLs are told apart from relative destinations; autolinks are URLs", "[scanner]") {
    const auto r = scan("[GNews](https://gnews.org/a) <https://x.org/b> <not a link>");
    REQUIRE(r.links.size() == 2);
    CHECK(r.links[0].syntax == LinkSyntax::url);
    CHECK(r.links[1].syntax == LinkSyntax::url);
    CHECK(r.links[1].target == "https://x.org/b");
}

TEST_CASE("an image inside a link and a wiki-link inside link text are found", "[scanner]") {
    const auto r = scan("[![badge](b.png)](page.md) [see [[W]]](other.md)");
    CHECK(targets(r) == V{"page.md", "b.png", "other.md", "W"});
    CHECK(r.links[1].embed);
}

TEST_CASE("reference-style and bracketed text are not links", "[scanner]") {
    CHECK(scan("[a][b] [c] [d]: e.md").links.empty());
}

TEST_CASE("wikitext skips nowiki, pre, math, source and comments, not ref", "[scanner]") {
    const auto r = scan(
        "<nowiki>[[A]]</nowiki> <pre>[[B]]</pre> <math>[[C]]</math> <NoWiki/>[[D]] "
        "<syntaxhighlight lang=\"c\">[[E]]</syntaxhighlight> <ref>[[F]]</ref> <!--[[G]]-->",
        Dialect::wikitext);
    CHECK(targets(r) == V{"D", "F"});
}

TEST_CASE("wikitext labels and captions may run over lines, targets may not", "[scanner]") {
    const auto r = scan("[[Penny|\nd]] [[File:a.jpg|thumb|cap\ntion [[X]]]] [[bad\ntarget]]",
                        Dialect::wikitext);
    CHECK(targets(r) == V{"Penny", "File:a.jpg", "X"});
    CHECK(r.issues.size() == 1);
}

TEST_CASE("markdown links do not wrap across a paragraph break in wikitext or markdown",
          "[scanner]") {
    CHECK(scan("[a\n\nb](x.md)").links.empty());
}

TEST_CASE("wikitext external links are URLs", "[scanner]") {
    const auto r = scan("[https://example.org Example] [not url]", Dialect::wikitext);
    REQUIRE(r.links.size() == 1);
    CHECK(r.links[0].syntax == LinkSyntax::url);
    CHECK(r.links[0].target == "https://example.org");
    CHECK(r.links[0].label == "Example");
}

TEST_CASE(
    "file captions nest links 32 deep (the outer one counted); deeper, the outer link is text",
    "[scanner]") {
    std::string text;  // the links point into it
    auto nested = [&](int depth) {
        text.clear();
        for (int d = 0; d < depth; ++d) text += "[[File:f" + std::to_string(d) + ".png|";
        text += "x";
        for (int d = 0; d < depth; ++d) text += "]]";
        return scan(text, Dialect::wikitext);
    };
    const auto ok = nested(32);  // the outer link holds 31 nested in its caption
    REQUIRE(ok.links.size() == 32);
    CHECK(ok.links[0].target == "File:f0.png");
    CHECK(ok.issues.empty());
    const auto deep = nested(33);
    REQUIRE(deep.links.size() == 32);  // f1 … f32: the outermost is text
    CHECK(deep.links[0].target == "File:f1.png");
    REQUIRE(deep.issues.size() == 1);
    CHECK(deep.issues[0].offset == 0);
}

TEST_CASE("a Markdown destination holds up to 32 nested parentheses", "[scanner]") {
    std::string text;  // the links point into it
    auto link = [&](int parens) {
        text = "[a](x" + std::string(parens, '(') + std::string(parens, ')') + ")";
        return scan(text);
    };
    const auto ok = link(32);
    REQUIRE(ok.links.size() == 1);
    CHECK(ok.links[0].target == "x" + std::string(32, '(') + std::string(32, ')'));
    CHECK(link(33).links.empty());
}

TEST_CASE("character references decode as MediaWiki decodes them in titles", "[scanner]") {
    CHECK(decode_char_references("Caf&eacute;") == "Café");
    CHECK(decode_char_references("Caf&#233; &#xE9;&#XE9;") == "Café éé");
    CHECK(decode_char_references("A &amp; B &lt;&gt;") == "A & B <>");
    CHECK(decode_char_references("&thetasym;&zwj;") == "\u03D1\u200D");
    // No character: left as written.
    CHECK(decode_char_references("&nosuch; &#0; &#xD800; &#x110000; &amp &#;") ==
          "&nosuch; &#0; &#xD800; &#x110000; &amp &#;");
    CHECK(decode_char_references("&&eacute;;") == "&é;");
}
