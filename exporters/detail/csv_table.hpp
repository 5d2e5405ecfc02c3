// What the two CSV dialects share (not API): RFC 4180 fields and the nodes table, whose columns
// each dialect names its own way. Used by neo4j_csv_writer.cpp and gephi_csv_writer.cpp.
#pragma once

#include <string>
#include <string_view>

#include "exporters/output_file.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

/// `text` as one CSV field: quoted (with "" for ") when it holds a comma, quote or line end.
/// `spreadsheet`: a field that a spreadsheet would run as a formula gets a leading '.
std::string csv_field(std::string_view text, bool spreadsheet = false);

// Column names of one dialect; the rows are the same data in the same order.
struct CsvDialect {
    const char* node_id;
    const char* label;
    const char* integer_suffix;  ///< appended to integer metric columns (Neo4j: ":long")
    const char* double_suffix;
    bool size_and_color;      ///< Gephi reads size and colour from columns of these names
    const char* kind_column;  ///< a last column naming the node's kind, or nullptr
    std::string (*kind_value)(std::string_view kind);  ///< its value, from the kind's name
    bool spreadsheet = false;  ///< opened in spreadsheets (Gephi's Data Laboratory, Excel)
};

/// The header line, then one line per node in graph order.
void write_nodes_csv(const KnowledgeGraph& graph, OutputFile& out, const CsvDialect& dialect);

}  // namespace kg
