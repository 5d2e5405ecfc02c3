// The HTML viewer page: display layer, packed payload (typed arrays, zlib, base64) and the
// page around the embedded viewer bundle (viewer/dist, compiled in as kg::viewer_bundle).
#include "exporters/html_writer.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <numeric>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <zlib.h>

#include "base/error.hpp"
#include "base/number_format.hpp"
#include "base/text_util.hpp"
#include "exporters/detail/node_fields.hpp"
#include "exporters/detail/text_escape.hpp"
#include "exporters/html/viewer_bundle.hpp"

namespace kg {
namespace {

double rank_of(const KnowledgeGraph& graph, NodeId v, bool by_pagerank) {
    const NodeStats& s = graph.stats(v);
    if (by_pagerank) return s.pagerank;
    return static_cast<double>(boost::out_degree(v, graph.graph()));
}

/// Sections of the payload, appended in order, each 8-byte aligned.
class Payload {
public:
    template <typename T>
    void add(const char* name, const char* type, const std::vector<T>& values) {
        add_bytes(name, type, values.data(), values.size(), sizeof(T));
    }
    void add_bytes(const char* name, const char* type, const void* data, std::size_t count,
                   std::size_t width) {
        while (m_data.size() % 8 != 0) m_data.push_back('\0');
        m_sections.push_back({name, type, m_data.size(), count});
        m_data.append(static_cast<const char*>(data), count * width);
    }
    /// "KGV1", u32 header length, header (JSON, padded with spaces to 8 bytes), data.
    std::string finish(rapidjson::Writer<rapidjson::StringBuffer>& w,
                       rapidjson::StringBuffer& header) {
        w.Key("sections");
        w.StartArray();
        for (const Section& s : m_sections) {
            w.StartObject();
            w.Key("name");
            w.String(s.name);
            w.Key("type");
            w.String(s.type);
            w.Key("offset");
            w.Uint64(s.offset);
            w.Key("count");
            w.Uint64(s.count);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        std::string head(header.GetString(), header.GetSize());
        while ((head.size() + 8) % 8 != 0) head.push_back(' ');
        std::string out = "KGV1";
        const auto length = static_cast<std::uint32_t>(head.size());
        for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((length >> (8 * i)) & 0xff));
        out += head;
        out += m_data;
        return out;
    }

private:
    struct Section {
        const char* name;
        const char* type;
        std::size_t offset;
        std::size_t count;
    };
    std::vector<Section> m_sections;
    std::string m_data;
};

/// Offsets (n + 1) and bytes of one text per node; texts are repaired to valid UTF-8.
void add_texts(Payload& payload, const char* offsets_name, const char* bytes_name,
               const KnowledgeGraph& graph, std::string_view (*text)(const NodeData&)) {
    std::vector<std::uint32_t> offsets{0};
    std::string bytes;
    for (NodeId v = 0; v < graph.node_count(); ++v) {
        const std::string_view t = text(graph.node(v));
        if (is_valid_utf8(t)) {
            bytes += t;
        } else {
            bytes += repaired_utf8(t);
        }
        if (bytes.size() > 0xffffffffu) throw OutputError("html: the node texts exceed 4 GB");
        offsets.push_back(static_cast<std::uint32_t>(bytes.size()));
    }
    payload.add(offsets_name, "u32", offsets);
    payload.add_bytes(bytes_name, "utf8", bytes.data(), bytes.size(), 1);
}

std::string base64(std::string_view bytes) {
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const auto b = (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16) |
                       (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
        out += digits[(b >> 18) & 63];
        out += digits[(b >> 12) & 63];
        out += digits[(b >> 6) & 63];
        out += digits[b & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        std::uint32_t b = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
        if (rest == 2)
            b |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
        out += digits[(b >> 18) & 63];
        out += digits[(b >> 12) & 63];
        out += rest == 2 ? digits[(b >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string deflate(const std::string& bytes) {
    uLongf size = compressBound(static_cast<uLong>(bytes.size()));
    std::string out(size, '\0');
    const int rc = compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                             reinterpret_cast<const Bytef*>(bytes.data()),
                             static_cast<uLong>(bytes.size()), 6);
    if (rc != Z_OK)
        throw OutputError("html: zlib could not compress the graph (" + std::to_string(rc) + ")");
    out.resize(size);
    return out;
}

}  // namespace

DisplayLayer choose_display_layer(const KnowledgeGraph& graph, std::size_t max_nodes,
                                  std::size_t max_edges) {
    const CsrGraph& g = graph.graph();
    DisplayLayer layer;
    layer.by_pagerank = graph.has_metrics();
    layer.max_nodes = max_nodes;
    layer.max_edges = max_edges;
    std::vector<NodeId> order(graph.node_count());
    std::iota(order.begin(), order.end(), NodeId{0});
    if (order.size() > max_nodes) {
        std::vector<double> rank(order.size());
        for (NodeId v = 0; v < order.size(); ++v) rank[v] = rank_of(graph, v, layer.by_pagerank);
        if (!layer.by_pagerank) {  // degree: in and out
            for (auto e : boost::make_iterator_range(boost::edges(g)))
                rank[boost::target(e, g)] += 1;
        }
        std::nth_element(
            order.begin(), order.begin() + static_cast<std::ptrdiff_t>(max_nodes), order.end(),
            [&](NodeId a, NodeId b) { return rank[a] != rank[b] ? rank[a] > rank[b] : a < b; });
        order.resize(max_nodes);
        std::sort(order.begin(), order.end());
    }
    std::vector<char> shown(graph.node_count(), 0);
    for (NodeId v : order) shown[v] = 1;
    std::vector<std::uint32_t> edges;
    std::uint32_t index = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        if (shown[boost::source(e, g)] && shown[boost::target(e, g)]) edges.push_back(index);
        ++index;
    }
    if (edges.size() > max_edges) {
        std::vector<std::uint32_t> weight(graph.edge_count());
        index = 0;
        for (auto e : boost::make_iterator_range(boost::edges(g))) weight[index++] = g[e].weight;
        std::nth_element(edges.begin(), edges.begin() + static_cast<std::ptrdiff_t>(max_edges),
                         edges.end(), [&](std::uint32_t a, std::uint32_t b) {
                             return weight[a] != weight[b] ? weight[a] > weight[b] : a < b;
                         });
        edges.resize(max_edges);
        std::sort(edges.begin(), edges.end());
    }
    layer.nodes = std::move(order);
    layer.edges = std::move(edges);
    return layer;
}

namespace {

/// The passages the page carries: {"edge index": [[text, where, begin, end, begin2, end2],
/// ...], ...} (byte offsets in text), the display layer's edges first, then the heaviest
/// others, until options.evidence_bytes of text. Returns the JSON and how many edges it covers.
std::pair<std::string, std::size_t> evidence_json(const KnowledgeGraph& graph,
                                                  const DisplayLayer& layer,
                                                  const HtmlOptions& options,
                                                  const EvidenceIndex& evidence) {
    const CsrGraph& g = graph.graph();
    std::vector<CsrGraph::edge_descriptor> edges;
    edges.reserve(graph.edge_count());
    for (auto e : boost::make_iterator_range(boost::edges(g))) edges.push_back(e);
    std::vector<char> in_layer(edges.size(), 0);
    for (std::uint32_t i : layer.edges) in_layer[i] = 1;
    std::vector<std::uint32_t> order(edges.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (in_layer[a] != in_layer[b]) return in_layer[a] > in_layer[b];
        return !in_layer[a] && g[edges[a]].weight > g[edges[b]].weight;
    });
    std::vector<std::uint32_t> chosen;
    std::size_t bytes = 0;
    for (std::uint32_t i : order) {
        const auto e = edges[i];
        const std::vector<Evidence>* found =
            evidence.find(g[boost::source(e, g)].key, g[boost::target(e, g)].key, g[e].kind);
        if (found == nullptr) continue;
        std::size_t size = 0;
        for (const Evidence& p : *found) size += p.text.size() + p.where.size() + 24;
        if (bytes + size > options.evidence_bytes) break;
        bytes += size;
        chosen.push_back(i);
    }
    std::sort(chosen.begin(), chosen.end());
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    for (std::uint32_t i : chosen) {
        const auto e = edges[i];
        const std::string index = std::to_string(i);
        w.Key(index.data(), static_cast<rapidjson::SizeType>(index.size()));
        w.StartArray();
        for (const Evidence& p :
             *evidence.find(g[boost::source(e, g)].key, g[boost::target(e, g)].key, g[e].kind)) {
            w.StartArray();
            const std::string text = repaired_utf8(p.text);
            w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
            const std::string where = repaired_utf8(p.where);
            w.String(where.data(), static_cast<rapidjson::SizeType>(where.size()));
            w.Uint(p.begin);
            w.Uint(p.end);
            w.Uint(p.begin2);
            w.Uint(p.end2);
            w.EndArray();
        }
        w.EndArray();
    }
    w.EndObject();
    return {std::string(buffer.GetString(), buffer.GetSize()), chosen.size()};
}

}  // namespace

std::string html_payload(const KnowledgeGraph& graph, const DisplayLayer& layer,
                         const HtmlOptions& options, const EvidenceIndex* evidence,
                         std::size_t* evidence_edges) {
    const CsrGraph& g = graph.graph();
    const std::size_t n = graph.node_count();
    Payload payload;
    rapidjson::StringBuffer header;
    rapidjson::Writer<rapidjson::StringBuffer> w(header);
    w.StartObject();
    w.Key("format");
    w.String("kgraph-viewer");
    w.Key("version");
    w.Uint(1);
    w.Key("nodes");
    w.Uint64(n);
    w.Key("edges");
    w.Uint64(graph.edge_count());
    w.Key("node_kinds");
    w.StartArray();
    for (std::size_t k = 0; k < node_kind_count; ++k) {
        const std::string_view name = to_string(static_cast<NodeKind>(k));
        w.String(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    }
    w.EndArray();
    w.Key("edge_kinds");
    w.StartArray();
    for (std::size_t k = 0; k < edge_kind_count; ++k) {
        const std::string_view name = to_string(static_cast<EdgeKind>(k));
        w.String(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    }
    w.EndArray();

    // Languages by first appearance, as indices (0: none).
    std::map<std::string_view, std::uint16_t> lang_index{{"", 0}};
    std::vector<std::string_view> langs{""};
    std::vector<std::uint16_t> node_lang(n);
    std::vector<std::uint8_t> node_kind(n);
    for (NodeId v = 0; v < n; ++v) {
        const NodeData& d = graph.node(v);
        node_kind[v] = static_cast<std::uint8_t>(d.kind);
        auto [it, added] = lang_index.emplace(d.lang, static_cast<std::uint16_t>(langs.size()));
        if (added) {
            if (langs.size() == 0xffff) throw OutputError("html: more than 65,535 languages");
            langs.push_back(d.lang);
        }
        node_lang[v] = it->second;
    }
    w.Key("langs");
    w.StartArray();
    for (std::string_view l : langs) {
        const std::string valid = repaired_utf8(l);
        w.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
    }
    w.EndArray();
    w.Key("metrics");
    w.StartArray();
    if (graph.has_metrics())
        for (const MetricField& f : metric_fields) w.String(f.name);
    w.EndArray();
    w.Key("layout");
    w.Bool(graph.has_layout());
    w.Key("display_rank");
    w.String(layer.by_pagerank ? "pagerank" : "degree");
    w.Key("display_max_nodes");
    w.Uint64(layer.max_nodes);
    w.Key("display_max_edges");
    w.Uint64(layer.max_edges);
    w.Key("han_fold");  // Traditional -> Simplified, when the build folded them (--fold-han)
    w.StartObject();
    for (const auto& [from, to] : options.han_fold) {
        w.Key(from.data(), static_cast<rapidjson::SizeType>(from.size()));
        w.String(to.data(), static_cast<rapidjson::SizeType>(to.size()));
    }
    w.EndObject();

    add_texts(payload, "key_offsets", "keys", graph, [](const NodeData& d) { return d.key; });
    add_texts(payload, "label_offsets", "labels", graph,
              [](const NodeData& d) { return d.label == d.key ? std::string_view() : d.label; });
    payload.add("node_kind", "u8", node_kind);
    payload.add("node_lang", "u16", node_lang);
    if (graph.has_metrics()) {
        for (const MetricField& f : metric_fields) {
            if (f.integer) {
                std::vector<std::uint32_t> values(n);
                for (NodeId v = 0; v < n; ++v)
                    values[v] = static_cast<std::uint32_t>(f.get(graph.stats(v)));
                payload.add(f.name, "u32", values);
            } else {
                std::vector<double> values(n);
                for (NodeId v = 0; v < n; ++v) values[v] = f.get(graph.stats(v));
                payload.add(f.name, "f64", values);
            }
        }
        const double top = max_pagerank(graph);
        std::vector<float> size(n);
        std::vector<std::uint32_t> color(n);
        for (NodeId v = 0; v < n; ++v) {
            size[v] = static_cast<float>(node_size(graph.stats(v).pagerank, top));
            const Rgb c = community_color(graph.stats(v).community);
            color[v] = (std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | c.b;
        }
        payload.add("size", "f32", size);
        payload.add("color", "u32", color);
    }
    if (graph.has_layout()) {
        std::vector<float> x(n), y(n);
        for (NodeId v = 0; v < n; ++v) {
            x[v] = static_cast<float>(graph.stats(v).x);
            y[v] = static_cast<float>(graph.stats(v).y);
        }
        payload.add("x", "f32", x);
        payload.add("y", "f32", y);
    }

    // Edges in CSR order: row offsets, then per edge its target as the difference to the
    // previous target of the row (rows are sorted by target: small numbers that deflate well).
    const std::size_t m = graph.edge_count();
    std::vector<std::uint32_t> row(n + 1, 0);
    std::vector<std::uint32_t> target(m), weight(m), articles(m), suspect(m);
    std::vector<std::uint8_t> kind(m);
    std::size_t i = 0;
    for (NodeId v = 0; v < n; ++v) {
        std::uint32_t previous = 0;
        for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
            const NodeId t = boost::target(e, g);
            target[i] = t - previous;
            previous = t;
            const EdgeData& d = g[e];
            kind[i] = static_cast<std::uint8_t>(d.kind);
            weight[i] = d.weight;
            articles[i] = d.articles;
            suspect[i] = d.suspect;
            ++i;
        }
        row[v + 1] = static_cast<std::uint32_t>(i);
    }
    payload.add("row", "u32", row);
    payload.add("target_delta", "u32", target);
    payload.add("edge_kind", "u8", kind);
    payload.add("weight", "u32", weight);
    payload.add("articles", "u32", articles);
    payload.add("suspect", "u32", suspect);
    payload.add("display_nodes", "u32", layer.nodes);
    payload.add("display_edges", "u32", layer.edges);
    w.Key("evidence_edges");
    if (evidence != nullptr && evidence->passages() > 0) {
        const auto [json, covered] = evidence_json(graph, layer, options, *evidence);
        w.Uint64(covered);
        if (evidence_edges != nullptr) *evidence_edges = covered;
        payload.add_bytes("evidence", "utf8", json.data(), json.size(), 1);
    } else {
        w.Uint64(0);
    }
    return payload.finish(w, header);
}

std::string write_html(const KnowledgeGraph& graph, OutputFile& out, const HtmlOptions& options,
                       const EvidenceIndex* evidence) {
    const DisplayLayer layer = choose_display_layer(graph, options.max_nodes, options.max_edges);
    std::size_t evidence_edges = 0;
    const std::string data =
        base64(deflate(html_payload(graph, layer, options, evidence, &evidence_edges)));
    const std::string title = "kgraph: " + grouped(graph.node_count()) + " nodes, " +
                              grouped(graph.edge_count()) + " edges";
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    // Nothing may leave the page: the browser refuses every request that is not inline.
    out.write(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "script-src 'unsafe-inline' blob:; style-src 'unsafe-inline'; img-src data: blob:; "
        "worker-src blob:; connect-src data: blob:\">\n");
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    std::string head = "<meta name=\"generator\" content=\"kgraph\">\n<title>";
    append_xml_escaped(head, title);  // XML's escapes serve HTML text too
    out.write(head + "</title>\n<style>\n");
    out.write(viewer_css());
    out.write("</style>\n</head>\n<body>\n<div id=\"kg-app\"></div>\n");
    out.write("<script id=\"kg-data\" type=\"application/x-kgraph-deflate-base64\">");
    out.write(data);
    out.write("</script>\n<script>\n");
    out.write(viewer_js());
    out.write("</script>\n</body>\n</html>\n");

    std::string note;
    if (layer.nodes.size() == graph.node_count() && layer.edges.size() == graph.edge_count()) {
        note = "the viewer draws the whole graph";
    } else {
        note = "the viewer draws " + grouped(layer.nodes.size()) + " of " +
               grouped(graph.node_count()) + " nodes (highest " +
               (layer.by_pagerank ? "PageRank" : "degree") + ") and " +
               grouped(layer.edges.size()) + " of " + grouped(graph.edge_count()) +
               " edges (the heaviest among them; --view-nodes, --view-edges); every node stays "
               "searchable";
    }
    if (evidence != nullptr && evidence->per_edge() > 0) {
        note += "; evidence on " + grouped(evidence_edges) + " of " + grouped(evidence->edges()) +
                " edges that have some";
        if (evidence_edges < evidence->edges()) note += " (--view-evidence-mb)";
    }
    if (out.bytes_written() > options.warn_bytes) {
        note += "; warning: the page has " + grouped(out.bytes_written()) +
                " bytes, more than --view-warn-mb allows (" + grouped(options.warn_bytes) +
                "), and loads slowly: --top N or --min-weight W make it smaller";
    }
    return note;
}

}  // namespace kg
