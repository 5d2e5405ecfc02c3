// Unit tests of mention spotting: the matcher, folding, word boundaries by script, the
// gazetteer's filters and files, visible text, suspect links and co-occurrence windows.
// Each fixture is one a rule exists for: it fails without that rule.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <unistd.h>

#include "base/error.hpp"
#include "importers/article_importer.hpp"
#include "importers/text/match_text.hpp"
#include "mentions/aho_corasick.hpp"
#include "mentions/gazetteer.hpp"
#include "mentions/mention_spotter.hpp"
#include "tests/test.hpp"

using namespace kg;

namespace {

const MatchFolder& folder() {
    static const MatchFolder f(false);
    return f;
}

const MatchFolder& han_folder() {
    static const MatchFolder f(true);
    return f;
}

// Spots `forms` (each pointing at a key equal to itself) in the whole of `text` and returns
// the leftmost-longest choice as the matched substrings.
std::vector<std::string> spot(const std::vector<std::string>& forms, const std::string& text,
                              const MatchFolder& f = folder()) {
    Gazetteer g(f);
    for (const auto& form : forms) g.add(form, form, NodeKind::entity, "", true);
    const MentionSpotter spotter(g);
    std::vector<Candidate> candidates;
    spotter.spot(text, {{0, text.size()}}, candidates);
    std::vector<std::string> out;
    for (const Candidate& c : select_mentions(candidates, [](std::uint32_t) { return true; })) {
        out.push_back(text.substr(c.begin, c.end - c.begin));
    }
    return out;
}

using V = std::vector<std::string>;

std::string temp_file(const std::string& name, const std::string& content) {
    const std::string path = "/tmp/kgraph-test-" + std::to_string(::getpid()) + "-" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

}  // namespace

TEST_CASE("Aho-Corasick reports every occurrence, overlapping ones too", "[mentions]") {
    const AhoCorasick ac({"he", "she", "his", "hers"});
    std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t>> found;
    ac.find_all("ushers", [&](std::size_t b, std::size_t e, std::uint32_t id) {
        found.emplace_back(b, e, id);
    });
    using T = std::tuple<std::size_t, std::size_t, std::uint32_t>;
    CHECK(found == std::vector<T>{T{1, 4, 1}, T{2, 4, 0}, T{2, 6, 3}});
}

TEST_CASE("Aho-Corasick as a full table, with rows for shallow states, and sparse finds the same",
          "[mentions]") {
    // Random patterns over a small alphabet (many overlaps, shared prefixes and suffixes,
    // multi-byte characters), random text; a naive search is the oracle.
    std::mt19937 random(7);
    const std::vector<std::string> letters{"a", "b", "c", "中", "国", "\xe4\xb8"};
    auto word = [&](std::size_t max) {
        std::string w;
        const std::size_t n = 1 + random() % max;
        for (std::size_t k = 0; k < n; ++k) w += letters[random() % letters.size()];
        return w;
    };
    for (int round = 0; round < 20; ++round) {
        std::vector<std::string> patterns;
        for (int k = 0; k < 40; ++k) patterns.push_back(word(5));
        const std::string text = word(400);
        std::set<std::tuple<std::size_t, std::size_t, std::uint32_t>> expected;
        for (std::uint32_t id = 0; id < patterns.size(); ++id) {
            // Duplicates report the first id only.
            if (std::find(patterns.begin(), patterns.begin() + id, patterns[id]) !=
                patterns.begin() + id)
                continue;
            for (std::size_t at = text.find(patterns[id]); at != std::string::npos;
                 at = text.find(patterns[id], at + 1))
                expected.emplace(at, at + patterns[id].size(), id);
        }
        // A full table, rows for a few shallow states only, no rows at all.
        for (const std::size_t table : {std::size_t{1} << 22, std::size_t{300}, std::size_t{0}}) {
            const AhoCorasick ac(patterns, table);
            CHECK(ac.dense() == (table == std::size_t{1} << 22));
            if (table == 300) CHECK((ac.rows() > 1 && ac.rows() < ac.state_count()));
            std::set<std::tuple<std::size_t, std::size_t, std::uint32_t>> found;
            std::size_t last_end = 0;
            ac.find_all(text, [&](std::size_t b, std::size_t e, std::uint32_t id) {
                CHECK(e >= last_end);  // in order of end
                last_end = e;
                found.emplace(b, e, id);
            });
            CHECK(found == expected);
        }
    }
}

TEST_CASE("Aho-Corasick over segments finds what each segment alone gives, in order of end",
          "[mentions]") {
    // Segments of random lengths (empty ones too) over random text: no match may span two,
    // and the two halves scanned side by side must report like one scan in order.
    std::mt19937 random(11);
    const std::vector<std::string> letters{"a", "b", "中", "国", "\xe4\xb8"};
    auto word = [&](std::size_t max) {
        std::string w;
        const std::size_t n = 1 + random() % max;
        for (std::size_t k = 0; k < n; ++k) w += letters[random() % letters.size()];
        return w;
    };
    using T = std::tuple<std::size_t, std::size_t, std::uint32_t>;
    for (int round = 0; round < 40; ++round) {
        std::vector<std::string> patterns;
        for (int k = 0; k < 30; ++k) patterns.push_back(word(4));
        const std::string text = word(300);
        std::vector<std::uint32_t> bounds{0};
        while (bounds.back() < text.size()) {
            const std::size_t step = random() % 5 == 0 ? 0 : random() % 40;
            bounds.push_back(
                static_cast<std::uint32_t>(std::min(text.size(), bounds.back() + step)));
        }
        for (const std::size_t table : {std::size_t{1} << 22, std::size_t{300}, std::size_t{0}}) {
            const AhoCorasick ac(patterns, table);
            std::vector<T> expected;
            for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
                ac.find_all(std::string_view(text).substr(bounds[k], bounds[k + 1] - bounds[k]),
                            [&](std::size_t b, std::size_t e, std::uint32_t id) {
                                expected.emplace_back(bounds[k] + b, bounds[k] + e, id);
                            });
            }
            std::vector<T> found;
            ac.find_all_segments(text, bounds, [&](std::size_t b, std::size_t e, std::uint32_t id) {
                found.emplace_back(b, e, id);
            });
            CHECK(found == expected);
        }
    }
}

TEST_CASE("folding is NFKC with case folding and maps bytes back to the original", "[mentions]") {
    FoldedText out;
    const std::string text = "ＡＢＣ Straße";
    folder().fold(text, 0, text.size(), out);
    CHECK(out.text == "abc strasse");
    CHECK(out.origin(0) == 0);  // 'a' from the first full-width letter
    CHECK(out.origin(1) == 3);
    CHECK(out.origin(3) == 9);              // the space, in a stretch of ASCII
    CHECK(out.origin(4) == 10);             // 's' lower-cased
    CHECK(out.origin(8) == out.origin(9));  // both 's' of "ss" come from 'ß'
    CHECK(out.origin(8) == 14);
    CHECK(out.origin(10) == 16);  // 'e' after 'ß'
    CHECK(out.origin(out.text.size()) == text.size());
    CHECK_FALSE(out.inside_code_point(8));
    CHECK(out.inside_code_point(9));  // the second 's'
    CHECK_FALSE(out.inside_code_point(10));
    // A stretch of Chinese maps byte for byte; a full-width comma folds to one byte.
    FoldedText zh;
    const std::string chinese = "中国，美国";
    folder().fold(chinese, 0, chinese.size(), zh);
    CHECK(zh.text == "中国,美国");
    CHECK(zh.origin(3) == 3);
    CHECK(zh.origin(6) == 6);    // ','
    CHECK(zh.origin(7) == 9);    // 美
    CHECK(zh.origin(10) == 12);  // 国
    CHECK(zh.inside_code_point(8));
    CHECK_FALSE(zh.inside_code_point(7));
    // A second fold appends (its origins are those of its own range).
    folder().fold(chinese, 9, chinese.size(), zh);
    CHECK(zh.text == "中国,美国美国");
    CHECK(zh.origin(13) == 9);
    CHECK(zh.origin(zh.text.size()) == chinese.size());
}

TEST_CASE("Han folding maps Traditional to Simplified for matching and keys (--fold-han)",
          "[mentions]") {
    CHECK(han_folder().fold("華為") == "华为");
    CHECK(folder().fold("華為") == "華為");
    CHECK(spot({"华为"}, "他说華為手机很好", han_folder()) == V{"華為"});
    CHECK(spot({"华为"}, "他说華為手机很好").empty());
    const KeyNormalizer keys(CaseRule::fold, &han_folder());
    CHECK(keys.normalize_target("華為").key == keys.normalize_target("华为").key);
    CHECK(keys.normalize_target("華為").surface == "華為");
}

TEST_CASE("a Latin name must start and end on word boundaries: apple is not in pineapple",
          "[mentions]") {
    CHECK(spot({"apple"}, "pineapple and apple pie").size() == 1);
    CHECK(spot({"apple"}, "pineapple").empty());
    CHECK(spot({"apple"}, "apples").empty());
    CHECK(spot({"Apple"}, "APPLE, apple.") == V{"APPLE", "apple"});
}

TEST_CASE("a Han name inside a word of the dictionary segmentation is no mention", "[mentions]") {
    CHECK(spot({"天机"}, "百度的聊天机器人").empty());
    CHECK(spot({"天机"}, "天机不可泄露") == V{"天机"});
}

TEST_CASE("mixed-script runs: Latin names glued to Han text, Han before digits", "[mentions]") {
    CHECK(spot({"Kestrel"}, "在Kestrel的报告") == V{"Kestrel"});
    CHECK(spot({"iPhone"}, "iPhone手机") == V{"iPhone"});
    CHECK(spot({"谢谢"}, "谢谢5次") == V{"谢谢"});
}

TEST_CASE("leftmost-longest wins and mentions never overlap", "[mentions]") {
    CHECK(spot({"中国", "中国共产党"}, "中国共产党和中国") == V{"中国共产党", "中国"});
    CHECK(spot({"New York", "York City"}, "New York City") == V{"New York"});
}

TEST_CASE("names at the very start and end of the text, before CRLF", "[mentions]") {
    CHECK(spot({"OpenAI", "Nvidia"}, "OpenAI and Nvidia") == V{"OpenAI", "Nvidia"});
    CHECK(spot({"Nvidia"}, "x\r\nNvidia\r\n") == V{"Nvidia"});
}

TEST_CASE("names at the very start and end of each visible range, between hidden ones",
          "[mentions]") {
    // Ranges as links cut them: "OpenAI" ends where a link starts, "百度" starts where one
    // ends, and an empty range sits between two links.
    const std::string text = "OpenAI[[x]]百度说[[y]][[z]]Nvidia and 华为";
    const std::size_t x = text.find("[[x]]");
    const std::size_t y = text.find("[[y]]");
    const std::size_t z = text.find("[[z]]");
    const Ranges visible{{0, x}, {x + 5, y}, {y + 5, y + 5}, {z + 5, text.size()}};
    Gazetteer g(folder());
    for (const char* form : {"OpenAI", "百度", "Nvidia", "华为"})
        g.add(form, form, NodeKind::entity, "", true);
    const MentionSpotter spotter(g);
    std::vector<Candidate> found;
    spotter.spot(text, visible, found);
    std::vector<std::string> seen;
    for (const Candidate& c : found) seen.push_back(text.substr(c.begin, c.end - c.begin));
    CHECK(seen == V{"OpenAI", "百度", "Nvidia", "华为"});
}

TEST_CASE("link probability is links over all occurrences", "[mentions]") {
    Gazetteer g(folder());
    g.add("Apple", "apple", NodeKind::entity, "", true);
    g.add("Apple", "apple", NodeKind::entity, "", true);
    g.count_occurrence(0);
    g.count_occurrence(0);
    g.count_occurrence(0);
    g.count_occurrence(0);
    REQUIRE(g.forms().size() == 1);
    CHECK(g.forms()[0].link_probability() == Approx(2.0 / 6.0));
}

TEST_CASE("spellings that fold alike share a form; ones seen before keep their number",
          "[mentions]") {
    Gazetteer g(folder());
    // Long spellings (past the short-string buffer) that differ only at their ends, and ones
    // that differ as written but fold alike.
    const std::string a = "Nvidia Corporation of Santa Clara";
    const auto first = g.add(a, "nvidia", NodeKind::entity, "", true);
    const auto dot = g.add(a + ".", "nvidia", NodeKind::entity, "", true);
    const auto upper =
        g.add("NVIDIA CORPORATION OF SANTA CLARA", "nvidia", NodeKind::entity, "", true);
    const auto han = g.add("华为技术有限公司", "华为", NodeKind::entity, "", true);
    const auto han_other = g.add("华为技术有限公", "华为", NodeKind::entity, "", true);
    REQUIRE(first);
    REQUIRE(dot);
    REQUIRE(han);
    REQUIRE(han_other);
    CHECK(*dot != *first);
    CHECK(upper == first);
    CHECK(*han_other != *han);
    for (int i = 0; i < 3; ++i) {
        CHECK(g.add(a, "nvidia", NodeKind::entity, "", true) == first);
        CHECK(g.add(a + ".", "nvidia", NodeKind::entity, "", true) == dot);
        CHECK(g.add("华为技术有限公司", "华为", NodeKind::entity, "", false) == han);
    }
    CHECK(g.find("nvidia corporation of santa clara") == first);
    CHECK(g.find(a + ".") == dot);
    CHECK(g.find("华为技术有限公") == han_other);
    CHECK_FALSE(g.find("Nvidia"));
    REQUIRE(g.forms().size() == 4);
    CHECK(g.forms()[*first].linked == 5);  // a, upper case, a three times more
    CHECK(g.forms()[*first].surface == a);
    CHECK(g.forms()[*han].linked == 1);
    CHECK(g.forms()[*han].names_article == false);
}

TEST_CASE("forms are left out when too short, stop words, rarely linked or too common",
          "[mentions]") {
    Gazetteer g(folder());
    g.add("中", "zh:中", NodeKind::entity, "zh", true);      // one Han character
    g.add("AI", "ai", NodeKind::entity, "", true);           // two Latin letters
    g.add("关于", "zh:关于", NodeKind::entity, "zh", true);  // built-in stop word
    g.add("中国", "zh:中国", NodeKind::entity, "zh", true);
    g.add("Rare", "rare", NodeKind::entity, "", true);
    g.add("My Note", "my note", NodeKind::article, "", false);  // a title: never linked
    for (int i = 0; i < 99; ++i) g.count_occurrence(4);         // Rare: 1 link in 100
    std::vector<std::uint32_t> everywhere{3};
    for (int i = 0; i < 10; ++i) g.count_document(everywhere);  // 中国 in 10 of 10
    GazetteerFilter filter;
    filter.max_document_frequency = 0.9;
    const auto& f = g.forms();
    CHECK(g.verdict(f[0], filter, 10) == FormVerdict::too_short);
    CHECK(g.verdict(f[1], filter, 10) == FormVerdict::too_short);
    CHECK(g.verdict(f[2], filter, 10) == FormVerdict::stop_word);
    CHECK(g.verdict(f[3], filter, 10) == FormVerdict::high_document_frequency);
    CHECK(g.verdict(f[4], filter, 10) == FormVerdict::low_link_probability);
    CHECK(g.verdict(f[5], filter, 10) == FormVerdict::kept);
    filter.builtin_stop_words = false;
    CHECK(g.verdict(f[2], filter, 10) == FormVerdict::kept);
    filter.stop_words.insert("rare");
    CHECK(g.verdict(f[4], filter, 10) == FormVerdict::stop_word);
}

TEST_CASE("an entities file adds names that are always spotted, in TSV and JSON lines",
          "[mentions]") {
    const std::string tsv =
        temp_file("e.tsv", "name\taliases\ttype\n# comment\nAI\tA.I.|人工智能\tfield\n");
    const std::string jsonl = temp_file(
        "e.jsonl",
        "{\"name\": \"Anne Bouverot\", \"aliases\": [\"Bouverot\"], \"type\": \"person\"}\n");
    Gazetteer g(folder());
    const auto key_of = [](std::string_view s) { return std::string(s); };
    g.load_entities(tsv, key_of);
    g.load_entities(jsonl, key_of);
    REQUIRE(g.forms().size() == 5);
    const GazetteerFilter filter;
    for (const auto& form : g.forms()) {
        CHECK(form.from_entities_file);
        CHECK(g.verdict(form, filter, 1) == FormVerdict::kept);  // even "AI", two letters
    }
    CHECK(g.forms()[0].target().key == "AI");
    CHECK(g.forms()[2].type == "field");
    CHECK(g.forms()[4].target().key == "Anne Bouverot");
    std::remove(tsv.c_str());
    std::remove(jsonl.c_str());
}

TEST_CASE("a malformed entities line is an error with file and line", "[mentions][bad-input]") {
    const std::string path = temp_file("bad.jsonl", "{\"name\": \"A\"}\n{\"nom\": \"B\"}\n");
    Gazetteer g(folder());
    try {
        g.load_entities(path, [](std::string_view s) { return std::string(s); });
        FAIL("no exception");
    } catch (const InputError& e) {
        CHECK(e.line() == 2);
        CHECK(std::string(e.what()).rfind(path + ":2: expected a JSON object with a \"name\"", 0) ==
              0);
    }
    std::remove(path.c_str());
}

TEST_CASE("stop-word files are folded like the text", "[mentions]") {
    const std::string path = temp_file("stop.txt", "# junk\n公司\nTHE Company\n");
    Gazetteer g(folder());
    GazetteerFilter filter;
    g.load_stop_words(path, filter);
    CHECK(filter.stop_words.count("公司") == 1);
    CHECK(filter.stop_words.count("the company") == 1);
    std::remove(path.c_str());
}

TEST_CASE("visible text leaves out hidden ranges and bare URLs", "[mentions]") {
    const std::string text = "see https://openai.com/x now www.a.org end";
    const Ranges r = visible_ranges(text, 0, {{0, 1}});
    std::vector<std::string> parts;
    for (auto [a, b] : r) parts.push_back(text.substr(a, b - a));
    CHECK(parts == V{"ee ", " now ", " end"});
}

TEST_CASE("no mentions inside links, code, URLs, front matter, HTML tags or templates",
          "[mentions]") {
    Gazetteer g(folder());
    g.add("OpenAI", "openai", NodeKind::entity, "", true);
    const MentionSpotter spotter(g);
    CorpusIndex index(CaseRule::fold);
    index.add("a.md");
    ImportOptions options;
    options.spotter = &spotter;
    const ArticleImporter importer(options, index);
    const std::string md =
        "---\ntitle: OpenAI\n---\nOpenAI [[OpenAI]] [OpenAI](x.md) `OpenAI` <b title=\"OpenAI\">\n"
        "```\nOpenAI\n```\nhttps://openai.com/OpenAI <!-- OpenAI --> OpenAI";
    const Document d = importer.import(md, "a.md", "a.md", Dialect::markdown);
    REQUIRE(d.candidates.size() == 2);
    CHECK(d.candidates[0].begin == md.find("OpenAI", 20));
    CHECK(d.candidates[1].end == md.size());
    const std::string wiki = "{{Infobox|OpenAI}} <ref>OpenAI</ref> OpenAI";
    const Document w = importer.import(wiki, "a.wiki", "a.md", Dialect::wikitext);
    REQUIRE(w.candidates.size() == 1);
    CHECK(w.candidates[0].begin == wiki.size() - 6);
}

TEST_CASE("a link whose text cuts a word of the sentence is suspect", "[mentions]") {
    CorpusIndex index(CaseRule::fold);
    index.add("a.md");
    const ArticleImporter importer(ImportOptions{}, index);
    const Document d = importer.import(
        "百度的聊[[zh:天机]]器人。\n[[zh:天机]]不可泄露。在[[zh:香港]]。pine[[apple]] pie", "a.md",
        "a.md", Dialect::markdown);
    REQUIRE(d.links.size() == 4);
    CHECK(d.links[0].suspect);
    CHECK(d.links[0].line == 1);
    CHECK(d.links[0].column == 5);
    CHECK_FALSE(d.links[1].suspect);
    CHECK_FALSE(d.links[2].suspect);
    CHECK(d.links[3].suspect);
}

TEST_CASE("sentence windows end at 。！？ and full stops; paragraph windows at blank lines",
          "[mentions]") {
    CorpusIndex index(CaseRule::fold);
    index.add("a.md");
    ImportOptions options;
    options.window = CooccurrenceWindow::sentence;
    const std::string text = "中国很大。美国也大！真的吗？Yes. No\n\nNext";
    const Document s =
        ArticleImporter(options, index).import(text, "a.md", "a.md", Dialect::markdown);
    CHECK(s.window_breaks == std::vector<std::uint32_t>{15, 30, 42, 47, 50, 51});
    options.window = CooccurrenceWindow::paragraph;
    const Document p =
        ArticleImporter(options, index).import(text, "a.md", "a.md", Dialect::markdown);
    CHECK(p.window_breaks ==
          std::vector<std::uint32_t>{static_cast<std::uint32_t>(text.find("Next"))});
}

TEST_CASE("a link between spaces or brackets is no suspect; signs that join words are read",
          "[mentions]") {
    // The first four end on certain boundaries (no segmentation needed); the others sit next
    // to signs that join letters (WB6/7: a.b, a'b) or to letters: ICU must decide.
    CorpusIndex index(CaseRule::fold);
    index.add("a.md");
    const ArticleImporter importer(ImportOptions{}, index);
    const Document d = importer.import(
        "see [[Apple]] now\n([[Pear]]) and {[[Fig]]}\n-[[Plum]]-\nx.[[Kiwi]]\n[[Lime]].y\n"
        "o'[[Date]]\nun[[Lemon]]\n",
        "a.md", "a.md", Dialect::markdown);
    REQUIRE(d.links.size() == 8);
    for (std::size_t i = 0; i < 4; ++i) CHECK_FALSE(d.links[i].suspect);
    CHECK(d.links[4].suspect);  // x.Kiwi reads as one word
    CHECK(d.links[5].suspect);  // Lime.y
    CHECK(d.links[6].suspect);  // o'Date
    CHECK(d.links[7].suspect);  // unLemon
}
