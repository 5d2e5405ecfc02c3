// Unit tests of GraphBuilder and KnowledgeGraph: interning, kinds, labels, aggregation, order.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "graph/graph_builder.hpp"
#include "tests/test.hpp"

using namespace kg;

namespace {

// (source key, target key, kind, weight, articles) of every edge, in the graph's order.
std::vector<std::tuple<std::string, std::string, EdgeKind, std::uint32_t, std::uint32_t>>
keyed_edges(const KnowledgeGraph& g) {
    std::vector<std::tuple<std::string, std::string, EdgeKind, std::uint32_t, std::uint32_t>> out;
    const CsrGraph& csr = g.graph();
    for (auto e : boost::make_iterator_range(boost::edges(csr))) {
        out.emplace_back(csr[boost::source(e, csr)].key, csr[boost::target(e, csr)].key,
                         csr[e].kind, csr[e].weight, csr[e].articles);
    }
    return out;
}

}  // namespace

TEST_CASE("one node per key; kind rises to the highest seen; lang kept", "[graph]") {
    GraphBuilder b;
    const NodeId a = b.add_node("apple", NodeKind::entity);
    CHECK(b.add_node("apple", NodeKind::article) == a);
    CHECK(b.add_node("apple", NodeKind::entity, "en") == a);
    const NodeId z = b.add_node("zh:中国", NodeKind::entity, "zh");
    CHECK(z != a);
    const KnowledgeGraph g = b.freeze();
    REQUIRE(g.node_count() == 2);
    CHECK(g.node(a).kind == NodeKind::article);
    CHECK(g.node(a).lang == "en");
    CHECK(g.node(z).lang == "zh");
    CHECK(g.node_count(NodeKind::article) == 1);
    CHECK(g.node_count(NodeKind::entity) == 1);
}

TEST_CASE("the label is the title, else the most frequent surface, first seen on ties", "[graph]") {
    GraphBuilder b;
    const NodeId t = b.add_node("apple", NodeKind::article);
    b.add_surface(t, "apple", 5);
    CHECK(b.set_title(t, "Apple (fruit)"));
    CHECK_FALSE(b.set_title(t, "ignored second title"));
    const NodeId s = b.add_node("pear", NodeKind::entity);
    b.add_surface(s, "pear");
    b.add_surface(s, "Pear");
    b.add_surface(s, "Pear");
    const NodeId tie = b.add_node("fig", NodeKind::entity);
    b.add_surface(tie, "Fig");
    b.add_surface(tie, "fig");
    const NodeId bare = b.add_node("bare", NodeKind::entity);
    const KnowledgeGraph g = b.freeze();
    CHECK(g.node(t).label == "Apple (fruit)");
    CHECK(g.node(s).label == "Pear");
    CHECK(g.node(tie).label == "Fig");
    CHECK(g.node(bare).label == "bare");
}

TEST_CASE("parallel events aggregate into one edge per source, target and kind", "[graph]") {
    GraphBuilder b;
    const NodeId a = b.add_node("a", NodeKind::article);
    const NodeId c = b.add_node("c", NodeKind::article);
    const NodeId x = b.add_node("x", NodeKind::entity);
    b.add_edge(a, x, EdgeKind::link, 1, 1);
    b.add_edge(a, x, EdgeKind::link, 2, 1);
    b.add_edge(a, x, EdgeKind::embed, 1, 1);
    b.add_edge(c, x, EdgeKind::link, 1, 2);
    const KnowledgeGraph g = b.freeze();
    REQUIRE(g.edge_count() == 3);
    CHECK(g.edge_count(EdgeKind::link) == 2);
    CHECK(g.edge_weight(EdgeKind::link) == 4);
    CHECK(g.has_parallel_edges());
    const auto& csr = g.graph();
    std::vector<std::tuple<NodeId, NodeId, EdgeKind, std::uint32_t, std::uint32_t>> edges;
    for (auto e : boost::make_iterator_range(boost::edges(csr))) {
        edges.emplace_back(boost::source(e, csr), boost::target(e, csr), csr[e].kind, csr[e].weight,
                           csr[e].articles);
    }
    using E = decltype(edges)::value_type;
    CHECK(edges == std::vector<E>{E{a, x, EdgeKind::link, 3, 1}, E{a, x, EdgeKind::embed, 1, 1},
                                  E{c, x, EdgeKind::link, 1, 1}});
}

TEST_CASE("articles counts distinct articles behind an edge", "[graph]") {
    GraphBuilder b;
    const NodeId a = b.add_node("a", NodeKind::entity);
    const NodeId x = b.add_node("x", NodeKind::entity);
    b.add_edge(a, x, EdgeKind::link, 1, 7);
    b.add_edge(a, x, EdgeKind::link, 1, 7);
    b.add_edge(a, x, EdgeKind::link, 1, 9);
    const KnowledgeGraph g = b.freeze();
    const auto e = *boost::edges(g.graph()).first;
    CHECK(g.graph()[e].weight == 3);
    CHECK(g.graph()[e].articles == 2);
    CHECK_FALSE(g.has_parallel_edges());
}

TEST_CASE("edges come out sorted by source, target and kind whatever the insertion order",
          "[graph]") {
    auto build = [](bool reversed) {
        GraphBuilder b;
        for (const char* k : {"n0", "n1", "n2"}) b.add_node(k, NodeKind::entity);
        std::vector<std::pair<NodeId, NodeId>> pairs{{2, 0}, {0, 2}, {0, 1}, {1, 2}};
        if (reversed) std::reverse(pairs.begin(), pairs.end());
        for (auto [s, t] : pairs) b.add_edge(s, t, EdgeKind::link, 1, 1);
        std::vector<std::pair<NodeId, NodeId>> out;
        const KnowledgeGraph g = b.freeze();
        for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) {
            out.emplace_back(boost::source(e, g.graph()), boost::target(e, g.graph()));
        }
        return out;
    };
    CHECK(build(false) == build(true));
    CHECK(build(false) == std::vector<std::pair<NodeId, NodeId>>{{0, 1}, {0, 2}, {1, 2}, {2, 0}});
}

TEST_CASE("an undirected edge is one edge whichever way it comes, from the smaller key",
          "[graph]") {
    GraphBuilder b;
    // Ids and keys in opposite orders: "zeta" comes first, "alpha" last.
    const NodeId z = b.add_node("zeta", NodeKind::entity);
    const NodeId m = b.add_node("mu", NodeKind::entity);
    const NodeId a = b.add_node("alpha", NodeKind::entity);
    b.add_undirected_edge(z, a, EdgeKind::cooccurrence, 1, 1);
    b.add_undirected_edge(a, z, EdgeKind::cooccurrence, 2, 1);
    b.add_undirected_edge(a, z, EdgeKind::cooccurrence, 1, 4);
    b.add_undirected_edge(m, z, EdgeKind::cooccurrence, 1, 4);
    b.add_edge(z, a, EdgeKind::link, 1, 1);  // directed: stays as given
    const KnowledgeGraph g = b.freeze();
    auto edges = keyed_edges(g);
    std::sort(edges.begin(), edges.end());
    using E = decltype(edges)::value_type;
    CHECK(edges == std::vector<E>{E{"alpha", "zeta", EdgeKind::cooccurrence, 4, 2},
                                  E{"mu", "zeta", EdgeKind::cooccurrence, 1, 1},
                                  E{"zeta", "alpha", EdgeKind::link, 1, 1}});
}

TEST_CASE("many edges, given in any order and again, add up through the growing index", "[graph]") {
    GraphBuilder b;
    const int n = 300;
    for (int i = 0; i < n; ++i) b.add_node("k" + std::to_string(i), NodeKind::entity);
    // 9,000 distinct (source, target, kind) edges, each given 1 to 3 times, interleaved.
    std::map<std::tuple<NodeId, NodeId, EdgeKind>, std::uint32_t> expected;
    std::uint64_t x = 12345;
    auto next = [&] {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(x >> 33);
    };
    std::vector<std::tuple<NodeId, NodeId, EdgeKind>> events;
    while (expected.size() < 9000) {
        const auto key =
            std::make_tuple(static_cast<NodeId>(next() % n), static_cast<NodeId>(next() % n),
                            next() % 2 ? EdgeKind::mention : EdgeKind::redirect);
        if (expected.count(key)) continue;
        expected[key] = 1 + next() % 3;
        for (std::uint32_t k = 0; k < expected[key]; ++k) events.push_back(key);
    }
    for (std::size_t i = events.size(); i > 1; --i) std::swap(events[i - 1], events[next() % i]);
    for (const auto& [s, t, kind] : events) b.add_edge(s, t, kind, 1, s);
    const KnowledgeGraph g = b.freeze();
    std::map<std::tuple<NodeId, NodeId, EdgeKind>, std::uint32_t> found;
    std::set<std::uint32_t> articles_seen;
    const CsrGraph& csr = g.graph();
    for (auto e : boost::make_iterator_range(boost::edges(csr))) {
        found[std::make_tuple(
            static_cast<NodeId>(std::stoi(std::string(csr[boost::source(e, csr)].key.substr(1)))),
            static_cast<NodeId>(std::stoi(std::string(csr[boost::target(e, csr)].key.substr(1)))),
            csr[e].kind)] += csr[e].weight;
        // Each edge's events share one article: the index met them all in one record.
        articles_seen.insert(csr[e].articles);
    }
    CHECK(found == expected);
    CHECK(articles_seen == std::set<std::uint32_t>{1});
}

TEST_CASE("an empty builder freezes to an empty graph", "[graph]") {
    GraphBuilder b;
    const KnowledgeGraph g = b.freeze();
    CHECK(g.node_count() == 0);
    CHECK(g.edge_count() == 0);
}

TEST_CASE("a redirect's edges land on its target and the redirect leaves the graph",
          "[builder][redirect]") {
    GraphBuilder b;
    const NodeId a = b.add_node("A", NodeKind::article);
    const NodeId r = b.add_node("R", NodeKind::entity);
    const NodeId t = b.add_node("T", NodeKind::article);
    const NodeId c = b.add_node("C", NodeKind::article);
    b.add_edge(a, r, EdgeKind::link, 2, 1);
    b.add_edge(a, t, EdgeKind::link, 3, 1);  // meets the link to R: one edge, weight 5
    b.add_edge(c, r, EdgeKind::link, 1, 2);
    b.add_edge(r, c, EdgeKind::cooccurrence, 1, 1);
    b.add_edge(t, c, EdgeKind::cooccurrence, 2, 2);
    b.redirect(r, t);
    const KnowledgeGraph g = b.freeze();
    REQUIRE(g.node_count() == 3);
    CHECK(g.node(0).key == "A");
    CHECK(g.node(1).key == "T");
    CHECK(g.node(2).key == "C");
    auto edges = keyed_edges(g);
    using E = decltype(edges)::value_type;
    CHECK(edges == std::vector<E>{E{"A", "T", EdgeKind::link, 5, 1},
                                  E{"T", "C", EdgeKind::cooccurrence, 3, 2},
                                  E{"C", "T", EdgeKind::link, 1, 1}});
}

TEST_CASE("a redirect kept as a node keeps its redirect edge; other edges still move",
          "[builder][redirect]") {
    GraphBuilder b;
    const NodeId a = b.add_node("A", NodeKind::article);
    const NodeId r = b.add_node("R", NodeKind::entity);
    const NodeId t = b.add_node("T", NodeKind::article);
    b.add_edge(a, r, EdgeKind::link, 1, 1);
    b.add_edge(r, t, EdgeKind::redirect, 1, 0);
    b.redirect(r, t, true);
    const KnowledgeGraph g = b.freeze();
    REQUIRE(g.node_count() == 3);
    CHECK(g.edge_count(EdgeKind::redirect) == 1);
    CHECK(g.edge_count(EdgeKind::link) == 1);
    const CsrGraph& csr = g.graph();
    for (auto e : boost::make_iterator_range(boost::edges(csr))) {
        if (csr[e].kind == EdgeKind::link) CHECK(csr[boost::target(e, csr)].key == "T");
        if (csr[e].kind == EdgeKind::redirect) CHECK(csr[boost::source(e, csr)].key == "R");
    }
}

TEST_CASE(
    "an article's edges given at once aggregate per target and kind; a second file with "
    "the same key adds up",
    "[builder]") {
    GraphBuilder b;
    const NodeId a = b.add_node("A", NodeKind::article);
    const NodeId x = b.add_node("X", NodeKind::entity);
    const NodeId y = b.add_node("Y", NodeKind::entity);
    std::vector<GraphBuilder::ArticleEdge> edges{{y, EdgeKind::link, 0},
                                                 {x, EdgeKind::link, 1},
                                                 {x, EdgeKind::embed, 0},
                                                 {x, EdgeKind::link, 0}};
    b.add_article_edges(a, edges);
    std::vector<GraphBuilder::ArticleEdge> again{{x, EdgeKind::link, 0}};
    b.add_article_edges(a, again);  // a second file keyed "A"
    b.add_edge(a, x, EdgeKind::mention, 2, 1);
    const KnowledgeGraph g = b.freeze();
    std::vector<std::tuple<NodeId, EdgeKind, std::uint32_t, std::uint32_t, std::uint32_t>> got;
    const CsrGraph& csr = g.graph();
    for (auto e : boost::make_iterator_range(boost::edges(csr))) {
        got.emplace_back(boost::target(e, csr), csr[e].kind, csr[e].weight, csr[e].articles,
                         csr[e].suspect);
    }
    using T = decltype(got)::value_type;
    CHECK(got == std::vector<T>{T{x, EdgeKind::link, 3, 2, 1}, T{x, EdgeKind::embed, 1, 1, 0},
                                T{x, EdgeKind::mention, 2, 1, 0}, T{y, EdgeKind::link, 1, 1, 0}});
}

TEST_CASE("articles come first in the frozen graph, in the order their edges were given",
          "[builder]") {
    GraphBuilder b;
    const NodeId x = b.add_node("X", NodeKind::entity);  // a link target seen first
    const NodeId a2 = b.add_node("A2", NodeKind::article);
    const NodeId a1 = b.add_node("A1", NodeKind::article);
    const NodeId y = b.add_node("Y", NodeKind::entity);
    std::vector<GraphBuilder::ArticleEdge> edges{{x, EdgeKind::link, 0}, {y, EdgeKind::link, 0}};
    b.add_article_edges(a1, edges);
    std::vector<GraphBuilder::ArticleEdge> none;
    b.add_article_edges(a2, none);  // an article without links still takes its place
    CHECK(b.find("X") == x);
    CHECK(b.find("Z") == GraphBuilder::no_node);
    CHECK(b.node_count() == 4);  // find() creates nothing
    std::vector<NodeId> frozen;
    const KnowledgeGraph g = b.freeze(&frozen);
    REQUIRE(g.node_count() == 4);
    CHECK(g.node(0).key == "A1");
    CHECK(g.node(1).key == "A2");
    CHECK(g.node(2).key == "X");
    CHECK(g.node(3).key == "Y");
    CHECK(frozen == std::vector<NodeId>{2, 1, 0, 3});
    const CsrGraph& csr = g.graph();
    std::vector<std::pair<NodeId, NodeId>> ends;
    for (auto e : boost::make_iterator_range(boost::edges(csr))) {
        ends.emplace_back(boost::source(e, csr), boost::target(e, csr));
    }
    CHECK(ends == std::vector<std::pair<NodeId, NodeId>>{{0, 2}, {0, 3}});
}

TEST_CASE("the edges of an article that is also a redirect move to the redirect's target",
          "[builder][redirect]") {
    GraphBuilder b;
    const NodeId r = b.add_node("R", NodeKind::article);
    const NodeId t = b.add_node("T", NodeKind::article);
    const NodeId x = b.add_node("X", NodeKind::entity);
    std::vector<GraphBuilder::ArticleEdge> from_r{{x, EdgeKind::link, 1}, {t, EdgeKind::link, 0}};
    b.add_article_edges(r, from_r);
    std::vector<GraphBuilder::ArticleEdge> from_t{{x, EdgeKind::link, 0}};
    b.add_article_edges(t, from_t);
    b.redirect(r, t);
    const KnowledgeGraph g = b.freeze();
    REQUIRE(g.node_count() == 2);
    CHECK(g.node(0).key == "T");
    std::vector<std::tuple<std::string, std::string, std::uint32_t, std::uint32_t>> got;
    const CsrGraph& csr = g.graph();
    for (auto e : boost::make_iterator_range(boost::edges(csr))) {
        got.emplace_back(csr[boost::source(e, csr)].key, csr[boost::target(e, csr)].key,
                         csr[e].weight, csr[e].suspect);
    }
    using T = decltype(got)::value_type;
    CHECK(got == std::vector<T>{T{"T", "T", 1, 0}, T{"T", "X", 2, 1}});
}

TEST_CASE("many nodes and article edges across storage chunks come out whole", "[builder]") {
    // 3,000 articles × 7 targets = 21,000 stored edges: past the first chunks (4,096, 8,192),
    // with batches that straddle their ends; 20,000 keys make the key table grow many times.
    GraphBuilder b;
    const int articles = 3000;
    std::vector<NodeId> ids;
    for (int i = 0; i < 20000; ++i) {
        ids.push_back(b.add_node("key " + std::to_string(i), NodeKind::entity));
    }
    for (int i = 0; i < 20000; i += 997) {
        CHECK(b.add_node("key " + std::to_string(i), NodeKind::entity) == ids[i]);
        CHECK(b.key(ids[i]) == "key " + std::to_string(i));
    }
    for (int a = 0; a < articles; ++a) {
        std::vector<GraphBuilder::ArticleEdge> edges;
        for (int k = 0; k < 7; ++k) {
            // Target a + k·k appears k+1 times: weight k+1.
            for (int w = 0; w <= k; ++w) edges.push_back({ids[a + k * k], EdgeKind::link, 0});
        }
        b.add_article_edges(ids[a], edges);
    }
    CHECK(b.edge_count() == 21000);
    const KnowledgeGraph g = b.freeze();
    REQUIRE(g.edge_count() == 21000);
    const CsrGraph& csr = g.graph();
    std::uint64_t weight = 0;
    bool all_right = true;
    for (auto e : boost::make_iterator_range(boost::edges(csr))) {
        const int source = std::stoi(std::string(csr[boost::source(e, csr)].key.substr(4)));
        const int target = std::stoi(std::string(csr[boost::target(e, csr)].key.substr(4)));
        int k = 0;
        while (k < 7 && source + k * k != target) ++k;
        all_right = all_right && k < 7 && csr[e].weight == static_cast<std::uint32_t>(k + 1);
        weight += csr[e].weight;
    }
    CHECK(all_right);
    CHECK(weight == std::uint64_t{articles} * 28);
    CHECK(g.node(0).key == "key 0");
    CHECK(g.node(articles).key == "key " + std::to_string(articles));
}

TEST_CASE("the spelling equal to the key keeps its place in the order of first sight",
          "[builder]") {
    GraphBuilder b;
    const NodeId first = b.add_node("kiwi", NodeKind::entity);
    b.add_surface(first, "kiwi");  // the key's spelling, seen first: wins the tie
    b.add_surface(first, "Kiwi");
    const NodeId middle = b.add_node("lime", NodeKind::entity);
    b.add_surface(middle, "LIME");
    b.add_surface(middle, "lime", 2);  // seen second, ties with Lime: wins over the later one
    b.add_surface(middle, "Lime", 2);
    const NodeId beaten = b.add_node("date", NodeKind::entity);
    b.add_surface(beaten, "Date", 3);
    b.add_surface(beaten, "date", 3);  // a tie, but Date came first
    b.add_surface(beaten, "date", 0);
    const KnowledgeGraph g = b.freeze();
    CHECK(g.node(first).label == "kiwi");
    CHECK(g.node(middle).label == "lime");  // 2 = 2 > 1: lime came before Lime
    CHECK(g.node(beaten).label == "Date");
}

TEST_CASE("add_nodes gives the ids add_node would, in the same order, kinds and langs",
          "[builder]") {
    // 3,000 keys with repeats, in batches of 700 (the key table grows inside a batch).
    std::vector<std::string> keys;
    for (int i = 0; i < 3000; ++i) keys.push_back("k" + std::to_string((i * 7919) % 1900));
    GraphBuilder one;
    GraphBuilder many;
    std::vector<NodeId> expected;
    std::vector<NodeId> got;
    for (std::size_t start = 0; start < keys.size(); start += 700) {
        std::vector<GraphBuilder::NodeRequest> requests;
        for (std::size_t i = start; i < std::min(keys.size(), start + 700); ++i) {
            const NodeKind kind = i % 5 == 0 ? NodeKind::article : NodeKind::entity;
            const std::string_view lang = i % 3 == 0 ? "zh" : "";
            expected.push_back(one.add_node(keys[i], kind, lang));
            requests.push_back({keys[i], kind, lang});
        }
        many.add_nodes(requests);
        for (const auto& r : requests) got.push_back(r.id);
    }
    CHECK(got == expected);
    REQUIRE(many.node_count() == one.node_count());
    const KnowledgeGraph a = one.freeze();
    const KnowledgeGraph b = many.freeze();
    bool same = true;
    for (NodeId v = 0; v < a.node_count(); ++v) {
        same = same && a.node(v).key == b.node(v).key && a.node(v).kind == b.node(v).kind &&
               a.node(v).lang == b.node(v).lang;
    }
    CHECK(same);
}
