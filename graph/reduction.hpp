// Reduction for viewing: filters that make a graph small enough for a viewer, each reporting
// what it removed. Every filter returns a new KnowledgeGraph that keeps the order of the nodes
// and edges it keeps (so output stays deterministic). Called by reduce_graph() (pipeline/) after
// freezing, in a fixed order, before metrics are computed on what is left.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace kg {

/// What one filter removed.
struct ReductionStep {
    std::string filter;  ///< e.g. "--min-weight 2"
    std::size_t nodes_removed = 0;
    std::size_t edges_removed = 0;
    double weight_share_removed = 0.0;  ///< share of the total edge weight before the step
};

/// The subgraph of the nodes and edges marked true (an edge is kept only with both ends).
KnowledgeGraph subgraph(const KnowledgeGraph& graph, const std::vector<bool>& keep_node,
                        const std::vector<bool>& keep_edge, ReductionStep& step);

/// Keeps edges whose weight is at least `min_weight`; nodes stay.
KnowledgeGraph filter_min_weight(const KnowledgeGraph& graph, std::uint32_t min_weight,
                                 ReductionStep& step);
/// Keeps edges of the given kinds / nodes of the given kinds (and their edges).
KnowledgeGraph filter_edge_kinds(const KnowledgeGraph& graph, const std::vector<EdgeKind>& kinds,
                                 ReductionStep& step);
KnowledgeGraph filter_node_kinds(const KnowledgeGraph& graph, const std::vector<NodeKind>& kinds,
                                 ReductionStep& step);
/// Keeps the largest weakly connected component (the first in node order on ties).
KnowledgeGraph largest_component(const KnowledgeGraph& graph, ReductionStep& step);
/// Keeps each node's `k` heaviest edges (in and out together; an edge survives if either end
/// keeps it; ties by edge order).
KnowledgeGraph strongest_edges(const KnowledgeGraph& graph, std::size_t k, ReductionStep& step);
/// Keeps the nodes within `depth` steps of `focus` (edges in either direction).
/// Precondition: `focus` < node_count().
KnowledgeGraph ego_network(const KnowledgeGraph& graph, NodeId focus, std::uint32_t depth,
                           ReductionStep& step);
/// Disparity filter (Serrano, Boguñá, Vespignani 2009): keeps an edge when its weight is
/// significant at level `alpha` for its source (among out-edges) or its target (among
/// in-edges): (1 - w/s)^(k-1) < alpha. Nodes stay.
KnowledgeGraph backbone(const KnowledgeGraph& graph, double alpha, ReductionStep& step);

/// How to rank nodes for --top.
enum class RankBy { pagerank, degree, weight };
/// Keeps the `n` best-ranked nodes (ties by node order).
KnowledgeGraph top_nodes(const KnowledgeGraph& graph, std::size_t n, RankBy rank_by,
                         ReductionStep& step);

}  // namespace kg
