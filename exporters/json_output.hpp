// RapidJSON glue shared by the JSON writers (node-link, graphology, Cytoscape.js): a stream
// adapter onto OutputFile's buffer and string/number helpers that keep output valid UTF-8.
#pragma once

#include <string_view>

#include <rapidjson/writer.h>

#include "exporters/output_file.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/text_util.hpp"

namespace kg {

/// The stream concept RapidJSON's Writer needs (Put, Flush).
class JsonOutputStream {
public:
    using Ch = char;
    explicit JsonOutputStream(OutputFile& out) : m_out(out) {}
    void Put(char c) { m_out.put(c); }
    void Flush() {}

private:
    OutputFile& m_out;
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

}  // namespace kg
