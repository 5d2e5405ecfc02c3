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

}  // namespace kg
