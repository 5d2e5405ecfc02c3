// Graphology JSON on the shared RapidJSON glue; one line per element.
#include "exporters/graphology_writer.hpp"

#include "exporters/detail/edge_prefetch.hpp"
#include "exporters/detail/json_output.hpp"
#include "exporters/detail/node_fields.hpp"
#include "exporters/detail/viewer_fields.hpp"

namespace kg {

void write_graphology_json(const KnowledgeGraph& graph, OutputFile& out,
                           const EvidenceIndex* evidence) {
    JsonOutputStream stream(out);
    JsonWriter w(stream);
    const CsrGraph& g = graph.graph();
    const double top_rank = max_pagerank(graph);
    w.StartObject();
    w.Key("attributes");
    w.StartObject();
    w.Key("name");
    w.String("kgraph");
    w.EndObject();
    w.Key("options");
    w.StartObject();
    w.Key("type");
    w.String("directed");
    w.Key("multi");
    w.Bool(true);
    w.Key("allowSelfLoops");
    w.Bool(true);
    w.EndObject();
    w.Key("nodes");
    w.StartArray();
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
        stream.Put('\n');
        w.StartObject();
        w.Key("key");
        write_string(w, g[v].key);
        w.Key("attributes");
        w.StartObject();
        write_viewer_node_fields(w, graph, v, top_rank);
        if (graph.has_layout()) write_position(w, graph.stats(v));
        w.EndObject();
        w.EndObject();
    }
    w.EndArray();
    w.Key("edges");
    w.StartArray();
    for_each_edge_line(g, stream, [&](const CsrGraph::edge_descriptor& e, std::size_t index) {
        w.StartObject();
        write_edge_ends(w, "key", index, g, e);
        w.Key("attributes");
        w.StartObject();
        write_edge_data(w, g[e]);
        write_edge_evidence(w, evidence, g, e);
        w.EndObject();
        w.EndObject();
    });
    w.EndArray();
    w.EndObject();
    stream.Put('\n');
    stream.Flush();
}

}  // namespace kg
