// Unit tests of ArticleImporter and CorpusIndex: keys, titles, link kinds, path resolution,
// and every bad-input case with its exact message and position.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "importers/article_importer.hpp"
#include "importers/corpus_reader.hpp"
#include "tests/test.hpp"

using namespace kg;

namespace {

struct Fixture {
    CorpusIndex index{CaseRule::fold};
    ImportOptions options;

    Document run(std::string_view text, std::string_view relative = "note.md",
                 Dialect dialect = Dialect::markdown) {
        index.add(relative);
        const ArticleImporter importer(options, index);
        return importer.import(text, std::string(relative), relative, dialect);
    }
};

std::vector<std::string> keys(const Document& d) {
    std::vector<std::string> out;
    for (const auto& l : d.links) out.push_back(std::string(l.key()));
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("a link's four texts are kept apart in its one string, also when reset from itself",
          "[importer]") {
    ExtractedLink link;
    CHECK(link.key().empty());
    CHECK(link.shown().empty());
    link.set("香港", "Hong_Kong", "zh", "");
    CHECK(link.key() == "香港");
    CHECK(link.surface() == "Hong_Kong");
    CHECK(link.lang() == "zh");
    CHECK(link.label().empty());
    CHECK(link.shown() == "Hong_Kong");
    link.set_label(link.surface().substr(5));  // a view of the link's own text
    CHECK(link.label() == "Kong");
    CHECK(link.shown() == "Kong");
    link.set_key(link.label());
    CHECK(link.key() == "Kong");
    CHECK(link.surface() == "Hong_Kong");
    CHECK(link.lang() == "zh");
    CHECK(link.label() == "Kong");
}

TEST_CASE("the key is the normalized file stem; the title comes from front matter first",
          "[importer]") {
    Fixture f;
    const auto d =
        f.run("---\ntitle: The Apple\naliases: [Malus]\n---\n# Heading\n", "fruit/Apple_Tree.md");
    CHECK(d.key == "apple tree");
    CHECK(d.title == "The Apple");
    CHECK(d.aliases == V{"Malus"});
}

TEST_CASE("the title is the first heading that is more than a link", "[importer]") {
    Fixture f;
    const auto d = f.run(
        "###  [:house:返回](README.md)\n---\n\n## 中国的**生成式**[[zh:人工智能]]为何落后?\n");
    CHECK(d.title == "中国的生成式人工智能为何落后?");
}

TEST_CASE("headings inside code do not name the article; the stem is the last resort",
          "[importer]") {
    Fixture f;
    CHECK(f.run("```\n# not me\n```\ntext\n", "My Note.md").title == "My Note");
    CHECK(f.run("", "Empty.md").title == "Empty");
}

TEST_CASE("an empty file is an article with no links and no problems", "[importer]") {
    Fixture f;
    const auto d = f.run("", "empty.md");
    CHECK_FALSE(d.skipped);
    CHECK(d.links.empty());
    CHECK(d.problems.empty());
}

TEST_CASE("link kinds: link, embed, category, plain link to a category, interlanguage",
          "[importer]") {
    Fixture f;
    const auto d = f.run(
        "[[A]] ![[B]] [[Category:C]] [[:Category:D]] [[zh:中国]] [[#Self]] [[File:p.png|cap "
        "[[E]]]]");
    REQUIRE(d.links.size() == 7);
    CHECK(keys(d) == V{"a", "b", "category:c", "category:d", "zh:中国", "file:p.png", "e"});
    CHECK(d.links[0].kind == EdgeKind::link);
    CHECK(d.links[1].kind == EdgeKind::embed);
    CHECK(d.links[2].kind == EdgeKind::category);
    CHECK(d.links[2].target_kind == NodeKind::category);
    CHECK(d.links[3].kind == EdgeKind::link);
    CHECK(d.links[3].target_kind == NodeKind::category);
    CHECK(d.links[4].lang() == "zh");
    CHECK(d.links[4].surface() == "中国");
    CHECK(d.links[5].kind == EdgeKind::embed);
    CHECK(d.links[6].kind == EdgeKind::link);
}

TEST_CASE("[[Apple]], [[apple]] and a block reference meet on one key", "[importer]") {
    Fixture f;
    const auto d = f.run("[[Apple]] [[apple]] [[APPLE#^b1|x]] [[Apple#History]]");
    CHECK(keys(d) == V{"apple", "apple", "apple", "apple"});
    CHECK(d.links[0].surface() == "Apple");
    CHECK(d.links[2].label() == "x");
}

TEST_CASE("Markdown links resolve to corpus files relative to the linking file", "[importer]") {
    Fixture f;
    f.index.add("README.md");
    f.index.add("notes/Other Note.md");
    f.index.add("notes/sub/Deep.md");
    const auto d = f.run(
        "[home](../README.md) [o](Other%20Note.md#part) [d](sub/Deep) "
        "[web](https://example.org) [img](pic.png) [missing](nope.md)",
        "notes/Here.md");
    CHECK(keys(d) == V{"readme", "other note", "deep"});
    CHECK(d.links[0].target_kind == NodeKind::article);
    CHECK(d.unresolved_links == 2);
    CHECK(d.external_links == 1);
}

TEST_CASE("site-absolute Markdown links find the corpus file by their longest known tail",
          "[importer]") {
    Fixture f;
    f.index.add("2444750.md");
    f.index.add("sub/x.md");
    const auto d =
        f.run("[a](/content/gnews/2444750.md) [b](/sub/x.md) [c](/content/about.md)", "README.md");
    CHECK(keys(d) == V{"2444750", "x"});
    CHECK(d.unresolved_links == 1);
}

TEST_CASE("with --external, URLs become external nodes", "[importer]") {
    Fixture f;
    f.options.external = true;
    const auto d = f.run("[web](https://example.org/a) <https://x.org>");
    REQUIRE(d.links.size() == 2);
    CHECK(d.links[0].target_kind == NodeKind::external);
    CHECK(d.links[0].key() == "https://example.org/a");
}

TEST_CASE("wiki-links with a folder path resolve to the file at that path", "[importer]") {
    Fixture f;
    f.index.add("Obsidian Sync/Security and privacy.md");
    const std::string second = f.index.add("Obsidian Publish/Security and privacy.md");
    CHECK(second == "obsidian publish/security and privacy");
    const auto d =
        f.run("[[Obsidian Publish/Security and privacy]] [[Security and privacy]] [[x.md]]");
    CHECK(keys(d) == V{"obsidian publish/security and privacy", "security and privacy", "x.md"});
}

TEST_CASE("label-first option reads Dendron links", "[importer]") {
    Fixture f;
    f.options.label_first = true;
    const auto d = f.run("[[noCaching|dendron.ref.config#nocaching]]");
    CHECK(keys(d) == V{"dendron.ref.config"});
    CHECK(d.links[0].label() == "noCaching");
}

TEST_CASE("an unclosed wiki-link is reported with line and column in code points",
          "[importer][bad-input]") {
    Fixture f;
    const auto d = f.run("line one\r\n中文[[zh:香港 more\r\n[[ok]]\r\n", "notes/香港.md");
    CHECK(keys(d) == V{"ok"});
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].format() ==
          "notes/香港.md:2:3: unclosed wiki-link '[[zh:香港 more', expected ']]'");
}

TEST_CASE("invalid UTF-8 is replaced and reported with its byte offset", "[importer][bad-input]") {
    Fixture f;
    const auto d = f.run("\xEF\xBB\xBFok\n[[A]] \xFF [[B\xC3]] \x80", "bad.md");
    CHECK(keys(d) == V{"a", "b\xEF\xBF\xBD"});
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].kind == ProblemKind::invalid_utf8);
    CHECK(d.problems[0].format() ==
          "bad.md:2:7: invalid UTF-8 at byte offset 12 replaced with U+FFFD (and 2 more in this "
          "file)");
}

TEST_CASE("a binary file is skipped with a warning", "[importer][bad-input]") {
    Fixture f;
    const auto d = f.run(std::string("\x89PNG\r\n\x1a\n\0\0\0", 11), "image.md");
    CHECK(d.skipped);
    CHECK(d.links.empty());
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].format() == "image.md: binary file skipped (NUL byte in the first 8 KiB)");
}

TEST_CASE("an empty wiki-link is reported and skipped", "[importer][bad-input]") {
    Fixture f;
    const auto d = f.run("a [[]] b [[ |x]] [[#ok]]");
    CHECK(d.links.empty());
    REQUIRE(d.problems.size() == 2);
    CHECK(d.problems[0].format() == "note.md:1:3: empty wiki-link target in '[[]]'");
    CHECK(d.problems[1].format() == "note.md:1:10: empty wiki-link target in '[[ |x]]'");
}

TEST_CASE("a link target longer than 255 bytes is reported and skipped", "[importer][bad-input]") {
    Fixture f;
    const auto d = f.run("[[zh:" + std::string(300, 'y') + "]] [[ok]]");
    CHECK(keys(d) == V{"ok"});
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].format() ==
          "note.md:1:1: wiki-link target longer than 255 bytes skipped: '[[zh:" +
              std::string(37, 'y') + "…'");
}

TEST_CASE("wikitext files read headings and skip nowiki", "[importer]") {
    Fixture f;
    const auto d = f.run("== [[Intro]] to X ==\n<nowiki>[[no]]</nowiki> [[Yes|y\nes]]", "page.wiki",
                         Dialect::wikitext);
    CHECK(d.title == "Intro to X");
    CHECK(keys(d) == V{"intro", "yes"});
}

TEST_CASE("article files are read whole; one that cannot be read is skipped, saying why",
          "[importer][bad-input]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("kg-test-read-" + std::to_string(::getpid()));
    fs::create_directories(dir / "folder.md");
    // Larger than any stream buffer, with a link at the very end.
    const std::string big = std::string(300000, 'x') + "\n[[Last]]\n";
    std::ofstream(dir / "big.md", std::ios::binary) << big;
    std::ofstream(dir / "empty.md", std::ios::binary);
    auto input = [&](const std::string& name) {
        return InputFile{(dir / name).string(), name, name, Dialect::markdown, InputKind::article};
    };
    ImportOptions options;
    options.retain_text = true;
    CorpusReader reader(
        {input("big.md"), input("empty.md"), input("missing.md"), input("folder.md")}, options, 1);
    std::vector<Document> docs;
    reader.read([&](Document&& doc) { docs.push_back(std::move(doc)); });
    fs::remove_all(dir);
    REQUIRE(docs.size() == 4);
    CHECK(docs[0].bytes == big.size());
    CHECK(docs[0].text == big);
    CHECK(keys(docs[0]) == V{"last"});
    CHECK_FALSE(docs[1].skipped);
    CHECK(docs[1].bytes == 0);
    REQUIRE(docs[2].skipped);
    REQUIRE(docs[2].problems.size() == 1);
    CHECK(docs[2].problems[0].format() ==
          "missing.md: cannot read file: No such file or directory");
    REQUIRE(docs[3].skipped);
    REQUIRE(docs[3].problems.size() == 1);
    CHECK(docs[3].problems[0].format() ==
          "folder.md: cannot read file: read error (Is a directory)");
}
