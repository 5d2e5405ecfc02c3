// compute_layout: a seeded random start, then ForceAtlas2 (graph/force_atlas2.cpp) or Boost's
// fruchterman_reingold_force_directed_layout (grid force pairs, linear cooling) on the CSR
// graph; the result is centred and rounded so that every format writes the same numbers.
#include "graph/layout.hpp"

#include <cmath>
#include <vector>

#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>

namespace kg {
namespace {

using Topology = boost::square_topology<boost::minstd_rand>;

void fruchterman_reingold(const CsrGraph& g, Topology& space,
                          std::vector<Topology::point_type>& positions,
                          const LayoutOptions& options) {
    auto position =
        boost::make_iterator_property_map(positions.begin(), boost::get(boost::vertex_index, g));
    boost::fruchterman_reingold_force_directed_layout(
        g, position, space, boost::cooling(boost::linear_cooling<double>(options.iterations)));
}

}  // namespace

LayoutStats compute_layout(KnowledgeGraph& graph, const LayoutOptions& options) {
    LayoutStats stats;
    const std::size_t n = graph.node_count();
    std::vector<double> x(n, 0.0), y(n, 0.0);
    if (n > 1) {
        boost::minstd_rand generator(options.seed);
        const double side = 10.0 * std::sqrt(static_cast<double>(n));
        Topology space(generator, side);
        std::vector<Topology::point_type> positions(n);
        const CsrGraph& g = graph.graph();
        boost::random_graph_layout(g,
                                   boost::make_iterator_property_map(
                                       positions.begin(), boost::get(boost::vertex_index, g)),
                                   space);
        if (options.algorithm == LayoutAlgorithm::fruchterman_reingold) {
            fruchterman_reingold(g, space, positions, options);
            for (std::size_t v = 0; v < n; ++v) {
                x[v] = positions[v][0];
                y[v] = positions[v][1];
            }
        } else {
            std::vector<LayoutEdge> edges;
            edges.reserve(graph.edge_count());
            for (auto e : boost::make_iterator_range(boost::edges(g))) {
                edges.push_back({static_cast<std::uint32_t>(boost::source(e, g)),
                                 static_cast<std::uint32_t>(boost::target(e, g)),
                                 static_cast<double>(g[e].weight)});
            }
            for (std::size_t v = 0; v < n; ++v) {
                x[v] = positions[v][0] - side / 2;
                y[v] = positions[v][1] - side / 2;
            }
            force_atlas2(n, edges, x, y, options, true, &stats);
        }
        double cx = 0.0;
        double cy = 0.0;
        for (std::size_t v = 0; v < n; ++v) {
            cx += x[v];
            cy += y[v];
        }
        cx /= static_cast<double>(n);
        cy /= static_cast<double>(n);
        for (std::size_t v = 0; v < n; ++v) {
            x[v] = std::round((x[v] - cx) * 100.0) / 100.0;
            y[v] = std::round((y[v] - cy) * 100.0) / 100.0;
        }
    }
    graph.set_layout(x, y);
    return stats;
}

}  // namespace kg
