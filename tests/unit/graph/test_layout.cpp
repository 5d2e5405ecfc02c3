// Unit tests of the force-directed layouts (ForceAtlas2 with Barnes–Hut, Boost's
// Fruchterman–Reingold): deterministic, centred, independent of the thread count, Barnes–Hut
// close to the exact pairwise forces, and neighbours pulled together.
#include <cmath>
#include <random>

#include "graph/graph_builder.hpp"
#include "graph/layout.hpp"
#include "tests/test.hpp"

using namespace kg;

namespace {

// Two cliques of `size` nodes joined by one edge.
KnowledgeGraph two_cliques(NodeId size = 5) {
    GraphBuilder b;
    for (NodeId i = 0; i < 2 * size; ++i) b.add_node("n" + std::to_string(i), NodeKind::entity);
    for (NodeId base : {0u, size}) {
        for (NodeId i = 0; i < size; ++i) {
            for (NodeId j = i + 1; j < size; ++j)
                b.add_edge(base + i, base + j, EdgeKind::link, 1, 1);
        }
    }
    b.add_edge(0, size, EdgeKind::link, 1, 1);
    return b.freeze();
}

double distance(const KnowledgeGraph& g, NodeId a, NodeId b) {
    return std::hypot(g.stats(a).x - g.stats(b).x, g.stats(a).y - g.stats(b).y);
}

LayoutOptions with(LayoutAlgorithm algorithm) {
    LayoutOptions o;
    o.algorithm = algorithm;
    return o;
}

// n random start positions in the square [-side, side]².
void random_start(std::size_t n, double side, std::mt19937& rng, std::vector<double>& x,
                  std::vector<double>& y) {
    std::uniform_real_distribution<double> coordinate(-side, side);
    for (std::size_t i = 0; i < n; ++i) {
        x.push_back(coordinate(rng));
        y.push_back(coordinate(rng));
    }
}

// A random graph of n nodes and 3n edges, with random start positions.
void random_graph(std::size_t n, std::vector<LayoutEdge>& edges, std::vector<double>& x,
                  std::vector<double>& y) {
    std::mt19937 rng(5);
    random_start(n, 100, rng, x, y);
    for (std::size_t k = 0; k < 3 * n; ++k) {
        edges.push_back(
            {static_cast<std::uint32_t>(rng() % n), static_cast<std::uint32_t>(rng() % n), 1.0});
    }
}

}  // namespace

TEST_CASE("the layout is the same on every run and centred on the origin", "[layout]") {
    for (LayoutAlgorithm algorithm :
         {LayoutAlgorithm::force_atlas2, LayoutAlgorithm::fruchterman_reingold}) {
        KnowledgeGraph a = two_cliques();
        KnowledgeGraph b = two_cliques();
        compute_layout(a, with(algorithm));
        compute_layout(b, with(algorithm));
        REQUIRE(a.has_layout());
        double cx = 0;
        double cy = 0;
        for (NodeId v = 0; v < a.node_count(); ++v) {
            CHECK(a.stats(v).x == b.stats(v).x);
            CHECK(a.stats(v).y == b.stats(v).y);
            cx += a.stats(v).x;
            cy += a.stats(v).y;
        }
        CHECK(std::abs(cx / 10) < 0.01);
        CHECK(std::abs(cy / 10) < 0.01);
    }
}

TEST_CASE("the layout keeps a clique together and apart from the other", "[layout]") {
    for (LayoutAlgorithm algorithm :
         {LayoutAlgorithm::force_atlas2, LayoutAlgorithm::fruchterman_reingold}) {
        KnowledgeGraph g = two_cliques();
        compute_layout(g, with(algorithm));
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
}

TEST_CASE("ForceAtlas2 separates two large cliques: every node is nearer its own clique's centre",
          "[layout]") {
    KnowledgeGraph g = two_cliques(40);
    compute_layout(g);
    double c[2][2] = {{0, 0}, {0, 0}};
    for (NodeId v = 0; v < 80; ++v) {
        c[v / 40][0] += g.stats(v).x / 40;
        c[v / 40][1] += g.stats(v).y / 40;
    }
    for (NodeId v = 0; v < 80; ++v) {
        const double own = std::hypot(g.stats(v).x - c[v / 40][0], g.stats(v).y - c[v / 40][1]);
        const double other =
            std::hypot(g.stats(v).x - c[1 - v / 40][0], g.stats(v).y - c[1 - v / 40][1]);
        CHECK(own < other);
    }
}

TEST_CASE("ForceAtlas2 gives the same positions with 1, 2 and 3 threads", "[layout]") {
    std::vector<LayoutEdge> edges;
    std::vector<double> x0, y0;
    random_graph(10000, edges, x0, y0);  // threads, and the tree built in parts
    LayoutOptions options;
    options.iterations = 5;
    std::vector<double> x1 = x0, y1 = y0;
    options.threads = 1;
    force_atlas2(x0.size(), edges, x1, y1, options);
    for (unsigned threads : {2u, 3u}) {
        std::vector<double> x2 = x0, y2 = y0;
        options.threads = threads;
        force_atlas2(x0.size(), edges, x2, y2, options);
        CHECK(x1 == x2);
        CHECK(y1 == y2);
    }
    CHECK(x1 != x0);
}

TEST_CASE("Barnes-Hut repulsion with a small opening angle matches the exact pairwise sum",
          "[layout]") {
    std::vector<LayoutEdge> edges;
    std::vector<double> x0, y0;
    random_graph(500, edges, x0, y0);
    LayoutOptions options;
    options.iterations = 1;
    options.theta = 0.1;
    std::vector<double> xb = x0, yb = y0, xe = x0, ye = y0;
    force_atlas2(x0.size(), edges, xb, yb, options, true);
    force_atlas2(x0.size(), edges, xe, ye, options, false);
    double moved = 0;
    double differs = 0;
    for (std::size_t i = 0; i < x0.size(); ++i) {
        moved += std::hypot(xe[i] - x0[i], ye[i] - y0[i]);
        differs += std::hypot(xb[i] - xe[i], yb[i] - ye[i]);
    }
    REQUIRE(moved > 0);
    CHECK(differs < 0.01 * moved);
    // With Gephi's opening angle the approximation is coarser but still close.
    options.theta = 1.2;
    xb = x0;
    yb = y0;
    force_atlas2(x0.size(), edges, xb, yb, options, true);
    differs = 0;
    for (std::size_t i = 0; i < x0.size(); ++i) differs += std::hypot(xb[i] - xe[i], yb[i] - ye[i]);
    CHECK(differs < 0.2 * moved);
}

namespace {

// n nodes in groups of 40, 3 edges a node, 9 in 10 inside its group; random start positions.
void planted_graph(std::size_t n, std::vector<LayoutEdge>& edges, std::vector<double>& x,
                   std::vector<double>& y) {
    std::mt19937 rng(9);
    random_start(n, 500, rng, x, y);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t base = i / 40 * 40;
        for (int k = 0; k < 3; ++k) {
            const std::size_t j =
                rng() % 10 < 9 ? base + rng() % std::min<std::size_t>(40, n - base) : rng() % n;
            edges.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), 1.0});
        }
    }
}

// Mean edge length over the mean distance of every 7th pair of nodes (lower: tighter groups).
double edge_pair_ratio(const std::vector<LayoutEdge>& edges, const std::vector<double>& x,
                       const std::vector<double>& y) {
    double edge = 0;
    for (const LayoutEdge& e : edges)
        edge += std::hypot(x[e.source] - x[e.target], y[e.source] - y[e.target]);
    double pair = 0;
    std::size_t pairs = 0;
    for (std::size_t a = 0; a < x.size(); a += 7) {
        for (std::size_t b = a + 3; b < x.size(); b += 101) {
            pair += std::hypot(x[a] - x[b], y[a] - y[b]);
            ++pairs;
        }
    }
    return (edge / static_cast<double>(edges.size())) / (pair / static_cast<double>(pairs));
}

}  // namespace

TEST_CASE("ForceAtlas2 lays out coarser graphs first from 2,000 nodes, and groups tighter for it",
          "[layout]") {
    std::vector<LayoutEdge> edges;
    std::vector<double> x0, y0;
    planted_graph(4000, edges, x0, y0);
    LayoutOptions options;
    options.iterations = 100;
    std::vector<double> xm = x0, ym = y0, xs = x0, ys = y0;
    LayoutStats multi;
    force_atlas2(x0.size(), edges, xm, ym, options, true, &multi);
    CHECK(multi.levels >= 2);
    CHECK(multi.coarsest_nodes < 2000);
    CHECK(multi.finer_iterations == 25);
    options.multilevel = false;
    LayoutStats single;
    force_atlas2(x0.size(), edges, xs, ys, options, true, &single);
    CHECK(single.levels == 1);
    CHECK(single.finer_iterations == 0);
    const double start = edge_pair_ratio(edges, x0, y0);
    const double m = edge_pair_ratio(edges, xm, ym);
    const double s = edge_pair_ratio(edges, xs, ys);
    INFO("start " << start << ", multilevel " << m << ", single level " << s);
    CHECK(start > 0.9);  // a random placement
    CHECK(m < 0.3);
    CHECK(m < s);
    // Below 2,000 nodes one level only.
    std::vector<LayoutEdge> small_edges;
    std::vector<double> sx, sy;
    planted_graph(1999, small_edges, sx, sy);
    options.multilevel = true;
    LayoutStats small;
    force_atlas2(sx.size(), small_edges, sx, sy, options, true, &small);
    CHECK(small.levels == 1);
}

TEST_CASE("no iterations leave the start as it is, multilevel or not", "[layout]") {
    std::vector<LayoutEdge> edges;
    std::vector<double> x0, y0;
    planted_graph(4000, edges, x0, y0);
    LayoutOptions options;
    options.iterations = 0;
    std::vector<double> x = x0, y = y0;
    force_atlas2(x0.size(), edges, x, y, options);
    CHECK(x == x0);
    CHECK(y == y0);
}
