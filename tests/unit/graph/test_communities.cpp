// Unit tests of Louvain community detection on graphs whose best partition is known.
#include "graph/communities.hpp"
#include "graph/graph_builder.hpp"
#include "tests/test.hpp"

using namespace kg;

namespace {

KnowledgeGraph two_cliques(bool reversed_bridge) {
    // Two 4-cliques {0..3} and {4..7}, one light edge between them.
    GraphBuilder b;
    for (int i = 0; i < 8; ++i) b.add_node("n" + std::to_string(i), NodeKind::entity);
    for (NodeId base : {0u, 4u}) {
        for (NodeId i = 0; i < 4; ++i) {
            for (NodeId j = i + 1; j < 4; ++j) b.add_edge(base + i, base + j, EdgeKind::link, 3, 1);
        }
    }
    if (reversed_bridge) {
        b.add_edge(4, 3, EdgeKind::mention, 1, 1);
    } else {
        b.add_edge(3, 4, EdgeKind::link, 1, 1);
    }
    return b.freeze();
}

}  // namespace

TEST_CASE("Louvain splits two cliques joined by one edge, whatever its direction",
          "[communities]") {
    for (bool reversed : {false, true}) {
        const Communities c = louvain(two_cliques(reversed));
        CHECK(c.count == 2);
        CHECK(c.community == std::vector<std::uint32_t>{0, 0, 0, 0, 1, 1, 1, 1});
        // Q = sum over the two cliques of (18/38 - (37/74)^2) with m = 37.
        CHECK(c.modularity == Approx(2 * (36.0 / 74.0 - (37.0 / 74.0) * (37.0 / 74.0))));
    }
}

TEST_CASE("modularity of one community is zero, of singletons negative", "[communities]") {
    const KnowledgeGraph g = two_cliques(false);
    CHECK(modularity(g, std::vector<std::uint32_t>(8, 0)) == Approx(0.0).margin(1e-12));
    std::vector<std::uint32_t> singletons(8);
    for (std::uint32_t i = 0; i < 8; ++i) singletons[i] = i;
    CHECK(modularity(g, singletons) < 0.0);
}

TEST_CASE("Louvain is deterministic for a seed, and isolated nodes stay alone", "[communities]") {
    GraphBuilder b;
    for (int i = 0; i < 3; ++i) b.add_node("n" + std::to_string(i), NodeKind::entity);
    b.add_edge(0, 1, EdgeKind::link, 1, 1);
    const KnowledgeGraph g = b.freeze();
    const Communities a = louvain(g, {1.0, 7});
    const Communities c = louvain(g, {1.0, 7});
    CHECK(a.community == c.community);
    CHECK(a.community == std::vector<std::uint32_t>{0, 0, 1});
    CHECK(a.count == 2);
}
