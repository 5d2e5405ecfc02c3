// Neo4j CSV: a header line, then one line per node or edge, in graph order.
#include "exporters/csv_writer.hpp"

#include <cctype>

#include "base/text_util.hpp"
#include "exporters/detail/node_fields.hpp"

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

namespace {

// Column names of one dialect; the rows are the same data in the same order.
struct CsvDialect {
    const char* node_id;
    const char* label;
    const char* integer_suffix;  ///< appended to integer metric columns (Neo4j: ":long")
    const char* double_suffix;
    bool neo4j;
};
constexpr CsvDialect neo4j_dialect{"id:ID", "label", ":long", ":double", true};
constexpr CsvDialect gephi_dialect{"Id", "Label", "", "", false};

void write_nodes_csv(const KnowledgeGraph& graph, OutputFile& out, const CsvDialect& d) {
    std::string line = std::string(d.node_id) + ',' + d.label + ",kind,lang,key";
    if (graph.has_metrics()) {
        for (const MetricField& f : metric_fields) {
            line += std::string(",") + f.name + (f.integer ? d.integer_suffix : d.double_suffix);
        }
    }
    if (graph.has_layout()) line += std::string(",x") + d.double_suffix + ",y" + d.double_suffix;
    // Gephi reads size and colour from these columns (Data Laboratory "size", "color").
    if (!d.neo4j && graph.has_metrics()) line += ",size,color";
    if (d.neo4j) line += ",:LABEL";
    out.write(line + '\n');
    const double top = max_pagerank(graph);
    const CsrGraph& g = graph.graph();
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
        const NodeData& node = g[v];
        const NodeStats& stats = graph.stats(v);
        line = csv_field(node.key) + ',' + csv_field(node.label) + ',' +
               std::string(to_string(node.kind)) + ',' + csv_field(node.lang) + ',' +
               csv_field(node.key);
        if (graph.has_metrics()) {
            for (const MetricField& f : metric_fields) line += ',' + metric_text(f, stats);
        }
        if (graph.has_layout()) line += ',' + shortest(stats.x) + ',' + shortest(stats.y);
        if (!d.neo4j && graph.has_metrics()) {
            line += ',' + shortest(node_size(stats.pagerank, top)) + ',' +
                    hex(community_color(stats.community));
        }
        if (d.neo4j) line += ',' + neo4j_label(to_string(node.kind));
        out.write(line + '\n');
    }
}

}  // namespace

void write_neo4j_nodes_csv(const KnowledgeGraph& graph, OutputFile& out) {
    write_nodes_csv(graph, out, neo4j_dialect);
}

void write_gephi_nodes_csv(const KnowledgeGraph& graph, OutputFile& out) {
    write_nodes_csv(graph, out, gephi_dialect);
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

void write_gephi_edges_csv(const KnowledgeGraph& graph, OutputFile& out) {
    // Label carries the kind, so a link and a mention between two nodes stay two edges.
    out.write("Source,Target,Type,Id,Label,Weight,kind,articles,suspect\n");
    const CsrGraph& g = graph.graph();
    std::string line;
    std::size_t id = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        const EdgeData& edge = g[e];
        const std::string kind(to_string(edge.kind));
        line = csv_field(g[boost::source(e, g)].key) + ',' + csv_field(g[boost::target(e, g)].key) +
               ",Directed,e" + std::to_string(id++) + ',' + kind + ',' +
               std::to_string(edge.weight) + ',' + kind + ',' + std::to_string(edge.articles) +
               ',' + std::to_string(edge.suspect) + '\n';
        out.write(line);
    }
}

}  // namespace kg
