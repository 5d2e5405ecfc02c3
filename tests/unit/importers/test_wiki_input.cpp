// Unit tests of wiki input: compression detection and decoding (multistream, damage), the
// MediaWiki dump reader (siteinfo, namespaces, last revision, redirects, UTF-16, truncation),
// JSON lines, namespace-aware keys, and the wikitext rules dumps need (templates, table cells,
// comments in links, captions over lines, link trails).
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <bzlib.h>
#include <unistd.h>

#include "base/error.hpp"
#include "importers/article_importer.hpp"
#include "importers/compression/byte_source.hpp"
#include "importers/corpus_reader.hpp"
#include "importers/jsonl/json_lines_reader.hpp"
#include "importers/links/key_normalizer.hpp"
#include "importers/links/link_scanner.hpp"
#include "importers/mediawiki/mediawiki_dump_reader.hpp"
#include "tests/test.hpp"

using namespace kg;
namespace fs = std::filesystem;

namespace {

const fs::path data = fs::path(KG_TEST_DATA) / "mediawiki";

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct TempFile {
    fs::path path;
    explicit TempFile(const std::string& bytes, const std::string& name) {
        path = fs::temp_directory_path() / ("kg-test-" + std::to_string(::getpid()) + "-" + name);
        std::ofstream(path, std::ios::binary) << bytes;
    }
    ~TempFile() { fs::remove(path); }
};

std::string read_all(ByteSource& source) {
    std::string out;
    char buffer[4096];
    for (std::size_t n; (n = source.read(buffer, sizeof buffer)) > 0;) out.append(buffer, n);
    return out;
}

std::vector<WikiPage> all_pages(const fs::path& p) {
    ByteSource bytes(p.string(), p.filename().string());
    MediaWikiDumpReader reader(bytes);
    std::vector<WikiPage> pages;
    while (reader.next(pages, 2)) {
    }
    return pages;
}

std::vector<std::string> link_targets(std::string_view text, ScanOptions options) {
    std::vector<std::string> out;
    for (const RawLink& l : scan_links(text, 0, options).links) {
        if (l.syntax == LinkSyntax::wiki) out.emplace_back(l.target);
    }
    return out;
}

using V = std::vector<std::string>;

/// One bzip2 stream of `plain` (at most 1 MiB compressed).
std::string bzip2_of(const std::string& plain) {
    std::string out(1u << 20, '\0');
    auto size = static_cast<unsigned>(out.size());
    REQUIRE(BZ2_bzBuffToBuffCompress(out.data(), &size, const_cast<char*>(plain.data()),
                                     static_cast<unsigned>(plain.size()), 9, 0, 0) == BZ_OK);
    out.resize(size);
    return out;
}

}  // namespace

TEST_CASE("compression is told by magic bytes, not by the file name", "[wiki-input]") {
    CHECK(detect_compression("BZh91AY") == Compression::bzip2);
    CHECK(detect_compression("\x1f\x8b\x08") == Compression::gzip);
    CHECK(detect_compression("\x28\xb5\x2f\xfd\x00") == Compression::zstd);
    CHECK(detect_compression(std::string_view("\xfd"
                                              "7zXZ\0\0",
                                              7)) == Compression::xz);
    CHECK(detect_compression("<mediawiki") == Compression::none);
    CHECK(detect_compression("BZ") == Compression::none);
}

TEST_CASE("concatenated bzip2 streams decode to the concatenated texts", "[wiki-input]") {
    const std::string one = slurp(data / "small.xml.bz2");
    const TempFile two(one + one, "two.bz2");
    ByteSource source(two.path.string(), "two.bz2");
    CHECK(source.compression() == Compression::bzip2);
    const std::string plain = slurp(data / "small.xml");
    CHECK(read_all(source) == plain + plain);
    CHECK(source.raw_offset() == 2 * one.size());
}

TEST_CASE("a multistream bzip2 decodes on several threads to the same bytes, in order",
          "[wiki-input]") {
    const std::string one = slurp(data / "small.xml.bz2");
    std::string many;
    for (int i = 0; i < 800; ++i) many += one;  // 656 KB: several units of whole streams
    const TempFile file(many, "many.bz2");
    ByteSource parallel(file.path.string(), "many.bz2", 2);
    CHECK(parallel.parallel());
    std::string expected;
    const std::string plain = slurp(data / "small.xml");
    for (int i = 0; i < 800; ++i) expected += plain;
    CHECK(read_all(parallel) == expected);
    CHECK(parallel.raw_offset() == many.size());
    // One stream only: nothing to split, one thread streams it.
    ByteSource single((data / "small.xml.bz2").string(), "small.xml.bz2", 2);
    CHECK_FALSE(single.parallel());
    CHECK(read_all(single) == plain);
}

TEST_CASE("a multistream bzip2 unit that inflates past 64 MiB is decoded as it is read, same bytes",
          "[wiki-input][bad-input]") {
    // Stream 2 inflates to 70 MB: a worker gives it back undecoded and the reader streams it.
    const std::string one = slurp(data / "small.xml.bz2");
    const std::string big_plain(70u << 20, 'x');
    const std::string big = bzip2_of(big_plain);
    std::string many;
    for (int i = 0; i < 400; ++i) many += one;
    many += big;
    for (int i = 0; i < 400; ++i) many += one;
    const TempFile file(many, "bomb.bz2");
    ByteSource parallel(file.path.string(), "bomb.bz2", 2);
    ByteSource serial(file.path.string(), "bomb.bz2", 1);
    REQUIRE(parallel.parallel());
    const std::string a = read_all(parallel);
    CHECK(a.size() == 800 * slurp(data / "small.xml").size() + big_plain.size());
    CHECK(a == read_all(serial));
}

TEST_CASE("damage past 64 MiB of a multistream unit is named once, at its compressed offset",
          "[wiki-input][bad-input]") {
    const std::string one = slurp(data / "small.xml.bz2");
    const std::string big_plain(70u << 20, 'x');
    std::string big = bzip2_of(big_plain);
    big[big.size() - 40] = static_cast<char>(big[big.size() - 40] ^ 0x55);  // in the last block
    std::string many;
    for (int i = 0; i < 400; ++i) many += one;
    const std::size_t big_begin = many.size();
    many += big;
    for (int i = 0; i < 400; ++i) many += one;
    const TempFile file(many, "late.bz2");
    for (const int threads : {1, 2}) {
        ByteSource source(file.path.string(), "late.bz2", threads);
        std::string message;
        try {
            read_all(source);
        } catch (const InputError& e) {
            message = e.what();
        }
        INFO(threads << " threads: " << message);
        const std::string at = " at compressed byte offset ";
        REQUIRE(message.find(at) != std::string::npos);
        CHECK(message.find(at) == message.rfind(at));
        CHECK(message.find("late.bz2: corrupt bzip2 data") != std::string::npos);
        const std::size_t offset = std::stoull(message.substr(message.find(at) + at.size()));
        CHECK(offset >= big_begin);
        CHECK(offset <= big_begin + big.size());
    }
}

TEST_CASE("a cut or corrupt bzip2 stream fails with the compressed byte offset",
          "[wiki-input][bad-input]") {
    const std::string one = slurp(data / "small.xml.bz2");
    const TempFile cut(one.substr(0, one.size() / 2), "cut.bz2");
    ByteSource a(cut.path.string(), "cut.bz2");
    CHECK_THROWS_WITH(read_all(a), Catch::Contains("cut.bz2: bzip2 stream cut short") &&
                                       Catch::Contains("at compressed byte offset"));
    std::string damaged = one;
    damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x55);
    const TempFile corrupt(damaged, "corrupt.bz2");
    ByteSource b(corrupt.path.string(), "corrupt.bz2");
    CHECK_THROWS_WITH(read_all(b),
                      Catch::Contains("corrupt.bz2: corrupt bzip2 data at compressed"));
}

TEST_CASE("a missing dump is an InputError naming it", "[wiki-input][bad-input]") {
    CHECK_THROWS_WITH(ByteSource("/nonexistent/dump.xml", "dump.xml"),
                      "dump.xml: cannot open: No such file or directory");
}

TEST_CASE("siteinfo gives the site, its language, case rule and namespaces", "[wiki-input]") {
    ByteSource bytes((data / "small.xml").string(), "small.xml");
    MediaWikiDumpReader reader(bytes);
    std::vector<WikiPage> pages;
    reader.next(pages, 1);
    const SiteInfo& site = reader.site_info();
    CHECK(site.present);
    CHECK(site.sitename == "Testwiki");
    CHECK(site.lang == "de");
    CHECK(site.case_rule == "first-letter");
    CHECK(site.namespaces.find("kategorie") == 14);
    CHECK(site.namespaces.find("Category") == 14);  // canonical names always work
    CHECK(site.namespaces.find("Image") == 6);
    CHECK(site.namespaces.find("Datei") == 6);
    CHECK(site.namespaces.name(14) == "Kategorie");
    CHECK_FALSE(site.namespaces.find("Star Wars").has_value());
}

TEST_CASE("each page has its title, namespace, page id, redirect and last revision's text",
          "[wiki-input]") {
    const std::vector<WikiPage> pages = all_pages(data / "small.xml");
    REQUIRE(pages.size() == 5);
    CHECK(pages[0].title == "Apfel");
    CHECK(pages[0].id == 1);  // not the revision's or the contributor's id
    CHECK(pages[0].text.rfind("Der [[apfel]]baum", 0) == 0);
    CHECK(pages[0].text.find("<!-- [[Kommentar]] -->") != std::string::npos);  // entities decoded
    CHECK(pages[0].text_line == 27);  // the line of "Der [[apfel]]baum"
    CHECK(pages[1].redirect == "Kirschbaum");
    CHECK(pages[3].ns == 14);
    CHECK(pages[4].ns == 10);
}

TEST_CASE("a UTF-16LE dump with a BOM and CRLF reads like the UTF-8 one", "[wiki-input]") {
    const std::vector<WikiPage> utf8 = all_pages(data / "small.xml");
    const std::vector<WikiPage> utf16 = all_pages(data / "small-utf16.xml");
    REQUIRE(utf16.size() == utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        CHECK(utf16[i].title == utf8[i].title);
        CHECK(utf16[i].text == utf8[i].text);  // XML reads CRLF as LF
    }
}

TEST_CASE("invalid UTF-8 in a dump is replaced and counted; every page is still read",
          "[wiki-input][bad-input]") {
    ByteSource bytes((data / "invalid-utf8.xml").string(), "invalid-utf8.xml");
    MediaWikiDumpReader reader(bytes);
    std::vector<WikiPage> pages;
    while (reader.next(pages, 10)) {
    }
    REQUIRE(pages.size() == 5);
    CHECK(pages[0].text.rfind("Der \xEF\xBF\xBD\xEF\xBF\xBD [[apfel]]baum", 0) == 0);
    CHECK(reader.repairs().count == 4);
    CHECK(reader.repairs().first_offset == 964);
}

TEST_CASE("a truncated dump returns the pages before the break, then throws with position",
          "[wiki-input][bad-input]") {
    ByteSource bytes((data / "truncated.xml").string(), "truncated.xml");
    MediaWikiDumpReader reader(bytes);
    std::vector<WikiPage> pages;
    bool more = true;
    std::string error;
    try {
        while (more) more = reader.next(pages, 1);
    } catch (const InputError& e) {
        error = e.what();
    }
    CHECK(pages.size() == 2);  // Apfel and the redirect Kirsche
    CHECK(error ==
          "truncated.xml:40:22: the dump ends early (truncated?): unclosed token at byte offset "
          "1490 in page 'Kirschbaum'; the pages before it are kept");
}

/// Every page and problem of a JSON-lines file.
std::pair<std::vector<WikiPage>, std::vector<Problem>> read_json_lines(const TempFile& file,
                                                                       const std::string& name) {
    ByteSource bytes(file.path.string(), name);
    JsonLinesReader reader(bytes);
    std::pair<std::vector<WikiPage>, std::vector<Problem>> out;
    while (reader.next(out.first, out.second, 10)) {
    }
    return out;
}

TEST_CASE("JSON lines: pages in order, bad lines reported with their line number",
          "[wiki-input][bad-input]") {
    const TempFile file(
        "{\"title\": \"Alpha\", \"text\": \"[[beta]]\"}\n"
        "\n"
        "{\"title\": \"Broken\n"
        "[\"not an object\"]\n"
        "{\"title\": \"No text\"}\r\n"
        "{\"title\": \"Gamma\", \"text\": \"x\", \"ns\": 14}",
        "pages.jsonl");
    const auto [pages, problems] = read_json_lines(file, "pages.jsonl");
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].title == "Alpha");
    CHECK(pages[0].line == 1);
    CHECK(pages[1].ns == 14);
    CHECK(pages[1].line == 6);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].format().rfind("pages.jsonl:3: not JSON: ", 0) == 0);
    CHECK(problems[1].format() ==
          "pages.jsonl:4: expected a JSON object with \"title\" and \"text\"; line skipped");
    CHECK(problems[2].format() ==
          "pages.jsonl:5: expected string members \"title\" and \"text\"; line skipped");
}

TEST_CASE(
    "JSON lines: the first member of a name counts, nested members do not, and nesting "
    "200,000 deep is a bad line, not a stack overflow",
    "[wiki-input][bad-input]") {
    const std::string deep(200000, '[');
    const TempFile file(
        deep + std::string(200000, ']') + "\n" +  // line 1: not an object
            "{\"x\": {\"title\": \"Inner\", \"text\": \"no\"}, \"title\": \"Outer\", "
            "\"deep\": " +
            deep + std::string(200000, ']') +
            ", \"text\": \"[[a]]\", \"text\": \"second\", \"ns\": 2147483648, "
            "\"redirect\": \"R\"}\n"
            "{\"title\": 7, \"title\": \"Later\", \"text\": \"t\"}\n"
            "{\"title\": \"N\", \"text\": \"t\", \"ns\": 4, \"ns\": 6}\n",
        "deep.jsonl");
    const auto [pages, problems] = read_json_lines(file, "deep.jsonl");
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].title == "Outer");
    CHECK(pages[0].text == "[[a]]");
    CHECK(pages[0].ns == 0);  // 2^31 is not an int: the default namespace
    CHECK(pages[0].redirect == "R");
    CHECK(pages[1].ns == 4);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].format() ==
          "deep.jsonl:1: expected a JSON object with \"title\" and \"text\"; line skipped");
    CHECK(problems[1].format() ==
          "deep.jsonl:3: expected string members \"title\" and \"text\"; line skipped");
}

TEST_CASE("with a wiki's namespaces, a prefix is a namespace only if the wiki has it",
          "[wiki-input][keys]") {
    SiteNamespaces site;
    site.add(14, "Kategorie");
    site.add(4, "Wikipedia");
    site.add_canonical();
    KeyNormalizer n(CaseRule::first_letter);
    n.use_site_namespaces(&site);
    CHECK(n.normalize_target("kategorie:obst").key == "category:Obst");
    CHECK(n.normalize_target("Category:Obst").key == "category:Obst");
    CHECK(n.normalize_target("wikipedia:hilfe").key == "Wikipedia:Hilfe");
    CHECK(n.normalize_target("wikipedia:hilfe").ns == TargetNamespace::other);
    CHECK(n.normalize_target("Star Wars: Episode I").key == "Star Wars: Episode I");
    CHECK(n.normalize_target("en:apple").key == "en:Apple");
    CHECK(n.normalize_target("en:apple").lang == "en");
    CHECK(n.normalize_target("bat-smg:Žemaitiu").lang == "bat-smg");
}

TEST_CASE("wikitext: links inside templates count only when asked", "[wiki-input][scanner]") {
    ScanOptions o;
    o.dialect = Dialect::wikitext;
    o.links_in_templates = false;
    CHECK(link_targets("a {{cite|[[In]] {{inner|[[Deep]]}}}} [[Out]]", o) == V{"Out"});
    // An unclosed "{{" is text (MediaWiki shows it), not a template that hides the rest.
    CHECK(link_targets("{{ unclosed [[After]]", o) == V{"After"});
    o.links_in_templates = true;
    CHECK(link_targets("a {{cite|[[In]]}} [[Out]]", o) == V{"In", "Out"});
}

TEST_CASE("wikitext: a table header cell, a comment in a link, a caption over lines",
          "[wiki-input][scanner]") {
    ScanOptions o;
    o.dialect = Dialect::wikitext;
    const ScanResult header = scan_links("{|\n! [[Nasal]] !![[Stop]]\n|}", 0, o);
    REQUIRE(header.links.size() == 2);
    CHECK_FALSE(header.links[0].embed);
    CHECK_FALSE(header.links[1].embed);
    CHECK(link_targets("[[A<!-- [[B]] -->|a]]", o) == V{"A<!-- [[B]] -->"});
    CHECK(link_targets("[[File:x.png|thumb|see [[Y]]\n\nmore]] [[Z]]", o) ==
          V{"File:x.png", "Y", "Z"});
    // A plain link's label still stops at a blank line.
    CHECK(link_targets("[[A|b\n\nc]]", o).empty());
    CHECK(link_targets("[http://x.org Birże [[Page|label]]] [[Next]]", o) == V{"Page", "Next"});
}

TEST_CASE("wiki pages: comments leave link targets, link trails extend the label",
          "[wiki-input][importer]") {
    CorpusIndex index(CaseRule::first_letter);
    ImportOptions options;
    options.case_rule = CaseRule::first_letter;
    options.wiki_pages = true;
    const ArticleImporter importer(options, index);
    const Document d = importer.import_page(
        "[[A<!-- x -->|a]] [[birne|Birnen]]s [[zh:香港]]的 [[:en:Apple]]", "dump.xml", "page", 3);
    CHECK(d.key == "Page");
    REQUIRE(d.links.size() == 4);
    CHECK(d.links[0].key() == "A");
    CHECK(d.links[1].key() == "Birne");
    CHECK(d.links[1].label() == "Birnens");
    CHECK(d.links[2].kind == EdgeKind::interlanguage);
    CHECK(d.links[2].label().empty());  // no trail after Han text
    CHECK(d.links[3].kind == EdgeKind::link);
    const Document bad = importer.import_page("x\n[[open", "dump.xml", "T", 10);
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].format() == "dump.xml:11:1: unclosed wiki-link '[[open', expected ']]'");
}

TEST_CASE("page and text lines are right across chunks, with CRLF, and with a lone CR",
          "[wiki-input]") {
    // ~0.9 MB of pages of varying size, so that <page> and <text> tags fall on every side of
    // the reader's 256 KiB chunk ends; the expected line of each tag is counted here.
    for (const std::string newline : {"\n", "\r\n"}) {
        for (const bool lone_cr : {false, true}) {
            CAPTURE(newline.size(), lone_cr);
            std::string xml = "<mediawiki>" + newline;
            std::vector<std::size_t> page_lines;
            std::vector<std::size_t> text_lines;
            std::size_t line = 2;
            const auto add = [&](const std::string& s) {
                xml += s;
                xml += newline;
                ++line;
            };
            for (int p = 0; p < 900; ++p) {
                page_lines.push_back(line);
                add("  <page>");
                add("    <title>P" + std::to_string(p) + "</title>");
                add("    <ns>0</ns>");
                add("    <revision>");
                text_lines.push_back(line);
                std::string text = "    <text>first [[L" + std::to_string(p) + "]]";
                for (int k = 0; k < (p * 37) % 60; ++k) {
                    add(text);
                    text = std::string(static_cast<std::size_t>(p % 50), 'x') + " line";
                    if (lone_cr && p == 450 && k == 3) text += "\rmore";  // a break in XML
                    if (lone_cr && p == 450 && k == 3) ++line;
                }
                add(text + "</text>");
                add("    </revision>");
                add("  </page>");
            }
            xml += "</mediawiki>" + newline;
            REQUIRE(xml.size() > 800000);  // a few chunks
            const TempFile file(xml, "lines.xml");
            const std::vector<WikiPage> pages = all_pages(file.path);
            REQUIRE(pages.size() == page_lines.size());
            std::size_t wrong = 0;
            for (std::size_t i = 0; i < pages.size(); ++i) {
                wrong += pages[i].line != page_lines[i];
                wrong += pages[i].text_line != text_lines[i];
            }
            CHECK(wrong == 0);
        }
    }
}

TEST_CASE("importers of two wikis on one thread do not share normalized targets",
          "[wiki-input][keys]") {
    SiteNamespaces de;
    de.add(14, "Kategorie");
    de.add_canonical();
    SiteNamespaces en;
    en.add_canonical();
    const CorpusIndex index(CaseRule::first_letter);
    ImportOptions options;
    options.case_rule = CaseRule::first_letter;
    options.wiki_pages = true;
    options.site = &de;
    const ArticleImporter dewiki(options, index);
    options.site = &en;
    const ArticleImporter enwiki(options, index);
    for (int round = 0; round < 2; ++round) {  // the second round reads remembered targets
        const Document a = dewiki.import_page("[[Kategorie:Obst]]", "de.xml", "Apfel", 1);
        const Document b = enwiki.import_page("[[Kategorie:Obst]]", "en.xml", "Apple", 1);
        REQUIRE(a.links.size() == 1);
        REQUIRE(b.links.size() == 1);
        CHECK(a.links[0].kind == EdgeKind::category);
        CHECK(a.links[0].key() == "category:Obst");
        CHECK(b.links[0].kind == EdgeKind::link);
        CHECK(b.links[0].key() == "Kategorie:Obst");
    }
}

TEST_CASE("wiki input: documents and problems reach the sink in one order for any thread count",
          "[wiki-input][bad-input]") {
    // Lines of ~9 KB: a read chunk (1 MiB) holds fewer of them than a batch of 2 threads.
    const std::string prose(9000, 'x');
    std::string lines;
    for (int i = 0; i < 700; ++i) {
        if (i % 97 == 5) lines += "{\"title\": broken\n";
        lines += "{\"title\": \"Page " + std::to_string(i) + "\", \"text\": \"[[T" +
                 std::to_string(i % 13) + "]] " + prose + " [[unclosed\"}\n";
    }
    const TempFile file(lines, "order.jsonl");
    auto read_with = [&](unsigned threads) {
        InputFormat format;
        CorpusReader reader(collect_inputs({file.path.string()}, format), ImportOptions{}, threads);
        std::vector<std::string> seen;
        reader.read([&](Document&& doc) {
            seen.push_back(doc.key);
            for (const Problem& p : doc.problems) seen.push_back(p.format());
        });
        return seen;
    };
    const std::vector<std::string> one = read_with(1);
    CHECK(one.size() == 2 * 700 + 2 * 8);  // pages and their unclosed links; bad lines
    CHECK(read_with(2) == one);
    CHECK(read_with(3) == one);
}

TEST_CASE("two dumps of one run keep their own namespaces, read one after the other",
          "[wiki-input][keys]") {
    auto dump = [](const std::string& namespaces, const std::string& title) {
        return "<mediawiki><siteinfo><sitename>W</sitename><dbname>xwiki</dbname>"
               "<case>first-letter</case><namespaces>" +
               namespaces + "</namespaces></siteinfo><page><title>" + title +
               "</title><ns>0</ns><id>1</id><revision><id>2</id><text>[[Kategorie:Obst]] "
               "[[Kategorie:Obst]]</text></revision></page></mediawiki>\n";
    };
    const TempFile de(dump("<namespace key=\"14\">Kategorie</namespace>", "Apfel"), "de.xml");
    const TempFile en(dump("<namespace key=\"14\">Category</namespace>", "Apple"), "en.xml");
    for (unsigned threads : {1u, 2u}) {
        CAPTURE(threads);
        CorpusReader reader(collect_inputs({de.path.string(), en.path.string()}, InputFormat{}),
                            ImportOptions{}, threads);
        std::vector<Document> docs;
        reader.read([&](Document&& doc) { docs.push_back(std::move(doc)); });
        REQUIRE(docs.size() == 2);
        REQUIRE(docs[0].links.size() == 2);
        REQUIRE(docs[1].links.size() == 2);
        CHECK(docs[0].links[1].kind == EdgeKind::category);
        CHECK(docs[0].links[1].key() == "category:Obst");
        CHECK(docs[1].links[1].kind == EdgeKind::link);  // enwiki has no Kategorie namespace
        CHECK(docs[1].links[1].key() == "Kategorie:Obst");
    }
}

TEST_CASE("a namespace table's fingerprint follows its content, not its order",
          "[wiki-input][keys]") {
    SiteNamespaces a;
    a.add(14, "Kategorie");
    a.add(6, "Datei");
    SiteNamespaces b;
    b.add(6, "Datei");
    b.add(14, "Kategorie");
    CHECK(a.fingerprint() == b.fingerprint());
    SiteNamespaces c;
    c.add(14, "Category");
    c.add(6, "Datei");
    CHECK(c.fingerprint() != a.fingerprint());
    SiteNamespaces d;
    d.add(6, "Kategorie");  // the same names under other ids
    d.add(14, "Datei");
    CHECK(d.fingerprint() != a.fingerprint());
    CHECK(SiteNamespaces().fingerprint() != a.fingerprint());
}
