// Unit tests of the reduction filters: what each keeps, and what it reports removed.
#include "graph/graph_builder.hpp"
#include "graph/reduction.hpp"
#include "tests/test.hpp"

using namespace kg;

namespace {

// 0 -> 1 (w 5, link), 0 -> 2 (w 1, mention), 1 -> 2 (w 1, link), 3 -> 4 (w 2, link), 5 alone;
// 0 is an article, the rest entities.
KnowledgeGraph sample() {
    GraphBuilder b;
    b.add_node("n0", NodeKind::article);
    for (int i = 1; i < 6; ++i) b.add_node("n" + std::to_string(i), NodeKind::entity);
    b.add_edge(0, 1, EdgeKind::link, 5, 1);
    b.add_edge(0, 2, EdgeKind::mention, 1, 1);
    b.add_edge(1, 2, EdgeKind::link, 1, 1);
    b.add_edge(3, 4, EdgeKind::link, 2, 1);
    return b.freeze();
}

std::vector<std::string> keys(const KnowledgeGraph& g) {
    std::vector<std::string> out;
    for (NodeId v = 0; v < g.node_count(); ++v) out.emplace_back(g.node(v).key);
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("min-weight drops light edges and reports their share of the weight", "[reduction]") {
    ReductionStep step;
    const KnowledgeGraph g = filter_min_weight(sample(), 2, step);
    CHECK(g.edge_count() == 2);
    CHECK(g.node_count() == 6);
    CHECK(step.edges_removed == 2);
    CHECK(step.nodes_removed == 0);
    CHECK(step.weight_share_removed == Approx(2.0 / 9.0));
}

TEST_CASE("edge and node kinds keep what is named", "[reduction]") {
    ReductionStep step;
    CHECK(filter_edge_kinds(sample(), {EdgeKind::mention}, step).edge_count() == 1);
    const KnowledgeGraph g = filter_node_kinds(sample(), {NodeKind::entity}, step);
    CHECK(keys(g) == V{"n1", "n2", "n3", "n4", "n5"});
    CHECK(g.edge_count() == 2);  // 1->2 and 3->4, renumbered
    CHECK(step.nodes_removed == 1);
}

TEST_CASE("largest component keeps the biggest weakly connected part", "[reduction]") {
    ReductionStep step;
    const KnowledgeGraph g = largest_component(sample(), step);
    CHECK(keys(g) == V{"n0", "n1", "n2"});
    CHECK(step.nodes_removed == 3);
    CHECK(step.edges_removed == 1);
}

TEST_CASE("each node keeps its k heaviest edges; an edge survives if either end keeps it",
          "[reduction]") {
    ReductionStep step;
    const KnowledgeGraph g = strongest_edges(sample(), 1, step);
    // n0 keeps 0->1 (5); n1 keeps 0->1; n2 keeps 0->2 (first of its two weight-1 edges);
    // n3 and n4 keep 3->4. 1->2 is nobody's strongest.
    CHECK(g.edge_count() == 3);
    CHECK(step.edges_removed == 1);
}

TEST_CASE("an ego network follows edges both ways up to the depth", "[reduction]") {
    ReductionStep step;
    CHECK(keys(ego_network(sample(), 2, 1, step)) == V{"n0", "n1", "n2"});
    CHECK(keys(ego_network(sample(), 4, 1, step)) == V{"n3", "n4"});
    CHECK(keys(ego_network(sample(), 5, 3, step)) == V{"n5"});
}

TEST_CASE("the disparity backbone keeps the edge that dominates a node's strength", "[reduction]") {
    // A hub with one heavy and nine light out-edges: (1 - 91/100)^9 is tiny, (1 - 1/100)^9 is not.
    GraphBuilder b;
    b.add_node("hub", NodeKind::article);
    for (int i = 0; i < 10; ++i) b.add_node("x" + std::to_string(i), NodeKind::entity);
    b.add_edge(0, 1, EdgeKind::link, 91, 1);
    for (NodeId i = 2; i <= 10; ++i) b.add_edge(0, i, EdgeKind::link, 1, 1);
    ReductionStep step;
    const KnowledgeGraph g = backbone(b.freeze(), 0.05, step);
    REQUIRE(g.edge_count() == 1);
    const auto e = *boost::edges(g.graph()).first;
    CHECK(g.node(boost::target(e, g.graph())).key == "x0");
    CHECK(step.weight_share_removed == Approx(9.0 / 100.0));
}

TEST_CASE("top N by degree keeps the best-connected nodes in node order", "[reduction]") {
    ReductionStep step;
    const KnowledgeGraph g = top_nodes(sample(), 3, RankBy::degree, step);
    CHECK(keys(g) == V{"n0", "n1", "n2"});
    CHECK(g.edge_count() == 3);
    CHECK(step.nodes_removed == 3);
}

TEST_CASE("a cut graph keeps its nodes' texts and stats after the original is gone",
          "[reduction]") {
    ReductionStep step;
    KnowledgeGraph cut;
    {
        KnowledgeGraph g = sample();
        CHECK(g.stats(1).x == 0.0);  // zero until set
        CHECK_FALSE(g.has_layout());
        std::vector<double> x, y;
        for (std::size_t v = 0; v < g.node_count(); ++v) {
            x.push_back(static_cast<double>(v) + 0.5);
            y.push_back(-static_cast<double>(v));
        }
        g.set_layout(x, y);
        cut = filter_node_kinds(g, {NodeKind::entity}, step);
    }  // the builder and the original graph are gone: the cut shares their strings
    REQUIRE(cut.node_count() == 5);
    CHECK(cut.has_layout());
    CHECK(keys(cut) == V{"n1", "n2", "n3", "n4", "n5"});
    CHECK(cut.node(0).label == "n1");
    CHECK(cut.stats(0).x == 1.5);  // was node 1
    CHECK(cut.stats(4).y == -5.0);
}
