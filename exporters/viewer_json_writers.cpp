// Graphology and Cytoscape.js writers on the shared RapidJSON glue; one line per element.
#include "exporters/viewer_json_writers.hpp"

#include "exporters/detail/edge_prefetch.hpp"
#include "exporters/detail/json_output.hpp"
#include "exporters/detail/node_fields.hpp"

namespace kg {
namespace {

// Node fields both formats share: label, kind, lang, metrics, key, size, color.
void node_fields(JsonWriter& w, const KnowledgeGraph& graph, NodeId v, double top_rank) {
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

// "<id_name>": "e<index>", "source": key, "target": key — graphology and Cytoscape.js alike.
void edge_ends(JsonWriter& w, const char* id_name, std::size_t index, const CsrGraph& g,
               const CsrGraph::edge_descriptor& e) {
    w.Key(id_name);
    write_string(w, "e" + std::to_string(index));
    w.Key("source");
    write_string(w, g[boost::source(e, g)].key);
    w.Key("target");
    write_string(w, g[boost::target(e, g)].key);
}

}  // namespace

void write_graphology_json(const KnowledgeGraph& graph, OutputFile& out) {
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
        node_fields(w, graph, v, top_rank);
        if (graph.has_layout()) write_position(w, graph.stats(v));
        w.EndObject();
        w.EndObject();
    }
    w.EndArray();
    w.Key("edges");
    w.StartArray();
    std::size_t id = 0;
    EdgeTargetPrefetch prefetch(g);
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        prefetch.step();
        stream.Put('\n');
        w.StartObject();
        edge_ends(w, "key", id++, g, e);
        w.Key("attributes");
        w.StartObject();
        write_edge_data(w, g[e]);
        w.EndObject();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    stream.Put('\n');
    stream.Flush();
}

void write_cytoscape_json(const KnowledgeGraph& graph, OutputFile& out) {
    JsonOutputStream stream(out);
    JsonWriter w(stream);
    const CsrGraph& g = graph.graph();
    const double top_rank = max_pagerank(graph);
    w.StartObject();
    w.Key("format_version");
    w.String("1.0");
    w.Key("generated_by");
    w.String("kgraph");
    w.Key("target_cytoscapejs_version");
    w.String("~3");
    w.Key("data");
    w.StartObject();
    w.Key("name");
    w.String("kgraph");
    w.EndObject();
    w.Key("elements");
    w.StartObject();
    w.Key("nodes");
    w.StartArray();
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
        stream.Put('\n');
        w.StartObject();
        w.Key("data");
        w.StartObject();
        w.Key("id");
        write_string(w, g[v].key);
        node_fields(w, graph, v, top_rank);
        w.EndObject();
        if (graph.has_layout()) {
            w.Key("position");
            w.StartObject();
            write_position(w, graph.stats(v));
            w.EndObject();
        }
        w.EndObject();
    }
    w.EndArray();
    w.Key("edges");
    w.StartArray();
    std::size_t id = 0;
    EdgeTargetPrefetch prefetch(g);
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        prefetch.step();
        stream.Put('\n');
        w.StartObject();
        w.Key("data");
        w.StartObject();
        edge_ends(w, "id", id++, g, e);
        write_edge_data(w, g[e]);
        w.EndObject();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    w.EndObject();
    stream.Put('\n');
    stream.Flush();
}

}  // namespace kg
