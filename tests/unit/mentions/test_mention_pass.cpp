// MentionPass, driven by BuildPipeline over a small folder: the dictionary collected from pass 1
// (titles and link texts), the verdicts of the filters, the mention edges (article -> entity,
// weight = mentions outside links) and the co-occurrence edges (entity pairs per window). The
// expected figures are counted by hand from the three files below.
#include <map>
#include <string>
#include <tuple>

#include "pipeline/build_pipeline.hpp"
#include "tests/test.hpp"
#include "tests/test_files.hpp"

using namespace kg;

namespace {

struct Ignore : ProblemSink {
    void report(const Problem&) override {}
};

// (source, target, kind) -> weight
using Weights = std::map<std::tuple<std::string, std::string, std::string>, std::uint32_t>;

struct Result {
    Weights edges;
    std::string summary;
};

// first.md links Apple and mentions Banana; second.md links Banana and mentions Apple twice
// (once beside the Banana link, in one sentence); third.md names neither.
Result build(void (*configure)(BuildSettings&)) {
    test::TempDir dir;
    dir.write("first.md", "[[Apple]] is a fruit. Banana is yellow.\n");
    dir.write("second.md", "[[Banana]] and Apple share a bowl. Apple again.\n\nMore text.\n");
    dir.write("third.md", "Nothing to see.\n");
    BuildSettings s;
    s.inputs = {dir.path.string()};
    s.mentions.filter.min_link_probability = 0;
    s.mentions.filter.builtin_stop_words = false;
    configure(s);
    BuildPipeline pipeline(s);
    Ignore problems;
    pipeline.read(problems);
    const KnowledgeGraph graph = pipeline.freeze();
    Result r;
    const CsrGraph& g = graph.graph();
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        r.edges[{std::string(g[boost::source(e, g)].key), std::string(g[boost::target(e, g)].key),
                 std::string(to_string(g[e].kind))}] += g[e].weight;
    }
    r.summary = pipeline.mention_pass().summary();
    return r;
}

std::uint32_t weight(const Result& r, const char* from, const char* to, const char* kind) {
    const auto it = r.edges.find({from, to, kind});
    return it == r.edges.end() ? 0 : it->second;
}

}  // namespace

TEST_CASE("mentions outside links become weighted mention edges", "[mentions][pass]") {
    const Result r = build([](BuildSettings& s) { s.mentions.window = CooccurrenceWindow::off; });
    CHECK(weight(r, "first", "apple", "link") == 1);
    CHECK(weight(r, "first", "banana", "mention") == 1);
    CHECK(weight(r, "first", "apple", "mention") == 0);  // the link's own text is no mention
    CHECK(weight(r, "second", "apple", "mention") == 2);
    CHECK(weight(r, "second", "banana", "mention") == 0);
    CHECK(weight(r, "third", "apple", "mention") == 0);
    // Dictionary: the titles first, second, third and the link texts Apple, Banana.
    CHECK(r.summary.find("mentions 3 of 2 forms; dictionary 5 forms, 5 spotted") !=
          std::string::npos);
    CHECK(r.summary.find("co-occurrence") == std::string::npos);
}

TEST_CASE("co-occurrence: one edge per pair a window, sentence or article", "[mentions][pass]") {
    const Result sentence = build([](BuildSettings&) {});
    // Only second.md's first sentence holds both (a link and a mention).
    CHECK(weight(sentence, "apple", "banana", "cooccurrence") == 1);
    const Result article =
        build([](BuildSettings& s) { s.mentions.window = CooccurrenceWindow::article; });
    CHECK(weight(article, "apple", "banana", "cooccurrence") == 2);  // first.md and second.md
    // Without mentions a window holds only linked entities: one a file here, so no pair.
    const Result links_only = build([](BuildSettings& s) {
        s.mentions.mentions = false;
        s.mentions.window = CooccurrenceWindow::article;
    });
    CHECK(weight(links_only, "apple", "banana", "cooccurrence") == 0);
    CHECK(weight(links_only, "first", "banana", "mention") == 0);
}

TEST_CASE("verdicts: forms rarely linked are left out, and so are their mentions",
          "[mentions][pass]") {
    // Apple: 1 link of 3 occurrences (0.33); Banana: 1 of 2 (0.5); the three titles occur in
    // no text, so nothing speaks against them.
    const Result r = build([](BuildSettings& s) {
        s.mentions.window = CooccurrenceWindow::off;
        s.mentions.filter.min_link_probability = 0.4;
    });
    CHECK(weight(r, "second", "apple", "mention") == 0);
    CHECK(weight(r, "first", "banana", "mention") == 1);
    INFO(r.summary);
    CHECK(r.summary.find("dictionary 5 forms, 4 spotted, left out: too short 0, stop words 0, "
                         "link probability < 0.4 1") != std::string::npos);
}
