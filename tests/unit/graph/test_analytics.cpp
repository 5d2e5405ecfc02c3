// Unit tests of the node metrics on graphs small enough to solve by hand.
#include "graph/analytics.hpp"
#include "graph/graph_builder.hpp"
#include "tests/test.hpp"

using namespace kg;

namespace {

KnowledgeGraph graph_of(std::size_t nodes,
                        const std::vector<std::tuple<NodeId, NodeId, std::uint32_t>>& edges) {
    GraphBuilder b;
    for (std::size_t i = 0; i < nodes; ++i) b.add_node("n" + std::to_string(i), NodeKind::entity);
    for (auto [s, t, w] : edges) b.add_edge(s, t, EdgeKind::link, w, 1);
    return b.freeze();
}

}  // namespace

TEST_CASE("PageRank of a directed cycle is uniform and sums to one", "[analytics]") {
    const auto g = graph_of(3, {{0, 1, 1}, {1, 2, 1}, {2, 0, 1}});
    const auto pr = pagerank(g, {});
    for (double r : pr) CHECK(r == Approx(1.0 / 3.0));
}

TEST_CASE("PageRank follows edge weights and hands a dangling node's rank to all", "[analytics]") {
    // 0 -> 1 (weight 3), 0 -> 2 (weight 1); 1 and 2 dangle. Solved by hand:
    // r1 = 0.85 * (3/4 r0 + (r1 + r2)/3) + 0.05, r2 = 0.85 * (1/4 r0 + (r1 + r2)/3) + 0.05,
    // r0 = 0.85 * (r1 + r2)/3 + 0.05, with r0 + r1 + r2 = 1.
    const auto g = graph_of(3, {{0, 1, 3}, {0, 2, 1}});
    std::uint32_t iterations = 0;
    bool converged = false;
    PageRankOptions tight;
    tight.tolerance = 1e-12;
    tight.max_iterations = 1000;
    const auto pr = pagerank(g, tight, &iterations, &converged);
    CHECK(converged);
    // r1 + r2 = 1 - r0 and r0 = 0.85 (1 - r0)/3 + 0.05  =>  r0 = (0.85/3 + 0.05) / (1 + 0.85/3)
    const double a = 0.85 / 3.0;
    const double expected0 = (a + 0.05) / (1.0 + a);
    const double expected1 = 0.85 * 0.75 * expected0 + a * (1 - expected0) + 0.05;
    CHECK(pr[0] == Approx(expected0).epsilon(1e-9));
    CHECK(pr[1] == Approx(expected1).epsilon(1e-9));
    CHECK(pr[0] + pr[1] + pr[2] == Approx(1.0));
    CHECK(pr[1] > pr[2]);
}

TEST_CASE("degrees count edges of every kind; weighted degree sums weights in and out",
          "[analytics]") {
    GraphBuilder b;
    const NodeId a = b.add_node("a", NodeKind::article);
    const NodeId x = b.add_node("x", NodeKind::entity);
    b.add_edge(a, x, EdgeKind::link, 2, 1);
    b.add_edge(a, x, EdgeKind::mention, 5, 1);
    b.add_edge(x, x, EdgeKind::link, 1, 1);
    const KnowledgeGraph g = b.freeze();
    const NodeMetrics m = compute_metrics(g);
    CHECK(m.out_degree[a] == 2);
    CHECK(m.in_degree[x] == 3);
    CHECK(m.out_degree[x] == 1);
    CHECK(m.weighted_degree[a] == 7.0);
    CHECK(m.weighted_degree[x] == 9.0);  // 2 + 5 in, the self-loop in and out
}

TEST_CASE("weak components are numbered in node order with their sizes", "[analytics]") {
    // {0, 2} joined against edge direction, {1} alone, {3, 4}
    const auto g = graph_of(5, {{2, 0, 1}, {3, 4, 1}});
    const NodeMetrics m = compute_metrics(g);
    CHECK(m.component == std::vector<std::uint32_t>{0, 1, 0, 2, 2});
    CHECK(m.component_size == std::vector<std::uint32_t>{2, 1, 2, 2, 2});
}

TEST_CASE("k-core numbers of a triangle with a tail, ignoring direction, repeats and loops",
          "[analytics]") {
    // triangle 0-1-2 (one pair in both directions), tail 2-3, self-loop on 3, isolated 4
    const auto g = graph_of(5, {{0, 1, 1}, {1, 0, 1}, {1, 2, 1}, {2, 0, 1}, {2, 3, 1}, {3, 3, 1}});
    const NodeMetrics m = compute_metrics(g);
    CHECK(m.core == std::vector<std::uint32_t>{2, 2, 2, 1, 0});
}
