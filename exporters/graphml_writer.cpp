// write_graphml: one buffered pass over nodes, then over edges in CSR order.
#include "exporters/graphml_writer.hpp"

#include <charconv>
#include <string>

#include "exporters/detail/json_output.hpp"
#include "exporters/detail/line_buffer.hpp"
#include "exporters/detail/node_fields.hpp"
#include "exporters/detail/text_escape.hpp"

namespace kg {
namespace {

void data(std::string& line, std::string_view key, std::string_view value) {
    line += "<data key=\"";
    line += key;
    line += "\">";
    append_xml_escaped(line, value);
    line += "</data>";
}

// yEd's node graphics: a circle of the node's size at its position, filled with its
// community's colour, labelled with its label. yEd's Geometry is the top-left corner.
void yed_node(std::string& line, const NodeData& node, const NodeStats& stats,
              const KnowledgeGraph& graph, double top_rank) {
    const double size = graph.has_metrics() ? node_size(stats.pagerank, top_rank) : 20.0;
    const std::string side = shortest(size);
    line += "<data key=\"yed_node\"><y:ShapeNode><y:Geometry x=\"";
    line += shortest(stats.x - size / 2);
    line += "\" y=\"";
    line += shortest(-stats.y - size / 2);  // yEd's y axis points down
    line += "\" width=\"" + side + "\" height=\"" + side + "\"/><y:Fill color=\"";
    line += graph.has_metrics() ? hex(community_color(stats.community)) : std::string("#cccccc");
    line += "\" transparent=\"false\"/><y:NodeLabel>";
    append_xml_escaped(line, node.label);
    line += "</y:NodeLabel><y:Shape type=\"ellipse\"/></y:ShapeNode></data>";
}

}  // namespace

void write_graphml(const KnowledgeGraph& graph, OutputFile& out, const GraphmlOptions& options) {
    out.write(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ");
    if (options.yed) out.write("xmlns:y=\"http://www.yworks.com/xml/graphml\" ");
    out.write(
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        "  <key id=\"lang\" for=\"node\" attr.name=\"lang\" attr.type=\"string\"/>\n"
        "  <key id=\"key\" for=\"node\" attr.name=\"key\" attr.type=\"string\"/>\n"
        "  <key id=\"edge_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        "  <key id=\"articles\" for=\"edge\" attr.name=\"articles\" attr.type=\"int\"/>\n"
        "  <key id=\"suspect\" for=\"edge\" attr.name=\"suspect\" attr.type=\"int\"/>\n");
    if (options.evidence != nullptr && options.evidence->passages() > 0)
        out.write(
            "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n");
    if (graph.has_metrics()) {
        for (const MetricField& f : metric_fields) {
            out.write(std::string("  <key id=\"") + f.name + "\" for=\"node\" attr.name=\"" +
                      f.name + "\" attr.type=\"" + (f.integer ? "int" : "double") + "\"/>\n");
        }
    }
    // The node attributes Gephi's GraphML importer maps to its own visual variables.
    if (graph.has_metrics()) {
        out.write(
            "  <key id=\"size\" for=\"node\" attr.name=\"size\" attr.type=\"double\"/>\n"
            "  <key id=\"r\" for=\"node\" attr.name=\"r\" attr.type=\"int\"/>\n"
            "  <key id=\"g\" for=\"node\" attr.name=\"g\" attr.type=\"int\"/>\n"
            "  <key id=\"b\" for=\"node\" attr.name=\"b\" attr.type=\"int\"/>\n");
    }
    if (graph.has_layout()) {
        out.write(
            "  <key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n"
            "  <key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n");
    }
    if (options.yed) {
        out.write(
            "  <key id=\"yed_node\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
            "  <key id=\"yed_edge\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n");
    }
    out.write("  <graph id=\"G\" edgedefault=\"directed\">\n");
    const double top_rank = max_pagerank(graph);
    const CsrGraph& g = graph.graph();
    std::string line;
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
        const NodeData& node = g[v];
        const NodeStats& stats = graph.stats(v);
        line.clear();
        line += "    <node id=\"n";
        line += std::to_string(v);
        line += "\">";
        data(line, "label", node.label);
        data(line, "kind", to_string(node.kind));
        // An empty <data> reads as "missing" in networkx and as the default in igraph: write
        // none, so every client sees the attribute as absent.
        if (!node.lang.empty()) data(line, "lang", node.lang);
        data(line, "key", node.key);
        if (graph.has_metrics()) {
            for (const MetricField& f : metric_fields) {
                data(line, f.name, metric_text(f, stats));
            }
        }
        if (graph.has_metrics()) {
            const Rgb c = community_color(stats.community);
            data(line, "size", shortest(node_size(stats.pagerank, top_rank)));
            data(line, "r", std::to_string(c.r));
            data(line, "g", std::to_string(c.g));
            data(line, "b", std::to_string(c.b));
        }
        if (graph.has_layout()) {
            data(line, "x", shortest(stats.x));
            data(line, "y", shortest(stats.y));
        }
        if (options.yed) yed_node(line, node, stats, graph, top_rank);
        line += "</node>\n";
        out.write(line);
    }
    // Edges, most of the file: each line put together in a LineBuffer (numbers by to_chars,
    // the kind names as they are: plain words that need no escaping).
    constexpr std::string_view yed_edge =
        "<data key=\"yed_edge\"><y:PolyLineEdge><y:Arrows source=\"none\" "
        "target=\"standard\"/></y:PolyLineEdge></data>";
    LineBuffer edge_line;
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        const EdgeData& edge = g[e];
        edge_line.clear();
        edge_line.text("    <edge source=\"n")
            .number(boost::source(e, g))
            .text("\" target=\"n")
            .number(boost::target(e, g))
            .text("\"><data key=\"edge_kind\">")
            .text(to_string(edge.kind))
            .text("</data><data key=\"weight\">")
            .number(edge.weight)
            .text("</data><data key=\"articles\">")
            .number(edge.articles)
            .text("</data><data key=\"suspect\">")
            .number(edge.suspect)
            .text("</data>");
        if (const std::vector<Evidence>* passages = edge_evidence(options.evidence, g, e)) {
            std::string value;
            append_xml_escaped(value, passages_json(*passages));
            edge_line.text("<data key=\"evidence\">").text(value).text("</data>");
        }
        if (options.yed) edge_line.text(yed_edge);
        edge_line.text("</edge>\n");
        out.write(edge_line.view());
    }
    out.write("  </graph>\n</graphml>\n");
}

}  // namespace kg
