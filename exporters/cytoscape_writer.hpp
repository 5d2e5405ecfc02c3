// Cytoscape.js JSON: elements as js.cytoscape.org "Notation for elements" has them, the .cyjs
// files Cytoscape desktop reads. Node ids are the keys; edges carry kind and weight.
#pragma once

#include "exporters/output_file.hpp"
#include "graph/evidence.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

/// {"format_version", "generated_by", "data", "elements": {"nodes": [{"data": {id, label, …}}],
///  "edges": [{"data": {id, source, target, kind, weight, …}}]}}
/// `evidence`: the passages behind the edges (--evidence), written as each edge's "evidence".
void write_cytoscape_json(const KnowledgeGraph& graph, OutputFile& out,
                          const EvidenceIndex* evidence = nullptr);

}  // namespace kg
