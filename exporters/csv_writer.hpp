// CsvWriter: KnowledgeGraph -> the two CSV files of Neo4j's bulk importer (neo4j-admin database
// import, "CSV header format"): nodes.csv with `id:ID`, typed properties and `:LABEL`
// (Article, Entity, Category, External); edges.csv with `:START_ID`, `:END_ID`, `:TYPE` (LINK,
// MENTION, …) and typed properties. Fields are RFC 4180-quoted. The CLI opens one OutputFile
// per file inside the output folder.
#pragma once

#include <string>
#include <string_view>

#include "exporters/output_file.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

void write_neo4j_nodes_csv(const KnowledgeGraph& graph, OutputFile& out);
void write_neo4j_edges_csv(const KnowledgeGraph& graph, OutputFile& out);

/// `text` as one CSV field: quoted (with "" for ") when it holds a comma, quote or line end.
std::string csv_field(std::string_view text);

}  // namespace kg
