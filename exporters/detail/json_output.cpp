// The members all JSON writers share, so that their node and edge data cannot drift apart.
#include "exporters/detail/json_output.hpp"

#include "exporters/detail/node_fields.hpp"

namespace kg {

void write_node_basics(JsonWriter& w, const KnowledgeGraph& graph, NodeId v) {
    const NodeData& node = graph.node(v);
    w.Key("label");
    write_string(w, node.label);
    w.Key("kind");
    write_string(w, to_string(node.kind));
    w.Key("lang");
    write_string(w, node.lang);
    if (graph.has_metrics()) {
        for (const MetricField& f : metric_fields) {
            w.Key(f.name);
            write_number(w, f.get(graph.stats(v)), f.integer);
        }
    }
}

void write_position(JsonWriter& w, const NodeStats& stats) {
    w.Key("x");
    w.Double(stats.x);
    w.Key("y");
    w.Double(stats.y);
}

void write_edge_data(JsonWriter& w, const EdgeData& edge) {
    w.Key("kind");
    write_string(w, to_string(edge.kind));
    w.Key("weight");
    w.Uint(edge.weight);
    w.Key("articles");
    w.Uint(edge.articles);
    w.Key("suspect");
    w.Uint(edge.suspect);
}

std::uint32_t code_point_index(std::string_view text, std::size_t offset) {
    std::uint32_t n = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    return n;
}

void write_edge_evidence(JsonWriter& w, const EvidenceIndex* evidence, const CsrGraph& g,
                         const CsrGraph::edge_descriptor& e) {
    if (evidence == nullptr) return;
    const std::vector<Evidence>* found =
        evidence->find(g[boost::source(e, g)].key, g[boost::target(e, g)].key, g[e].kind);
    if (found == nullptr || found->empty()) return;
    w.Key("evidence");
    w.StartArray();
    for (const Evidence& p : *found) {
        w.StartObject();
        w.Key("text");
        write_string(w, p.text);
        w.Key("where");
        write_string(w, p.where);
        w.Key("marks");
        w.StartArray();
        const auto mark = [&](std::uint32_t from, std::uint32_t to) {
            w.StartArray();
            w.Uint(code_point_index(p.text, from));
            w.Uint(code_point_index(p.text, to));
            w.EndArray();
        };
        mark(p.begin, p.end);
        if (p.end2 > 0) mark(p.begin2, p.end2);
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
}

}  // namespace kg
