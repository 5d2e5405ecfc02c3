// Neo4j CSV: a header line, then one line per node or edge, in graph order.
#include "exporters/csv_writer.hpp"

#include <cctype>

#include "exporters/node_fields.hpp"
#include "graph/text_util.hpp"

namespace kg {
namespace {

// "article" -> "Article", "cooccurrence" -> "COOCCURRENCE"
std::string neo4j_label(std::string_view kind) {
    std::string out(kind);
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

std::string neo4j_type(std::string_view kind) {
    std::string out(kind);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::string csv_field(std::string_view text) {
    const std::string valid = repaired_utf8(text);
    if (valid.find_first_of(",\"\r\n") == std::string::npos) return valid;
    std::string out = "\"";
    for (char c : valid) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

void write_neo4j_nodes_csv(const KnowledgeGraph& graph, OutputFile& out) {
    std::string line = "id:ID,label,kind,lang,key";
    if (graph.has_metrics()) {
        for (const MetricField& f : metric_fields) {
            line += std::string(",") + f.name + (f.integer ? ":long" : ":double");
        }
    }
    if (graph.has_layout()) line += ",x:double,y:double";
    line += ",:LABEL\n";
    out.write(line);
    const CsrGraph& g = graph.graph();
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
        const NodeData& node = g[v];
        line = csv_field(node.key) + ',' + csv_field(node.label) + ',' +
               std::string(to_string(node.kind)) + ',' + csv_field(node.lang) + ',' +
               csv_field(node.key);
        if (graph.has_metrics()) {
            for (const MetricField& f : metric_fields) line += ',' + metric_text(f, node);
        }
        if (graph.has_layout()) line += ',' + shortest(node.x) + ',' + shortest(node.y);
        line += ',' + neo4j_label(to_string(node.kind)) + '\n';
        out.write(line);
    }
}

void write_neo4j_edges_csv(const KnowledgeGraph& graph, OutputFile& out) {
    out.write(":START_ID,:END_ID,:TYPE,weight:long,articles:long,suspect:long\n");
    const CsrGraph& g = graph.graph();
    std::string line;
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        const EdgeData& edge = g[e];
        line = csv_field(g[boost::source(e, g)].key) + ',' + csv_field(g[boost::target(e, g)].key) +
               ',' + neo4j_type(to_string(edge.kind)) + ',' + std::to_string(edge.weight) + ',' +
               std::to_string(edge.articles) + ',' + std::to_string(edge.suspect) + '\n';
        out.write(line);
    }
}

}  // namespace kg
