// CSV fields and the nodes table of both CSV dialects.
#include "exporters/detail/csv_table.hpp"

#include "base/text_util.hpp"
#include "exporters/detail/node_fields.hpp"

namespace kg {

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

void write_nodes_csv(const KnowledgeGraph& graph, OutputFile& out, const CsvDialect& d) {
    std::string line = std::string(d.node_id) + ',' + d.label + ",kind,lang,key";
    if (graph.has_metrics()) {
        for (const MetricField& f : metric_fields) {
            line += std::string(",") + f.name + (f.integer ? d.integer_suffix : d.double_suffix);
        }
    }
    if (graph.has_layout()) line += std::string(",x") + d.double_suffix + ",y" + d.double_suffix;
    // Gephi reads size and colour from these columns (Data Laboratory "size", "color").
    if (d.size_and_color && graph.has_metrics()) line += ",size,color";
    if (d.kind_column) line += std::string(",") + d.kind_column;
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
        if (d.size_and_color && graph.has_metrics()) {
            line += ',' + shortest(node_size(stats.pagerank, top)) + ',' +
                    hex(community_color(stats.community));
        }
        if (d.kind_column) line += ',' + d.kind_value(to_string(node.kind));
        out.write(line + '\n');
    }
}

}  // namespace kg
