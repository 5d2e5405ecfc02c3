// Vocabulary of the graph model: node and edge kinds and their names.
// Used by importers (what they extract), the builder, exporters (what they write) and the CLI.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace kg {

/// Node kinds, in increasing precedence: a key seen as several kinds keeps the highest
/// (a link target that turns out to be an article of the corpus is an article).
enum class NodeKind : std::uint8_t { external, entity, category, article };
inline constexpr std::size_t node_kind_count = 4;

/// Edge kinds. One edge per (source, target, kind); repeated events add to its weight.
/// `mention`: an unlinked occurrence of a known name; `cooccurrence`: two entities in one
/// window (undirected in meaning, written once with the smaller key as source);
/// `interlanguage`: a wiki page's [[zh:…]] link to its version in another language;
/// `redirect`: a wiki redirect page to its target (only when redirects are kept as nodes).
enum class EdgeKind : std::uint8_t {
    link,
    embed,
    category,
    mention,
    cooccurrence,
    interlanguage,
    redirect
};
inline constexpr std::size_t edge_kind_count = 7;

constexpr std::string_view to_string(NodeKind kind) {
    constexpr std::array<std::string_view, node_kind_count> names{"external", "entity", "category",
                                                                  "article"};
    return names[static_cast<std::size_t>(kind)];
}

constexpr std::string_view to_string(EdgeKind kind) {
    constexpr std::array<std::string_view, edge_kind_count> names{
        "link", "embed", "category", "mention", "cooccurrence", "interlanguage", "redirect"};
    return names[static_cast<std::size_t>(kind)];
}

/// Every node kind, in enum order (for summaries and tests).
constexpr std::array<NodeKind, node_kind_count> all_node_kinds{
    NodeKind::external, NodeKind::entity, NodeKind::category, NodeKind::article};
constexpr std::array<EdgeKind, edge_kind_count> all_edge_kinds{
    EdgeKind::link,         EdgeKind::embed,         EdgeKind::category, EdgeKind::mention,
    EdgeKind::cooccurrence, EdgeKind::interlanguage, EdgeKind::redirect};

}  // namespace kg
