// Unit tests of the force-directed layout: deterministic, centred, and it pulls neighbours
// together.
#include <cmath>

#include "graph/graph_builder.hpp"
#include "graph/layout.hpp"
#include "tests/test.hpp"

using namespace kg;

namespace {

KnowledgeGraph two_cliques() {
    GraphBuilder b;
    for (int i = 0; i < 10; ++i) b.add_node("n" + std::to_string(i), NodeKind::entity);
    for (NodeId base : {0u, 5u}) {
        for (NodeId i = 0; i < 5; ++i) {
            for (NodeId j = i + 1; j < 5; ++j) b.add_edge(base + i, base + j, EdgeKind::link, 1, 1);
        }
    }
    b.add_edge(0, 5, EdgeKind::link, 1, 1);
    return b.freeze();
}

double distance(const KnowledgeGraph& g, NodeId a, NodeId b) {
    return std::hypot(g.node(a).x - g.node(b).x, g.node(a).y - g.node(b).y);
}

}  // namespace

TEST_CASE("the layout is the same on every run and centred on the origin", "[layout]") {
    KnowledgeGraph a = two_cliques();
    KnowledgeGraph b = two_cliques();
    compute_layout(a);
    compute_layout(b);
    REQUIRE(a.has_layout());
    double cx = 0;
    double cy = 0;
    for (NodeId v = 0; v < a.node_count(); ++v) {
        CHECK(a.node(v).x == b.node(v).x);
        CHECK(a.node(v).y == b.node(v).y);
        cx += a.node(v).x;
        cy += a.node(v).y;
    }
    CHECK(std::abs(cx / 10) < 0.01);
    CHECK(std::abs(cy / 10) < 0.01);
}

TEST_CASE("the layout keeps a clique together and apart from the other", "[layout]") {
    KnowledgeGraph g = two_cliques();
    compute_layout(g);
    double inside = 0;
    double across = 0;
    for (NodeId i = 1; i < 5; ++i) {
        inside += distance(g, 1, i + (i == 1 ? 1 : 0));
        across += distance(g, 1, 5 + i);
    }
    CHECK(inside < across);
    for (NodeId i = 0; i < 10; ++i) {
        for (NodeId j = i + 1; j < 10; ++j) CHECK(distance(g, i, j) > 0);
    }
}
