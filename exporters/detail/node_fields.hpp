// What every writer writes about a node beyond its label: the metric fields (one table, so
// the formats cannot drift apart) and the visual hints viewers use — size from PageRank, colour
// from the community.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "graph/knowledge_graph.hpp"

namespace kg {

struct MetricField {
    const char* name;
    bool integer;  ///< else a double
    double (*get)(const NodeStats&);
};

/// The node metrics, in the order writers emit them (present when graph.has_metrics()).
inline constexpr std::array<MetricField, 8> metric_fields{{
    {"in_degree", true, [](const NodeStats& d) { return static_cast<double>(d.in_degree); }},
    {"out_degree", true, [](const NodeStats& d) { return static_cast<double>(d.out_degree); }},
    {"weighted_degree", false, [](const NodeStats& d) { return d.weighted_degree; }},
    {"pagerank", false, [](const NodeStats& d) { return d.pagerank; }},
    {"component", true, [](const NodeStats& d) { return static_cast<double>(d.component); }},
    {"component_size", true,
     [](const NodeStats& d) { return static_cast<double>(d.component_size); }},
    {"core", true, [](const NodeStats& d) { return static_cast<double>(d.core); }},
    {"community", true, [](const NodeStats& d) { return static_cast<double>(d.community); }},
}};

struct Rgb {
    std::uint8_t r, g, b;
};

/// A colour per community: 12 distinguishable hues, repeating (community 0 is the largest
/// only by chance: numbering follows node order).
Rgb community_color(std::uint32_t community);

/// "#rrggbb"
std::string hex(Rgb color);

/// Node size for viewers: 4 to 40, growing with the square root of PageRank relative to the
/// largest (area proportional to rank).
double node_size(double pagerank, double max_pagerank);

/// The shortest decimal text that reads back as `value` (deterministic, locale-free).
std::string shortest(double value);

/// The text of metric `field` of a node's `stats`: an integer, or the shortest round-trip double.
std::string metric_text(const MetricField& field, const NodeStats& stats);

/// The largest PageRank of the graph (0 without metrics).
double max_pagerank(const KnowledgeGraph& graph);

}  // namespace kg
