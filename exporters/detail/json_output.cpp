// The members all JSON writers share, so that their node and edge data cannot drift apart.
#include "exporters/detail/json_output.hpp"

#include <rapidjson/stringbuffer.h>

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
    const std::vector<Evidence>* found = edge_evidence(evidence, g, e);
    if (found == nullptr) return;
    w.Key("evidence");
    write_passages(w, *found);
}

const std::vector<Evidence>* edge_evidence(const EvidenceIndex* evidence, const CsrGraph& g,
                                           const CsrGraph::edge_descriptor& e) {
    if (evidence == nullptr) return nullptr;
    const std::vector<Evidence>* found =
        evidence->find(g[boost::source(e, g)].key, g[boost::target(e, g)].key, g[e].kind);
    return found == nullptr || found->empty() ? nullptr : found;
}

std::string passages_json(const std::vector<Evidence>& passages) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    write_passages(w, passages);
    return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace kg
