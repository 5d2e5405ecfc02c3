// Community detection by the Louvain method (Blondel, Guillaume, Lambiotte, Lefebvre 2008),
// on the undirected, weighted projection of the graph: the weight between two nodes is the sum
// of the weights of all their edges, either direction, any kind. Deterministic: nodes are
// visited in an order shuffled by a seeded generator of our own. Boost.Graph has none.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace kg {

struct CommunityOptions {
    double resolution = 1.0;
    std::uint64_t seed = 1;
};

struct Communities {
    std::vector<std::uint32_t> community;  ///< per node; numbered by first node in node order
    std::uint32_t count = 0;
    double modularity = 0.0;  ///< of the final partition, at the given resolution
    std::uint32_t levels = 0;
};

Communities louvain(const KnowledgeGraph& graph, const CommunityOptions& options = {});

/// Modularity (Newman 2004, with resolution) of `community` on the same projection.
double modularity(const KnowledgeGraph& graph, const std::vector<std::uint32_t>& community,
                  double resolution = 1.0);

}  // namespace kg
