// Gephi CSV: KnowledgeGraph -> nodes.csv and edges.csv for Gephi's spreadsheet import (Data
// Laboratory, "Import Spreadsheet"): nodes.csv with `Id`, `Label` and attribute columns (size
// and color among them); edges.csv with `Source`, `Target`, `Type` (Directed), `Id`, `Label`
// (the edge kind), `Weight`. Fields are RFC 4180-quoted. The format table opens one OutputFile
// per file inside the output folder.
#pragma once

#include "exporters/output_file.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

void write_gephi_nodes_csv(const KnowledgeGraph& graph, OutputFile& out);
void write_gephi_edges_csv(const KnowledgeGraph& graph, OutputFile& out);

}  // namespace kg
