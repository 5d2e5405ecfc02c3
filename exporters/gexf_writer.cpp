// write_gexf: attribute declarations, then nodes, then edges, one line each.
#include "exporters/gexf_writer.hpp"

#include <string>

#include "exporters/detail/json_output.hpp"
#include "exporters/detail/line_buffer.hpp"
#include "exporters/detail/node_fields.hpp"
#include "exporters/detail/text_escape.hpp"

namespace kg {
namespace {

void attvalue(std::string& line, std::string_view id, std::string_view value) {
    line += "<attvalue for=\"";
    line += id;
    line += "\" value=\"";
    append_xml_escaped(line, value);
    line += "\"/>";
}

}  // namespace

void write_gexf(const KnowledgeGraph& graph, OutputFile& out, const EvidenceIndex* evidence) {
    const bool with_evidence = evidence != nullptr && evidence->passages() > 0;
    const bool metrics = graph.has_metrics();
    std::string head =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
        "version=\"1.3\">\n"
        "  <meta>\n    <creator>kgraph</creator>\n  </meta>\n"
        "  <graph defaultedgetype=\"directed\">\n"
        "    <attributes class=\"node\">\n"
        "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
        "      <attribute id=\"lang\" title=\"lang\" type=\"string\"/>\n"
        "      <attribute id=\"key\" title=\"key\" type=\"string\"/>\n";
    if (metrics) {
        for (const MetricField& f : metric_fields) {
            head += std::string("      <attribute id=\"") + f.name + "\" title=\"" + f.name +
                    "\" type=\"" + (f.integer ? "integer" : "double") + "\"/>\n";
        }
    }
    head +=
        "    </attributes>\n"
        "    <attributes class=\"edge\">\n"
        "      <attribute id=\"articles\" title=\"articles\" type=\"integer\"/>\n"
        "      <attribute id=\"suspect\" title=\"suspect\" type=\"integer\"/>\n";
    // --evidence: the passages as a JSON string (the JSON formats carry them as objects).
    if (with_evidence)
        head += "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n";
    head +=
        "    </attributes>\n"
        "    <nodes>\n";
    out.write(head);
    const CsrGraph& g = graph.graph();
    const double top_rank = max_pagerank(graph);
    std::string line;
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
        const NodeData& node = g[v];
        const NodeStats& stats = graph.stats(v);
        line = "      <node id=\"n" + std::to_string(v) + "\" label=\"";
        append_xml_escaped(line, node.label);
        line += "\"><attvalues>";
        attvalue(line, "kind", to_string(node.kind));
        if (!node.lang.empty()) attvalue(line, "lang", node.lang);
        attvalue(line, "key", node.key);
        if (metrics) {
            for (const MetricField& f : metric_fields) {
                attvalue(line, f.name, metric_text(f, stats));
            }
        }
        line += "</attvalues>";
        if (metrics) {
            const Rgb c = community_color(stats.community);
            line += "<viz:size value=\"" + shortest(node_size(stats.pagerank, top_rank)) +
                    "\"/><viz:color r=\"" + std::to_string(c.r) + "\" g=\"" + std::to_string(c.g) +
                    "\" b=\"" + std::to_string(c.b) + "\"/>";
        }
        if (graph.has_layout()) {
            line += "<viz:position x=\"" + shortest(stats.x) + "\" y=\"" + shortest(stats.y) +
                    "\" z=\"0\"/>";
        }
        line += "</node>\n";
        out.write(line);
    }
    out.write("    </nodes>\n    <edges>\n");
    std::size_t id = 0;
    LineBuffer edge_line;  // numbers and kind names need no escaping
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        const EdgeData& edge = g[e];
        edge_line.clear();
        edge_line.text("      <edge id=\"e")
            .number(id++)
            .text("\" source=\"n")
            .number(boost::source(e, g))
            .text("\" target=\"n")
            .number(boost::target(e, g))
            .text("\" kind=\"")
            .text(to_string(edge.kind))
            .text("\" weight=\"")
            .number(edge.weight)
            .text("\"><attvalues><attvalue for=\"articles\" value=\"")
            .number(edge.articles)
            .text("\"/><attvalue for=\"suspect\" value=\"")
            .number(edge.suspect)
            .text("\"/>");
        if (const std::vector<Evidence>* passages = edge_evidence(evidence, g, e)) {
            std::string value;
            append_xml_escaped(value, passages_json(*passages));
            edge_line.text("<attvalue for=\"evidence\" value=\"").text(value).text("\"/>");
        }
        edge_line.text("</attvalues></edge>\n");
        out.write(edge_line.view());
    }
    out.write("    </edges>\n  </graph>\n</gexf>\n");
}

}  // namespace kg
