// The output format table and its lookups. One row per writer file of exporters/.
#include "exporters/formats.hpp"

#include "base/text_util.hpp"
#include "exporters/cytoscape_writer.hpp"
#include "exporters/dot_writer.hpp"
#include "exporters/gephi_csv_writer.hpp"
#include "exporters/gexf_writer.hpp"
#include "exporters/graphml_writer.hpp"
#include "exporters/graphology_writer.hpp"
#include "exporters/html_writer.hpp"
#include "exporters/neo4j_csv_writer.hpp"
#include "exporters/node_link_json_writer.hpp"

namespace kg {

const std::vector<OutputFormat>& output_formats() {
    using Files = std::vector<OutputFile*>;
    // clang-format off
    static const std::vector<OutputFormat> table{
        {"graphml", {}, {".graphml", ".xml"}, {},
         [](const KnowledgeGraph& g, const Files& f, const WriteOptions& o) -> std::string {
             write_graphml(g, *f[0], GraphmlOptions{o.yed, o.data_evidence()}); return {}; }},
        {"json", {"node-link"}, {".json"}, {},
         [](const KnowledgeGraph& g, const Files& f, const WriteOptions& o) -> std::string {
             write_node_link_json(g, *f[0], o.data_evidence()); return {}; }},
        {"gexf", {}, {".gexf"}, {},
         [](const KnowledgeGraph& g, const Files& f, const WriteOptions& o) -> std::string {
             write_gexf(g, *f[0], o.data_evidence()); return {}; }},
        {"graphology", {"sigma"}, {".graphology.json"}, {},
         [](const KnowledgeGraph& g, const Files& f, const WriteOptions& o) -> std::string {
             write_graphology_json(g, *f[0], o.data_evidence()); return {}; }},
        {"cyjs", {"cytoscape"}, {".cyjs"}, {},
         [](const KnowledgeGraph& g, const Files& f, const WriteOptions& o) -> std::string {
             write_cytoscape_json(g, *f[0], o.data_evidence()); return {}; }},
        {"dot", {"graphviz"}, {".dot", ".gv"}, {},
         [](const KnowledgeGraph& g, const Files& f, const WriteOptions&) -> std::string {
             write_dot(g, *f[0]); return {}; }},
        {"neo4j-csv", {"neo4j"}, {}, {"nodes.csv", "edges.csv"},
         [](const KnowledgeGraph& g, const Files& f, const WriteOptions&) -> std::string {
             write_neo4j_nodes_csv(g, *f[0]);
             write_neo4j_edges_csv(g, *f[1]); return {}; }},
        {"gephi-csv", {"gephi"}, {}, {"nodes.csv", "edges.csv"},
         [](const KnowledgeGraph& g, const Files& f, const WriteOptions&) -> std::string {
             write_gephi_nodes_csv(g, *f[0]);
             write_gephi_edges_csv(g, *f[1]); return {}; }},
        {"html", {"viewer"}, {".html", ".htm"}, {},
         [](const KnowledgeGraph& g, const Files& f, const WriteOptions& o) -> std::string {
             return write_html(g, *f[0], o.html, o.evidence); }},
    };
    // clang-format on
    return table;
}

const OutputFormat* output_format_named(std::string_view name) {
    const std::string n = ascii_lower(name);
    for (const OutputFormat& f : output_formats()) {
        if (f.name == n) return &f;
        for (std::string_view alias : f.aliases)
            if (alias == n) return &f;
    }
    return nullptr;
}

const OutputFormat* output_format_for_path(std::string_view path) {
    const std::string p = ascii_lower(path);
    const OutputFormat* best = nullptr;
    std::size_t best_length = 0;
    for (const OutputFormat& f : output_formats()) {
        for (std::string_view suffix : f.suffixes) {
            if (suffix.size() > best_length && ends_with(p, suffix)) {
                best = &f;
                best_length = suffix.size();
            }
        }
    }
    return best;
}

std::vector<std::string_view> output_format_names() {
    std::vector<std::string_view> out;
    for (const OutputFormat& f : output_formats()) out.push_back(f.name);
    return out;
}

std::vector<std::string_view> output_format_suffixes() {
    std::vector<std::string_view> out;
    for (const OutputFormat& f : output_formats())
        out.insert(out.end(), f.suffixes.begin(), f.suffixes.end());
    return out;
}

}  // namespace kg
