// write_dot: one statement per line; ids are n0, n1, … (labels may be anything).
#include "exporters/dot_writer.hpp"

#include <string>

#include "base/text_util.hpp"
#include "exporters/detail/node_fields.hpp"

namespace kg {

std::string dot_quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : repaired_utf8(text)) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            continue;
        } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
            out += "\xEF\xBF\xBD";  // NUL and other controls: Graphviz rejects them
        } else {
            out += c;
        }
    }
    return out + "\"";
}

void write_dot(const KnowledgeGraph& graph, OutputFile& out) {
    out.write(
        "digraph kgraph {\n"
        "  graph [overlap=false, outputorder=edgesfirst];\n"
        "  node [shape=circle, style=filled, fixedsize=true, fontsize=8, color=\"#ffffff\"];\n"
        "  edge [arrowsize=0.4, color=\"#99999980\"];\n");
    const CsrGraph& g = graph.graph();
    const bool metrics = graph.has_metrics();
    const double top_rank = max_pagerank(graph);
    std::string line;
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
        const NodeData& node = g[v];
        const NodeStats& stats = graph.stats(v);
        line = "  n" + std::to_string(v) + " [label=" + dot_quoted(node.label) +
               ", kind=" + dot_quoted(to_string(node.kind)) + ", key=" + dot_quoted(node.key);
        if (metrics) {
            // Graphviz sizes are inches: the viewer size (4..40) / 40.
            line += ", fillcolor=" + dot_quoted(hex(community_color(stats.community))) +
                    ", width=" + shortest(node_size(stats.pagerank, top_rank) / 40.0);
        }
        if (graph.has_layout()) {
            line += ", pos=\"" + shortest(stats.x) + "," + shortest(stats.y) + "!\"";
        }
        line += "];\n";
        out.write(line);
    }
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        const EdgeData& edge = g[e];
        line = "  n" + std::to_string(boost::source(e, g)) + " -> n" +
               std::to_string(boost::target(e, g)) + " [kind=" + dot_quoted(to_string(edge.kind)) +
               ", weight=" + std::to_string(edge.weight) + "];\n";
        out.write(line);
    }
    out.write("}\n");
}

}  // namespace kg
