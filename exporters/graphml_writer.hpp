// write_graphml(): KnowledgeGraph -> GraphML 1.0 (graphml.graphdrawing.org/specification,
// validated against xmlns/1.0/graphml.xsd). Every attribute is declared with a <key> and its
// attr.type: node label, kind, lang, key; edge kind, weight (double, as Gephi and Cytoscape
// read weights), articles (int), suspect (int: occurrences whose link text cuts a word). Node ids
// are n0, n1, … (valid NMTOKENs whatever the title). Streams to an OutputFile; no DOM.
// Optionally adds yEd's own node graphics (yFiles GraphML extension, namespace
// http://www.yworks.com/xml/graphml: y:ShapeNode with geometry, fill and label), which is the
// only place yEd reads a node's visible label from.
#pragma once

#include "exporters/output_file.hpp"
#include "graph/evidence.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

struct GraphmlOptions {
    /// Add yEd node graphics (label, colour, size, position) and edge arrows. yEd's extension
    /// puts elements inside <data>, which the plain GraphML XSD does not allow: the file then
    /// validates against yFiles' extended schema, not the official one.
    bool yed = false;
    /// --evidence: each edge's passages as its string data "evidence" (JSON text).
    const EvidenceIndex* evidence = nullptr;
};

/// Writes `graph` to `out` (does not close it). Throws OutputError on a write failure.
void write_graphml(const KnowledgeGraph& graph, OutputFile& out,
                   const GraphmlOptions& options = {});

}  // namespace kg
