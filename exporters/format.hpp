// Output formats kgraph writes, chosen by file suffix or by name (-f). Used by the CLI to pick
// a writer.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kg {

enum class Format { graphml, json, gexf, graphology, cytoscape, dot, neo4j_csv, gephi_csv };

/// Formats written as a folder of two files, nodes.csv and edges.csv.
constexpr bool is_folder_format(Format f) {
    return f == Format::neo4j_csv || f == Format::gephi_csv;
}

/// "graphml", "json" (also "node-link"), "gexf", "graphology" (also "sigma"), "cyjs" (also
/// "cytoscape"), "dot", "neo4j-csv", "gephi-csv" (folders: nodes.csv, edges.csv), case-insensitive.
std::optional<Format> format_from_name(std::string_view name);

/// By suffix: .graphml .xml -> graphml; .gexf; .graphology.json; .cyjs; other .json -> json.
/// Case-insensitive.
std::optional<Format> format_from_path(std::string_view path);

std::string_view to_string(Format format);

}  // namespace kg
