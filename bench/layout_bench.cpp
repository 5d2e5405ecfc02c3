// Layout benchmark: time and quality of ForceAtlas2 (Barnes–Hut) and Boost's
// Fruchterman–Reingold on generated graphs with planted communities, for the choice of the
// default layout and the 10^4 / 10^5 / 10^6-node figures in bench/README.md.
// Quality is the ratio of the mean edge length to the mean distance of random node pairs:
// lower means neighbours sit closer together relative to the picture's size.
//   layout_bench [NODES=10000] [ALGORITHMS=fa2,fr] [ITERATIONS=100] [THREADS=0] [DEGREE=3]
// [single]: DEGREE links a node; `single` turns ForceAtlas2's multilevel scheme off.
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>

#include "graph/graph_builder.hpp"
#include "graph/layout.hpp"

using namespace kg;

namespace {

// n nodes in communities of 40; each node links to `degree` nodes, 90 % of them in its
// community (repeated pairs add weight).
KnowledgeGraph planted_graph(std::size_t n, int degree, std::mt19937_64& rng) {
    GraphBuilder b;
    for (std::size_t i = 0; i < n; ++i) b.add_node("n" + std::to_string(i), NodeKind::entity);
    const std::size_t size = 40;
    std::uniform_real_distribution<double> unit(0, 1);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t base = i / size * size;
        const std::size_t span = std::min(size, n - base);
        for (int k = 0; k < degree; ++k) {
            std::size_t j = unit(rng) < 0.9 ? base + rng() % span : rng() % n;
            if (j == i) continue;
            b.add_edge(static_cast<NodeId>(i), static_cast<NodeId>(j), EdgeKind::link, 1, 1);
        }
    }
    return b.freeze();
}

double quality(const KnowledgeGraph& g, std::mt19937_64& rng) {
    const CsrGraph& c = g.graph();
    auto dist = [&](std::size_t a, std::size_t b) {
        return std::hypot(g.stats(static_cast<NodeId>(a)).x - g.stats(static_cast<NodeId>(b)).x,
                          g.stats(static_cast<NodeId>(a)).y - g.stats(static_cast<NodeId>(b)).y);
    };
    double edge_sum = 0;
    for (auto e : boost::make_iterator_range(boost::edges(c)))
        edge_sum += dist(boost::source(e, c), boost::target(e, c));
    double pair_sum = 0;
    const int pairs = 100000;
    for (int k = 0; k < pairs; ++k)
        pair_sum += dist(rng() % g.node_count(), rng() % g.node_count());
    return (edge_sum / static_cast<double>(g.edge_count())) / (pair_sum / pairs);
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::stoul(argv[1]) : 10000;
    const std::string algorithms = argc > 2 ? argv[2] : "fa2,fr";
    LayoutOptions options;
    if (argc > 3) options.iterations = static_cast<std::uint32_t>(std::stoul(argv[3]));
    if (argc > 4) options.threads = static_cast<unsigned>(std::stoul(argv[4]));
    const int degree = argc > 5 ? std::stoi(argv[5]) : 3;
    if (argc > 6 && std::string(argv[6]) == "single") options.multilevel = false;
    std::mt19937_64 rng(42);
    KnowledgeGraph g = planted_graph(n, degree, rng);
    std::cout
        << "| algorithm | nodes | edges | iterations | threads | seconds | edge / pair distance |\n"
           "| --- | --- | --- | --- | --- | --- | --- |\n";
    for (const char* name : {"fa2", "fr"}) {
        if (algorithms.find(name) == std::string::npos) continue;
        options.algorithm = std::string(name) == "fa2" ? LayoutAlgorithm::force_atlas2
                                                       : LayoutAlgorithm::fruchterman_reingold;
        const auto start = std::chrono::steady_clock::now();
        compute_layout(g, options);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::mt19937_64 sample(7);
        std::cout << "| "
                  << (std::string(name) == "fa2" ? "ForceAtlas2 (Barnes-Hut)"
                                                 : "Fruchterman-Reingold (Boost)")
                  << " | " << n << " | " << g.edge_count() << " | " << options.iterations << " | "
                  << (options.threads ? std::to_string(options.threads) : std::string("all"))
                  << " | " << seconds << " | " << quality(g, sample) << " |" << std::endl;
    }
    return 0;
}
