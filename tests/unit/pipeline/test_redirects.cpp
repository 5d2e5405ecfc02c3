// Redirects: chains followed to their final target, loops reported and left alone, `keep`
// keeping the redirect as a node with a `redirect` edge, dangling targets counted.
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "graph/graph_builder.hpp"
#include "importers/text/match_text.hpp"
#include "mentions/mention_pass.hpp"
#include "pipeline/redirects.hpp"
#include "tests/test.hpp"

using namespace kg;

namespace {

struct Recorder : ProblemSink {
    std::vector<Problem> problems;
    void report(const Problem& p) override { problems.push_back(p); }
};

using EdgeSet = std::set<std::tuple<std::string, std::string, std::string>>;

EdgeSet edges_of(const KnowledgeGraph& graph) {
    EdgeSet out;
    const CsrGraph& g = graph.graph();
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        out.emplace(g[boost::source(e, g)].key, g[boost::target(e, g)].key,
                    std::string(to_string(g[e].kind)));
    }
    return out;
}

std::set<std::string> keys_of(const KnowledgeGraph& graph) {
    std::set<std::string> out;
    for (NodeId v = 0; v < graph.node_count(); ++v) out.insert(std::string(graph.node(v).key));
    return out;
}

// Article x links to a, p and s; c is an article; the redirects come from one dump.
struct Fixture {
    MatchFolder folder;
    MentionPass names;
    GraphBuilder builder;
    Redirects redirects;
    Recorder problems;
    const std::vector<std::string> sources{"dump.xml"};

    explicit Fixture(bool spots = false) : names(settings(spots), folder) {
        const NodeId x = builder.add_node("x", NodeKind::article);
        builder.set_title(x, "X");
        const NodeId c = builder.add_node("c", NodeKind::article);
        builder.set_title(c, "C");
        for (const char* target : {"a", "p", "s"}) {
            builder.add_edge(x, builder.add_node(target, NodeKind::entity), EdgeKind::link, 1, 0);
        }
    }
    static MentionSettings settings(bool spots) {
        MentionSettings s;
        s.mentions = spots;
        s.window = CooccurrenceWindow::off;
        return s;
    }
    void add(const char* from, const char* to) { redirects.add(from, to, 0, false, {}, {}); }
    RedirectSummary resolve(bool keep) {
        return redirects.resolve(sources, keep, builder, names, problems);
    }
};

}  // namespace

TEST_CASE("a chain of redirects lands links on its final target", "[pipeline][redirects]") {
    Fixture f;
    f.add("a", "b");
    f.add("b", "c");
    const RedirectSummary s = f.resolve(false);
    CHECK(s.resolved == 2);
    CHECK(s.dangling == 0);
    CHECK(s.loops == 0);
    CHECK(f.problems.problems.empty());
    const KnowledgeGraph g = f.builder.freeze();
    const EdgeSet edges = edges_of(g);
    CHECK(edges.count({"x", "c", "link"}) == 1);
    CHECK(edges.count({"x", "a", "link"}) == 0);
    CHECK(keys_of(g).count("a") == 0);
    CHECK(keys_of(g).count("b") == 0);  // never linked: no node
}

TEST_CASE("redirects in a loop are reported once each and left as they are",
          "[pipeline][redirects]") {
    Fixture f;
    f.add("p", "q");
    f.add("q", "p");
    f.add("s", "s");
    const RedirectSummary s = f.resolve(false);
    CHECK(s.resolved == 0);
    CHECK(s.loops == 3);
    REQUIRE(f.problems.problems.size() == 3);
    for (const Problem& p : f.problems.problems) {
        CHECK(p.kind == ProblemKind::redirect_loop);
        CHECK(p.source == "dump.xml");
    }
    CHECK(f.problems.problems[0].message == "redirect 'p' is part of a loop; left as it is");
    const EdgeSet edges = edges_of(f.builder.freeze());
    CHECK(edges.count({"x", "p", "link"}) == 1);
    CHECK(edges.count({"x", "s", "link"}) == 1);
}

TEST_CASE("keep: the redirect stays a node with a redirect edge, links still move",
          "[pipeline][redirects]") {
    Fixture f;
    f.add("a", "b");
    f.add("b", "c");
    const RedirectSummary s = f.resolve(true);
    CHECK(s.resolved == 2);
    const KnowledgeGraph g = f.builder.freeze();
    const EdgeSet edges = edges_of(g);
    CHECK(edges.count({"a", "c", "redirect"}) == 1);
    CHECK(edges.count({"b", "c", "redirect"}) == 1);  // every page of a chain to the final one
    CHECK(edges.count({"x", "c", "link"}) == 1);
    CHECK(edges.count({"x", "a", "link"}) == 0);
    CHECK(keys_of(g).count("a") == 1);
}

TEST_CASE("a redirect to a page the input lacks makes that page an entity, counted dangling",
          "[pipeline][redirects]") {
    Fixture f;
    f.add("a", "missing");
    const RedirectSummary s = f.resolve(false);
    CHECK(s.resolved == 1);
    CHECK(s.dangling == 1);
    const KnowledgeGraph g = f.builder.freeze();
    CHECK(edges_of(g).count({"x", "missing", "link"}) == 1);
    for (NodeId v = 0; v < g.node_count(); ++v) {
        if (g.node(v).key == "missing") CHECK(g.node(v).kind == NodeKind::entity);
    }
}
