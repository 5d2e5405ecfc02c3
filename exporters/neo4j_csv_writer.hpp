// Neo4j CSV: KnowledgeGraph -> nodes.csv and edges.csv for Neo4j's bulk importer
// (neo4j-admin database import, "CSV header format"): nodes.csv with `id:ID`, typed properties
// and `:LABEL` (Article, Entity, …); edges.csv with `:START_ID`, `:END_ID`, `:TYPE` (LINK,
// MENTION, …) and typed properties. Fields are RFC 4180-quoted. The format table opens one
// OutputFile per file inside the output folder.
#pragma once

#include "exporters/output_file.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

void write_neo4j_nodes_csv(const KnowledgeGraph& graph, OutputFile& out);
void write_neo4j_edges_csv(const KnowledgeGraph& graph, OutputFile& out);

}  // namespace kg
