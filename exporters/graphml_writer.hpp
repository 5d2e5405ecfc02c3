// GraphmlWriter: KnowledgeGraph -> GraphML 1.0 (graphml.graphdrawing.org/specification,
// validated against xmlns/1.0/graphml.xsd). Every attribute is declared with a <key> and its
// attr.type: node label, kind, lang, key; edge kind, weight (double, as Gephi and Cytoscape
// read weights), articles (int), suspect (int: occurrences whose link text cuts a word). Node ids
// are n0, n1, … (valid NMTOKENs whatever the title). Streams to an OutputFile; no DOM.
#pragma once

#include "exporters/output_file.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

/// Writes `graph` to `out` (does not close it). Throws OutputError on a write failure.
void write_graphml(const KnowledgeGraph& graph, OutputFile& out);

}  // namespace kg
