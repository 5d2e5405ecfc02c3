// Node and edge fields of the viewer JSON formats.
#include "exporters/detail/viewer_fields.hpp"

#include <string>

#include "exporters/detail/node_fields.hpp"

namespace kg {

void write_viewer_node_fields(JsonWriter& w, const KnowledgeGraph& graph, NodeId v,
                              double top_rank) {
    const NodeData& node = graph.node(v);
    const NodeStats& stats = graph.stats(v);
    write_node_basics(w, graph, v);
    w.Key("key");
    write_string(w, node.key);
    if (graph.has_metrics()) {
        w.Key("size");
        w.Double(node_size(stats.pagerank, top_rank));
        w.Key("color");
        write_string(w, hex(community_color(stats.community)));
    }
}

void write_edge_ends(JsonWriter& w, const char* id_name, std::size_t index, const CsrGraph& g,
                     const CsrGraph::edge_descriptor& e) {
    w.Key(id_name);
    write_string(w, "e" + std::to_string(index));
    w.Key("source");
    write_string(w, g[boost::source(e, g)].key);
    w.Key("target");
    write_string(w, g[boost::target(e, g)].key);
}

}  // namespace kg
