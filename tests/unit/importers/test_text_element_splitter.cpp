// Unit tests of TextElementSplitter, the decoder of <text> contents that spares expat the bulk
// of a dump: its pages and error messages must equal expat's own reading (the reader with
// lifting off) on every construct XML allows in character data and on the ones it forbids,
// and its output must not depend on where the input's chunks end.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include "base/error.hpp"
#include "importers/compression/byte_source.hpp"
#include "importers/mediawiki/mediawiki_dump_reader.hpp"
#include "importers/mediawiki/text_element_splitter.hpp"
#include "tests/test.hpp"

using namespace kg;
namespace fs = std::filesystem;

namespace {

struct Reading {
    std::vector<WikiPage> pages;
    std::string error;
};

// Every page of `xml` and the error that ended the reading, if any.
Reading read_dump(const std::string& xml, bool lift) {
    const fs::path path =
        fs::temp_directory_path() / ("kg-splitter-" + std::to_string(::getpid()) + ".xml");
    std::ofstream(path, std::ios::binary) << xml;
    Reading r;
    {
        ByteSource bytes(path.string(), "dump.xml");
        MediaWikiDumpReader reader(bytes, lift);
        try {
            while (reader.next(r.pages, 1)) {
            }
        } catch (const InputError& e) {
            r.error = e.what();
        }
    }
    fs::remove(path);
    return r;
}

std::string dump_of(const std::vector<std::string>& texts) {
    std::string xml =
        "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\">\n"
        "  <siteinfo><sitename>W</sitename><case>first-letter</case></siteinfo>\n";
    for (std::size_t i = 0; i < texts.size(); ++i) {
        xml += "  <page>\n    <title>P" + std::to_string(i) + "</title>\n    <ns>0</ns>\n    <id>" +
               std::to_string(i + 1) +
               "</id>\n    <revision>\n      <id>9</id>\n      <text bytes=\"" +
               std::to_string(texts[i].size()) + "\" xml:space=\"preserve\">" + texts[i] +
               "</text>\n    </revision>\n  </page>\n";
    }
    return xml + "</mediawiki>\n";
}

// The reader with lifting gives what expat alone gives: pages, text, lines and the error.
void check_same_as_expat(const std::string& xml) {
    const Reading fast = read_dump(xml, true);
    const Reading plain = read_dump(xml, false);
    INFO(xml);
    CHECK(fast.error == plain.error);
    REQUIRE(fast.pages.size() == plain.pages.size());
    for (std::size_t i = 0; i < plain.pages.size(); ++i) {
        CHECK(fast.pages[i].title == plain.pages[i].title);
        CHECK(fast.pages[i].text == plain.pages[i].text);
        CHECK(fast.pages[i].line == plain.pages[i].line);
        CHECK(fast.pages[i].text_line == plain.pages[i].text_line);
        CHECK(fast.pages[i].id == plain.pages[i].id);
    }
}

}  // namespace

TEST_CASE("lifted texts decode references, line ends and characters as expat does",
          "[wiki-input][splitter]") {
    const std::vector<std::string> texts = {
        "plain [[Link]] text",
        "",
        "&lt;ref&gt;[[A &amp; B]]&lt;/ref&gt; &quot;q&quot; &apos;a&apos;",
        "&#65;&#x42;&#0000068;&#x4e2d;&#x1F600; &#9;tab",
        "line one\r\nline two\rline three\n",
        "ends with CR\r",
        "\n\nstarts with blank lines",
        "中文 ，全角 [[香港]]\nsecond line 中",
        "a > b ]] c ]> d ] ]>",
        "&#13;&#10; char refs to CR and LF stay as written",
        std::string(5000, 'x') + "\n" + std::string(3000, 'y'),
    };
    const std::string xml = dump_of(texts);
    check_same_as_expat(xml);
    const Reading r = read_dump(xml, true);
    INFO(r.error);
    REQUIRE(r.pages.size() == texts.size());
    CHECK(r.pages[2].text == "<ref>[[A & B]]</ref> \"q\" 'a'");
    CHECK(r.pages[3].text == "ABD\xE4\xB8\xAD\xF0\x9F\x98\x80 \ttab");
    CHECK(r.pages[4].text == "line one\nline two\nline three\n");
    CHECK(r.pages[9].text == "\r\n char refs to CR and LF stay as written");
}

TEST_CASE("what the splitter does not decode goes to expat, which reads or reports it",
          "[wiki-input][splitter][bad-input]") {
    // Each is one page's text among good pages; some are well-formed, most are errors.
    const std::vector<std::string> cases = {
        "a <!-- comment [[X]] --> b",
        "a <![CDATA[ <raw> & [[Y]] ]]> b",
        "a <b>bold</b> <br/> c",
        "a <?pi x?> b",
        "undefined &nbsp; entity",
        "bare & ampersand",
        "&#0; null reference",
        "&#xD800; surrogate reference",
        "&#x110000; too large",
        "&#12a; bad digits",
        "&#X41; upper-case X",
        "&; empty",
        "control \x01 character",
        "U+FFFF \xEF\xBF\xBF here",
        "U+FFFE \xEF\xBF\xBE here",
        "cdata end ]]> in text",
        "a < b",
        "end tag with space </text >",
        "line\n</tex>",
    };
    for (const std::string& text : cases) {
        check_same_as_expat(dump_of({"[[Before]]", text, "[[After]]"}));
    }
}

TEST_CASE("errors after a lifted text keep expat's line, column and byte offset",
          "[wiki-input][splitter][bad-input]") {
    const std::string good = dump_of({"one\ntwo\nthree", "x"});
    // Damage right after a multi-line text, on the same line as its end tag, and later.
    for (const char* damage : {"</text></revisoin>", "</text>\n<bad attr=1>"}) {
        std::string xml = good;
        const std::size_t at = xml.find("</text>");
        xml.replace(at, 7, damage);
        check_same_as_expat(xml);
        CHECK(!read_dump(xml, true).error.empty());
    }
    for (const std::string& tail : {std::string("three"), std::string("three\n")}) {
        std::string xml = dump_of({"one\ntwo\n" + tail, "x"});
        xml.replace(xml.find("</revision>"), 11, "</revision");
        check_same_as_expat(xml);
    }
    // Truncated inside a text, inside a tag, after a page.
    const std::string long_dump = dump_of({"a\nb", "c\r\nd &amp; e", "f"});
    for (std::size_t cut : {long_dump.find("c\r\n") + 4, long_dump.find("<ns>", 400) + 2,
                            long_dump.rfind("</page>") + 7}) {
        check_same_as_expat(long_dump.substr(0, cut));
    }
}

TEST_CASE("a document type declaration or another encoding turns lifting off",
          "[wiki-input][splitter]") {
    std::string with_dtd = dump_of({"&custom; [[X]]"});
    with_dtd.insert(0, "<!DOCTYPE mediawiki [ <!ENTITY custom \"declared\"> ]>\n");
    check_same_as_expat(with_dtd);
    CHECK(read_dump(with_dtd, true).pages.at(0).text == "declared [[X]]");
    const std::string latin1 =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + dump_of({"caf\xE9 [[X]]"});
    // The reader repairs bytes that are no UTF-8 before either path sees them: same pages.
    check_same_as_expat(latin1);
}

TEST_CASE("the splitter's output does not depend on where the input's chunks end",
          "[wiki-input][splitter]") {
    const std::string xml = dump_of({"a &amp; b\r\nc\rd", "x <!-- c --> y", "&#x4e2d;文 ]]", "",
                                     "z\n", "bare & ampersand", "[[L]] &lt;ref&gt;"}) +
                            "<!-- tail <text>not lifted</text> -->";
    auto run = [](const std::string& input, const std::vector<std::size_t>& cuts) {
        TextElementSplitter splitter;
        std::string fed_all;
        std::vector<std::string> texts;
        std::size_t from = 0;
        for (std::size_t i = 0; i <= cuts.size(); ++i) {
            const std::size_t to = i < cuts.size() ? cuts[i] : input.size();
            std::string fed;
            splitter.split(std::string_view(input).substr(from, to - from), false, fed);
            fed_all += fed;
            from = to;
        }
        std::string fed;
        splitter.split({}, true, fed);
        fed_all += fed;
        for (auto& l : splitter.lifted()) texts.push_back(l.text);
        return std::make_pair(fed_all, texts);
    };
    const auto whole = run(xml, {});
    CHECK(whole.second.size() == 5);  // the text with a comment and the bare '&' go to expat
    CHECK(whole.first.size() < xml.size());
    for (std::size_t cut = 1; cut < xml.size(); ++cut) {
        const auto pieces = run(xml, {cut});
        REQUIRE(pieces == whole);
    }
    std::mt19937 random(7);
    for (int round = 0; round < 200; ++round) {
        std::vector<std::size_t> cuts;
        for (std::size_t at = 0;;) {
            at += 1 + random() % 40;
            if (at >= xml.size()) break;
            cuts.push_back(at);
        }
        REQUIRE(run(xml, cuts) == whole);
    }
}

TEST_CASE("byte offsets in the fed stream map back to the input", "[wiki-input][splitter]") {
    const std::string xml = "<r><text>abc\ndef</text><x/><text>g</text><y/></r>";
    TextElementSplitter splitter;
    std::string fed;
    splitter.split(xml, true, fed);
    CHECK(fed == "<r><text\n  ></text><x/><text ></text><y/></r>");
    CHECK(splitter.raw_offset(fed.find("<x/>")) == xml.find("<x/>"));
    CHECK(splitter.raw_offset(fed.find("<y/>")) == xml.find("<y/>"));
    CHECK(splitter.raw_offset(1) == 1);
    REQUIRE(splitter.lifted().size() == 2);
    CHECK(splitter.lifted()[0].text == "abc\ndef");
    CHECK(splitter.lifted()[0].fed_offset == 3);
    CHECK(splitter.lifted()[1].fed_offset == fed.find("<text "));
}

TEST_CASE("random texts of every kind read the same with and without the splitter",
          "[wiki-input][splitter][bad-input]") {
    // Pieces XML allows in character data and pieces it forbids; most documents end up
    // malformed somewhere, which is the point: the error must be expat's, at expat's place.
    const std::vector<std::string> pieces = {"word ",
                                             "[[Link]] ",
                                             "中文",
                                             "é",
                                             "\n",
                                             "\r\n",
                                             "\r",
                                             "\t",
                                             "&lt;",
                                             "&gt;",
                                             "&amp;",
                                             "&quot;",
                                             "&apos;",
                                             "&#65;",
                                             "&#x4e2d;",
                                             "&#0;",
                                             "&nbsp;",
                                             "& ",
                                             "]]",
                                             "]]>",
                                             "> ",
                                             "<!-- c -->",
                                             "<![CDATA[ x ]]>",
                                             "<b>",
                                             "</b>",
                                             "<br/>",
                                             "\x01",
                                             "\xEF\xBF\xBF",
                                             "\xEF\xBC\x8C",
                                             "</text >",
                                             std::string(300, 'x')};
    std::mt19937 random(11);
    std::size_t malformed = 0;
    for (int doc = 0; doc < 150; ++doc) {
        std::vector<std::string> texts;
        for (int page = 0; page < 3; ++page) {
            std::string text;
            const int length = static_cast<int>(random() % 12);
            for (int k = 0; k < length; ++k) {
                // Forbidden pieces are rarer, so that some documents stay well-formed.
                std::size_t pick = random() % pieces.size();
                if (pick >= 15 && random() % 3 != 0) pick = random() % 15;
                text += pieces[pick];
            }
            texts.push_back(text);
        }
        const std::string xml = dump_of(texts);
        check_same_as_expat(xml);
        if (!read_dump(xml, false).error.empty()) ++malformed;
    }
    // Both kinds occur.
    CHECK(malformed > 10);
    CHECK(malformed < 140);
}
