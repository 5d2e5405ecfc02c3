// RapidJSON glue shared by the JSON writers (node-link, graphology, Cytoscape.js): a stream
// adapter onto OutputFile's buffer and string/number helpers that keep output valid UTF-8.
#pragma once

#include <string_view>

#include <rapidjson/writer.h>

#include "base/text_util.hpp"
#include "exporters/output_file.hpp"
#include "graph/evidence.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

/// The stream concept RapidJSON's Writer needs (Put, Flush), over a buffer of its own that
/// goes to the OutputFile 64 KB at a time: RapidJSON puts one character at a time. Whatever a
/// writer writes between RapidJSON's calls goes through Put() too, and Flush() ends it.
class JsonOutputStream {
public:
    using Ch = char;
    explicit JsonOutputStream(OutputFile& out) : m_out(out) {}
    JsonOutputStream(const JsonOutputStream&) = delete;
    JsonOutputStream& operator=(const JsonOutputStream&) = delete;
    void Put(char c) {
        if (m_size == sizeof m_bytes) Flush();
        m_bytes[m_size++] = c;
    }
    void Flush() {
        m_out.write(std::string_view(m_bytes, m_size));
        m_size = 0;
    }

private:
    OutputFile& m_out;
    std::size_t m_size = 0;
    char m_bytes[1 << 16];
};

using JsonWriter = rapidjson::Writer<JsonOutputStream>;

inline void write_string(JsonWriter& w, std::string_view s) {
    if (is_valid_utf8(s)) {  // the common case: no copy
        w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
        return;
    }
    const std::string valid = repaired_utf8(s);
    w.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

/// Writes `value` as an integer when `integer`, else as a double.
inline void write_number(JsonWriter& w, double value, bool integer) {
    if (integer) {
        w.Uint64(static_cast<std::uint64_t>(value));
    } else {
        w.Double(value);
    }
}

/// Node members every JSON format writes: label, kind, lang, then the metrics if any.
void write_node_basics(JsonWriter& w, const KnowledgeGraph& graph, NodeId v);

/// "x" and "y" of a laid-out node.
void write_position(JsonWriter& w, const NodeStats& stats);

/// Edge members every JSON format writes: kind, weight, articles, suspect.
void write_edge_data(JsonWriter& w, const EdgeData& edge);

/// The code point index of byte `offset` of valid UTF-8 `text`.
std::uint32_t code_point_index(std::string_view text, std::size_t offset);

/// [{"text", "where", "marks": [[from, to], ...]}, ...]: marks in code points of text (the
/// matched names). On any RapidJSON writer.
template <typename Writer>
void write_passages(Writer& w, const std::vector<Evidence>& passages) {
    w.StartArray();
    for (const Evidence& p : passages) {
        w.StartObject();
        w.Key("text");
        const std::string text = repaired_utf8(p.text);
        w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
        w.Key("where");
        const std::string where = repaired_utf8(p.where);
        w.String(where.data(), static_cast<rapidjson::SizeType>(where.size()));
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

/// The passages of edge `e` (--evidence), or nullptr when it has none.
const std::vector<Evidence>* edge_evidence(const EvidenceIndex* evidence, const CsrGraph& g,
                                           const CsrGraph::edge_descriptor& e);

/// With --evidence: "evidence": write_passages() for edge `e`; nothing when it has none.
void write_edge_evidence(JsonWriter& w, const EvidenceIndex* evidence, const CsrGraph& g,
                         const CsrGraph::edge_descriptor& e);

/// write_passages() as a string (GraphML and GEXF carry it as a string attribute).
std::string passages_json(const std::vector<Evidence>& passages);

}  // namespace kg
