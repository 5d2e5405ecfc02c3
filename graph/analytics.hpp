// Node metrics every exporter writes (degree, pagerank, component):
// in/out degree and weighted degree over all edges, weighted PageRank (the definition networkx
// uses, so results can be checked against it), weakly connected components with their sizes,
// and the k-core number of the undirected simple graph. Computed on the frozen graph by the CLI
// before writing.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace kg {

struct NodeMetrics {
    std::vector<std::uint32_t> in_degree;       ///< edges (of any kind) into the node
    std::vector<std::uint32_t> out_degree;      ///< edges out of it
    std::vector<double> weighted_degree;        ///< sum of the weights of all its edges, in and out
    std::vector<double> pagerank;               ///< sums to 1
    std::vector<std::uint32_t> component;       ///< weakly connected component, numbered by
                                                ///< first node (0, 1, … in node order)
    std::vector<std::uint32_t> component_size;  ///< nodes in that component
    std::vector<std::uint32_t> core;            ///< k-core number, undirected, parallel edges and
                                                ///< self-loops ignored
    std::uint32_t pagerank_iterations = 0;
    bool pagerank_converged = false;
};

struct PageRankOptions {
    double damping = 0.85;
    double tolerance = 1e-6;  ///< stop when the L1 change is below node count × tolerance
    std::uint32_t max_iterations = 100;
};

/// PageRank by power iteration over edge weights (parallel edges add up); a node without
/// out-edges hands its rank to all nodes evenly — networkx.pagerank's defaults.
std::vector<double> pagerank(const KnowledgeGraph& graph, const PageRankOptions& options,
                             std::uint32_t* iterations = nullptr, bool* converged = nullptr);

/// All metrics above.
NodeMetrics compute_metrics(const KnowledgeGraph& graph, const PageRankOptions& options = {});

}  // namespace kg
