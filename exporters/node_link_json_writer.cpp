// write_node_link_json: RapidJSON Writer over an adapter that feeds OutputFile's buffer.
#include "exporters/node_link_json_writer.hpp"

#include "exporters/detail/edge_prefetch.hpp"
#include "exporters/detail/json_output.hpp"
#include "exporters/detail/node_fields.hpp"

namespace kg {

void write_node_link_json(const KnowledgeGraph& graph, OutputFile& out,
                          const EvidenceIndex* evidence) {
    JsonOutputStream stream(out);
    JsonWriter w(stream);
    const CsrGraph& g = graph.graph();
    const bool multigraph = graph.has_parallel_edges();
    w.StartObject();
    w.Key("directed");
    w.Bool(true);
    w.Key("multigraph");
    w.Bool(multigraph);
    w.Key("graph");
    w.StartObject();
    w.EndObject();
    w.Key("nodes");
    w.StartArray();
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
        const NodeData& node = g[v];
        stream.Put('\n');
        w.StartObject();
        w.Key("id");
        write_string(w, node.key);
        write_node_basics(w, graph, v);
        if (graph.has_layout()) write_position(w, graph.stats(v));
        w.EndObject();
    }
    w.EndArray();
    w.Key("links");
    w.StartArray();
    for_each_edge_line(g, stream, [&](const CsrGraph::edge_descriptor& e, std::size_t) {
        const EdgeData& edge = g[e];
        w.StartObject();
        w.Key("source");
        write_string(w, g[boost::source(e, g)].key);
        w.Key("target");
        write_string(w, g[boost::target(e, g)].key);
        if (multigraph) {
            w.Key("key");
            write_string(w, to_string(edge.kind));
        }
        write_edge_data(w, edge);
        write_edge_evidence(w, evidence, g, e);
        w.EndObject();
    });
    w.EndArray();
    w.EndObject();
    stream.Put('\n');
    stream.Flush();
}

}  // namespace kg
