// What the graphology and Cytoscape.js writers share (not API): a node's fields and an edge's
// id and ends.
#pragma once

#include <cstddef>

#include "exporters/detail/json_output.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

/// Label, kind, lang, metrics, key and — with metrics — size and color.
void write_viewer_node_fields(JsonWriter& w, const KnowledgeGraph& graph, NodeId v,
                              double top_rank);

/// "<id_name>": "e<index>", "source": key, "target": key.
void write_edge_ends(JsonWriter& w, const char* id_name, std::size_t index, const CsrGraph& g,
                     const CsrGraph::edge_descriptor& e);

}  // namespace kg
