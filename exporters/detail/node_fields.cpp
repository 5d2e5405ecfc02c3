// Visual hints and number formatting shared by the writers.
#include "exporters/detail/node_fields.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace kg {

Rgb community_color(std::uint32_t community) {
    // ColorBrewer "Paired"-like palette, reordered so neighbours in the list differ in hue.
    static constexpr std::array<Rgb, 12> palette{{{31, 120, 180},
                                                  {227, 26, 28},
                                                  {51, 160, 44},
                                                  {255, 127, 0},
                                                  {106, 61, 154},
                                                  {177, 89, 40},
                                                  {166, 206, 227},
                                                  {251, 154, 153},
                                                  {178, 223, 138},
                                                  {253, 191, 111},
                                                  {202, 178, 214},
                                                  {128, 128, 128}}};
    return palette[community % palette.size()];
}

std::string hex(Rgb color) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out = "#";
    for (std::uint8_t c : {color.r, color.g, color.b}) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

double node_size(double pagerank, double max_pagerank) {
    if (max_pagerank <= 0) return 4.0;
    // Rounded to 2 decimals: sizes are for eyes, and short numbers keep files small.
    return std::round((4.0 + 36.0 * std::sqrt(pagerank / max_pagerank)) * 100.0) / 100.0;
}

std::string shortest(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string metric_text(const MetricField& field, const NodeStats& stats) {
    const double value = field.get(stats);
    return field.integer ? std::to_string(static_cast<std::uint64_t>(value)) : shortest(value);
}

double max_pagerank(const KnowledgeGraph& graph) {
    double best = 0.0;
    if (!graph.has_metrics()) return best;
    for (NodeId v = 0; v < graph.node_count(); ++v) best = std::max(best, graph.stats(v).pagerank);
    return best;
}

}  // namespace kg
