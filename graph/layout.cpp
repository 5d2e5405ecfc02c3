// compute_layout: boost::fruchterman_reingold_force_directed_layout (grid force pairs, linear
// cooling) on the CSR graph, positions in a boost::square_topology seeded with minstd_rand.
#include "graph/layout.hpp"

#include <cmath>
#include <vector>

#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>

namespace kg {

void compute_layout(KnowledgeGraph& graph, const LayoutOptions& options) {
    const std::size_t n = graph.node_count();
    std::vector<double> x(n, 0.0), y(n, 0.0);
    if (n > 1) {
        using Topology = boost::square_topology<boost::minstd_rand>;
        boost::minstd_rand generator(options.seed);
        const double side = 10.0 * std::sqrt(static_cast<double>(n));
        Topology space(generator, side);
        std::vector<Topology::point_type> positions(n);
        const CsrGraph& g = graph.graph();
        auto position = boost::make_iterator_property_map(positions.begin(),
                                                          boost::get(boost::vertex_index, g));
        boost::random_graph_layout(g, position, space);
        boost::fruchterman_reingold_force_directed_layout(
            g, position, space, boost::cooling(boost::linear_cooling<double>(options.iterations)));
        double cx = 0.0;
        double cy = 0.0;
        for (const auto& p : positions) {
            cx += p[0];
            cy += p[1];
        }
        cx /= static_cast<double>(n);
        cy /= static_cast<double>(n);
        for (std::size_t v = 0; v < n; ++v) {
            x[v] = std::round((positions[v][0] - cx) * 100.0) / 100.0;
            y[v] = std::round((positions[v][1] - cy) * 100.0) / 100.0;
        }
    }
    graph.set_layout(x, y);
}

}  // namespace kg
