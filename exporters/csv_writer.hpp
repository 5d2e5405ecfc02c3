// CSV writers: KnowledgeGraph -> two CSV files, nodes.csv and edges.csv, in one of two dialects.
// Neo4j's bulk importer (neo4j-admin database import, "CSV header format"): nodes.csv with
// `id:ID`, typed properties and `:LABEL` (Article, Entity, …); edges.csv with `:START_ID`,
// `:END_ID`, `:TYPE` (LINK, MENTION, …) and typed properties. Gephi's spreadsheet import
// (Data Laboratory, "Import Spreadsheet"): nodes.csv with `Id`, `Label` and attribute columns;
// edges.csv with `Source`, `Target`, `Type` (Directed), `Id`, `Label` (the edge kind), `Weight`.
// Fields are RFC 4180-quoted. The CLI opens one OutputFile per file inside the output folder.
#pragma once

#include <string>
#include <string_view>

#include "exporters/output_file.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

void write_neo4j_nodes_csv(const KnowledgeGraph& graph, OutputFile& out);
void write_neo4j_edges_csv(const KnowledgeGraph& graph, OutputFile& out);
void write_gephi_nodes_csv(const KnowledgeGraph& graph, OutputFile& out);
void write_gephi_edges_csv(const KnowledgeGraph& graph, OutputFile& out);

/// `text` as one CSV field: quoted (with "" for ") when it holds a comma, quote or line end.
std::string csv_field(std::string_view text);

}  // namespace kg
