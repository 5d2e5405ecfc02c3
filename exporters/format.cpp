// Format names and suffixes.
#include "exporters/format.hpp"

#include "graph/text_util.hpp"

namespace kg {
std::optional<Format> format_from_name(std::string_view name) {
    const std::string n = ascii_lower(name);
    if (n == "graphml") return Format::graphml;
    if (n == "json" || n == "node-link") return Format::json;
    if (n == "gexf") return Format::gexf;
    if (n == "graphology" || n == "sigma") return Format::graphology;
    if (n == "cyjs" || n == "cytoscape") return Format::cytoscape;
    if (n == "dot" || n == "graphviz") return Format::dot;
    if (n == "neo4j-csv" || n == "neo4j") return Format::neo4j_csv;
    if (n == "gephi-csv" || n == "gephi") return Format::gephi_csv;
    return std::nullopt;
}

std::optional<Format> format_from_path(std::string_view path) {
    const std::string p = ascii_lower(path);
    if (ends_with(p, ".graphml") || ends_with(p, ".xml")) return Format::graphml;
    if (ends_with(p, ".gexf")) return Format::gexf;
    if (ends_with(p, ".graphology.json")) return Format::graphology;
    if (ends_with(p, ".cyjs")) return Format::cytoscape;
    if (ends_with(p, ".dot") || ends_with(p, ".gv")) return Format::dot;
    if (ends_with(p, ".json")) return Format::json;
    return std::nullopt;
}

std::string_view to_string(Format format) {
    switch (format) {
        case Format::graphml:
            return "graphml";
        case Format::json:
            return "json";
        case Format::gexf:
            return "gexf";
        case Format::graphology:
            return "graphology";
        case Format::cytoscape:
            return "cyjs";
        case Format::dot:
            return "dot";
        case Format::neo4j_csv:
            return "neo4j-csv";
        case Format::gephi_csv:
            return "gephi-csv";
    }
    return "json";
}

}  // namespace kg
