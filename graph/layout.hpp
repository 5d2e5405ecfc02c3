// Layout: x, y for every node, so that viewers without a layout engine of their own (Sigma.js,
// Gephi Lite, Cytoscape.js, Graphviz with `neato -n`) show a readable picture on first open.
// Boost.Graph's Fruchterman–Reingold force-directed layout with grid-based repulsion, from a
// random start drawn by a seeded generator: the same graph gives the same picture.
#pragma once

#include <cstdint>

#include "graph/knowledge_graph.hpp"

namespace kg {

struct LayoutOptions {
    std::uint32_t iterations = 100;
    std::uint32_t seed = 1;
};

/// Computes positions and stores them in the graph's nodes (NodeData::x, y). Positions are
/// rounded to 0.01 and centred on the origin; the square side grows with the square root of
/// the node count.
void compute_layout(KnowledgeGraph& graph, const LayoutOptions& options = {});

}  // namespace kg
