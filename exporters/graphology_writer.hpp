// Graphology JSON for browser viewers: graphology's serialization (Sigma.js, Gephi Lite;
// graphology.github.io "Serialization"). Node ids are the keys, as in node-link JSON; edges
// carry kind and weight, so parallel edges of different kinds stay apart (a multi graph).
#pragma once

#include "exporters/output_file.hpp"
#include "graph/evidence.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

/// {"attributes", "options": {type: directed, multi: true, allowSelfLoops: true},
///  "nodes": [{"key", "attributes": {label, kind, …, size, color}}],
///  "edges": [{"key", "source", "target", "attributes": {kind, weight, …}}]}
/// `evidence`: the passages behind the edges (--evidence), written as each edge's "evidence".
void write_graphology_json(const KnowledgeGraph& graph, OutputFile& out,
                           const EvidenceIndex* evidence = nullptr);

}  // namespace kg
