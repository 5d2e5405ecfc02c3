// write_graphml: one buffered pass over nodes, then over edges in CSR order.
#include "exporters/graphml_writer.hpp"

#include <charconv>
#include <string>

#include "exporters/text_escape.hpp"

namespace kg {
namespace {

void data(std::string& line, std::string_view key, std::string_view value) {
    line += "<data key=\"";
    line += key;
    line += "\">";
    append_xml_escaped(line, value);
    line += "</data>";
}

// The shortest text that reads back as the same double (deterministic, locale-free).
std::string shortest(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

}  // namespace

void write_graphml(const KnowledgeGraph& graph, OutputFile& out) {
    out.write(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
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
    if (graph.has_metrics()) {
        out.write(
            "  <key id=\"in_degree\" for=\"node\" attr.name=\"in_degree\" attr.type=\"int\"/>\n"
            "  <key id=\"out_degree\" for=\"node\" attr.name=\"out_degree\" attr.type=\"int\"/>\n"
            "  <key id=\"weighted_degree\" for=\"node\" attr.name=\"weighted_degree\" "
            "attr.type=\"double\"/>\n"
            "  <key id=\"pagerank\" for=\"node\" attr.name=\"pagerank\" attr.type=\"double\"/>\n"
            "  <key id=\"component\" for=\"node\" attr.name=\"component\" attr.type=\"int\"/>\n"
            "  <key id=\"component_size\" for=\"node\" attr.name=\"component_size\" "
            "attr.type=\"int\"/>\n"
            "  <key id=\"core\" for=\"node\" attr.name=\"core\" attr.type=\"int\"/>\n"
            "  <key id=\"community\" for=\"node\" attr.name=\"community\" attr.type=\"int\"/>\n");
    }
    out.write("  <graph id=\"G\" edgedefault=\"directed\">\n");
    const CsrGraph& g = graph.graph();
    std::string line;
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
        const NodeData& node = g[v];
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
            data(line, "in_degree", std::to_string(node.in_degree));
            data(line, "out_degree", std::to_string(node.out_degree));
            data(line, "weighted_degree", shortest(node.weighted_degree));
            data(line, "pagerank", shortest(node.pagerank));
            data(line, "component", std::to_string(node.component));
            data(line, "component_size", std::to_string(node.component_size));
            data(line, "core", std::to_string(node.core));
            data(line, "community", std::to_string(node.community));
        }
        line += "</node>\n";
        out.write(line);
    }
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        const EdgeData& edge = g[e];
        line.clear();
        line += "    <edge source=\"n";
        line += std::to_string(boost::source(e, g));
        line += "\" target=\"n";
        line += std::to_string(boost::target(e, g));
        line += "\">";
        data(line, "edge_kind", to_string(edge.kind));
        data(line, "weight", std::to_string(edge.weight));
        data(line, "articles", std::to_string(edge.articles));
        data(line, "suspect", std::to_string(edge.suspect));
        line += "</edge>\n";
        out.write(line);
    }
    out.write("  </graph>\n</graphml>\n");
}

}  // namespace kg
