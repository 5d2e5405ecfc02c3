// write_node_link_json: RapidJSON Writer over an adapter that feeds OutputFile's buffer.
#include "exporters/node_link_json_writer.hpp"

#include <rapidjson/writer.h>

#include "graph/text_util.hpp"

namespace kg {
namespace {

// The stream concept RapidJSON's Writer needs (Put, Flush).
class OutputStream {
public:
    using Ch = char;
    explicit OutputStream(OutputFile& out) : m_out(out) {}
    void Put(char c) { m_out.put(c); }
    void Flush() {}

private:
    OutputFile& m_out;
};

using JsonWriter = rapidjson::Writer<OutputStream>;

void string(JsonWriter& w, std::string_view s) {
    const std::string valid = repaired_utf8(s);
    w.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

}  // namespace

void write_node_link_json(const KnowledgeGraph& graph, OutputFile& out) {
    OutputStream stream(out);
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
        out.put('\n');
        w.StartObject();
        w.Key("id");
        string(w, node.key);
        w.Key("label");
        string(w, node.label);
        w.Key("kind");
        string(w, to_string(node.kind));
        w.Key("lang");
        string(w, node.lang);
        if (graph.has_metrics()) {
            w.Key("in_degree");
            w.Uint(node.in_degree);
            w.Key("out_degree");
            w.Uint(node.out_degree);
            w.Key("weighted_degree");
            w.Double(node.weighted_degree);
            w.Key("pagerank");
            w.Double(node.pagerank);
            w.Key("component");
            w.Uint(node.component);
            w.Key("component_size");
            w.Uint(node.component_size);
            w.Key("core");
            w.Uint(node.core);
            w.Key("community");
            w.Uint(node.community);
        }
        w.EndObject();
    }
    w.EndArray();
    w.Key("links");
    w.StartArray();
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        const EdgeData& edge = g[e];
        out.put('\n');
        w.StartObject();
        w.Key("source");
        string(w, g[boost::source(e, g)].key);
        w.Key("target");
        string(w, g[boost::target(e, g)].key);
        if (multigraph) {
            w.Key("key");
            string(w, to_string(edge.kind));
        }
        w.Key("kind");
        string(w, to_string(edge.kind));
        w.Key("weight");
        w.Uint(edge.weight);
        w.Key("articles");
        w.Uint(edge.articles);
        w.Key("suspect");
        w.Uint(edge.suspect);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out.put('\n');
}

}  // namespace kg
