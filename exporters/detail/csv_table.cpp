// CSV fields and the nodes table of both CSV dialects.
#include "exporters/detail/csv_table.hpp"

#include "base/text_util.hpp"
#include "exporters/detail/node_fields.hpp"

namespace kg {

std::string csv_field(std::string_view text, bool spreadsheet) {
    std::string valid = repaired_utf8(text);
    // A NUL ends a field in many CSV readers: it becomes U+FFFD.
    for (std::size_t nul = valid.find('\0'); nul != std::string::npos; nul = valid.find('\0', nul))
        valid.replace(nul, 1, "\xEF\xBF\xBD");
    // A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a
    // formula: a leading ' makes it text (OWASP, "CSV injection").
    if (spreadsheet && !valid.empty() &&
        std::string_view("=+-@\t\r").find(valid[0]) != std::string_view::npos)
        valid.insert(0, 1, '\'');
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
        const bool sheet = d.spreadsheet;
        line = csv_field(node.key, sheet) + ',' + csv_field(node.label, sheet) + ',' +
               std::string(to_string(node.kind)) + ',' + csv_field(node.lang, sheet) + ',' +
               csv_field(node.key, sheet);
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
