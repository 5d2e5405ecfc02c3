// Cytoscape.js JSON: elements as js.cytoscape.org "Notation for elements" has them, the .cyjs
// files Cytoscape desktop reads. Node ids are the keys; edges carry kind and weight.
#pragma once

#include "exporters/output_file.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

/// {"format_version", "generated_by", "data", "elements": {"nodes": [{"data": {id, label, …}}],
///  "edges": [{"data": {id, source, target, kind, weight, …}}]}}
void write_cytoscape_json(const KnowledgeGraph& graph, OutputFile& out);

}  // namespace kg
