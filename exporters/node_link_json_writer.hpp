// write_node_link_json(): KnowledgeGraph -> the node-link JSON that networkx's node_link_graph
// and D3's force layout read: {"directed", "multigraph", "graph", "nodes": [{"id", ...}],
// "links": [{"source", "target", ...}]}. Node ids are the normalized keys. "multigraph" is
// true only when two nodes are joined by edges of different kinds; each link then carries
// "key" = its kind, so networkx keeps both. Written with RapidJSON, one element per line.
#pragma once

#include "exporters/output_file.hpp"
#include "graph/evidence.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

/// Writes `graph` to `out` (does not close it). Throws OutputError on a write failure.
/// `evidence`: the passages behind the edges (--evidence), written as each edge's "evidence".
void write_node_link_json(const KnowledgeGraph& graph, OutputFile& out,
                          const EvidenceIndex* evidence = nullptr);

}  // namespace kg
