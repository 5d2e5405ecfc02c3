// Layout: x, y for every node, so that viewers without a layout engine of their own (Sigma.js,
// Gephi Lite, Cytoscape.js, Graphviz with `neato -n`) show a readable picture on first open.
// Two algorithms: ForceAtlas2 (Jacomy et al. 2014, the layout Gephi users know) with a
// Barnes–Hut quadtree for repulsion, which scales to millions of nodes; and Boost.Graph's
// Fruchterman–Reingold with grid repulsion, kept for small graphs and comparison. Both start
// from a random placement drawn by a seeded generator: the same graph gives the same picture,
// whatever the thread count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace kg {

enum class LayoutAlgorithm { force_atlas2, fruchterman_reingold };

struct LayoutOptions {
    LayoutAlgorithm algorithm = LayoutAlgorithm::force_atlas2;
    std::uint32_t iterations = 100;
    std::uint32_t seed = 1;
    /// Worker threads for ForceAtlas2's force computation (0: all cores). Positions do not
    /// depend on it: each node's force is computed alone and sums run in node order.
    unsigned threads = 0;
    /// ForceAtlas2 parameters (Gephi's defaults): repulsion scaling, gravity towards the
    /// centre, and the Barnes–Hut opening angle (a cell farther than its side / theta acts as
    /// one body).
    double scaling = 2.0;
    double gravity = 1.0;
    double theta = 1.2;
    /// ForceAtlas2 on a graph of at least multilevel_min_nodes nodes: lay out coarser graphs
    /// first (heavy-edge matching, while it shrinks the graph by a fifth), `iterations` steps
    /// on the coarsest, then a quarter as many on each finer level from the coarser one's
    /// positions.
    bool multilevel = true;
};

/// Below this many nodes ForceAtlas2 runs on the graph alone.
inline constexpr std::size_t multilevel_min_nodes = 2000;

/// What the multilevel scheme did: 1 level when the graph was laid out alone.
struct LayoutStats {
    std::uint32_t levels = 1;
    std::size_t coarsest_nodes = 0;
    std::uint32_t finer_iterations = 0;  ///< on each level but the coarsest
};

/// Computes positions and stores them in the graph's nodes (NodeData::x, y). Positions are
/// rounded to 0.01 and centred on the origin.
LayoutStats compute_layout(KnowledgeGraph& graph, const LayoutOptions& options = {});

/// ForceAtlas2 on plain arrays (the kernel of compute_layout, exposed for tests and the
/// benchmark): `edges` are (source, target, weight) triples over nodes 0..n-1; x and y hold
/// the start on entry and the result on return. `barnes_hut` false computes every pair
/// exactly (O(n²): a reference for tests).
struct LayoutEdge {
    std::uint32_t source;
    std::uint32_t target;
    double weight;
};
void force_atlas2(std::size_t n, const std::vector<LayoutEdge>& edges, std::vector<double>& x,
                  std::vector<double>& y, const LayoutOptions& options, bool barnes_hut = true,
                  LayoutStats* stats = nullptr);

}  // namespace kg
