// The frozen knowledge graph: a Boost.Graph compressed_sparse_row_graph with bundled node and
// edge properties, 32-bit ids. Built once by GraphBuilder::freeze(); read by analytics and
// exporters. Node order: the articles in reading order, then every other node in order of first
// appearance; edges are sorted by (source, target, kind), so the same corpus always gives the
// same graph.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>

#include "graph/graph_types.hpp"

namespace kg {

/// What a node carries. `key` is the normalized key links meet on; `label` a real surface form.
/// The texts are views into bytes the KnowledgeGraph keeps alive (its `strings()`), so a node
/// costs no allocation of its own.
struct NodeData {
    std::string_view key;
    std::string_view label;
    std::string_view lang;  ///< language code ("zh" for `[[zh:中国]]`), empty when unknown
    NodeKind kind = NodeKind::entity;
};

/// What analytics and layout add to a node; held beside the nodes, and only once set
/// (KnowledgeGraph::set_metrics, set_communities, set_layout), so a graph converted without
/// them costs 56 bytes a node less.
struct NodeStats {
    std::uint32_t in_degree = 0;
    std::uint32_t out_degree = 0;
    double weighted_degree = 0;
    double pagerank = 0;
    std::uint32_t component = 0;
    std::uint32_t component_size = 0;
    std::uint32_t core = 0;
    std::uint32_t community = 0;  ///< Louvain community (graph/communities.hpp)
    double x = 0;                 ///< layout position (graph/layout.hpp)
    double y = 0;
};

/// What an edge carries: its kind, how many times it occurred (weight), in how many distinct
/// articles (articles), and how many of its occurrences are suspect links (suspect). Twelve
/// bytes, so a graph of 500 M edges stays under 8 GB: `suspect` has 24 bits (the builder
/// refuses more than max_suspect suspect links behind one edge rather than wrap).
struct EdgeData {
    static constexpr std::uint32_t max_suspect = (1u << 24) - 1;

    EdgeData() : suspect(0), kind(EdgeKind::link) {}
    EdgeData(EdgeKind edge_kind, std::uint32_t edge_weight, std::uint32_t edge_articles,
             std::uint32_t suspect_links)
        : weight(edge_weight),
          articles(edge_articles),
          suspect(suspect_links & max_suspect),
          kind(edge_kind) {}

    std::uint32_t weight = 0;
    std::uint32_t articles = 0;
    std::uint32_t suspect : 24;  ///< occurrences whose link text cuts a word (see importers)
    EdgeKind kind : 8;
};
static_assert(sizeof(EdgeData) == 12, "EdgeData is packed into 12 bytes");

using CsrGraph =
    boost::compressed_sparse_row_graph<boost::directedS, NodeData, EdgeData, boost::no_property,
                                       std::uint32_t, std::uint32_t>;
using NodeId = std::uint32_t;

/// An immutable directed multigraph (at most one edge per source, target and kind).
class KnowledgeGraph {
public:
    KnowledgeGraph() = default;
    /// `strings` owns the bytes the nodes' views point into (shared by graphs cut from this one);
    /// empty when they point at storage that outlives the graph (string literals).
    explicit KnowledgeGraph(CsrGraph graph, std::shared_ptr<const void> strings = {});
    const std::shared_ptr<const void>& strings() const noexcept { return m_strings; }

    const CsrGraph& graph() const noexcept { return m_graph; }
    std::size_t node_count() const noexcept { return boost::num_vertices(m_graph); }
    std::size_t edge_count() const noexcept { return boost::num_edges(m_graph); }
    const NodeData& node(NodeId id) const { return m_graph[id]; }
    /// Metrics, community and position of `id` (all zero until set).
    const NodeStats& stats(NodeId id) const {
        static const NodeStats none;
        return m_stats.empty() ? none : m_stats[id];
    }

    std::size_t node_count(NodeKind kind) const noexcept {
        return m_nodes_by_kind[static_cast<std::size_t>(kind)];
    }
    std::size_t edge_count(EdgeKind kind) const noexcept {
        return m_edges_by_kind[static_cast<std::size_t>(kind)];
    }
    /// Sum of the weights of all edges of `kind`, i.e. the number of events behind them.
    std::uint64_t edge_weight(EdgeKind kind) const noexcept {
        return m_weight_by_kind[static_cast<std::size_t>(kind)];
    }
    /// True when some pair of nodes is joined by more than one edge (of different kinds):
    /// writers flag such a graph as a multigraph.
    bool has_parallel_edges() const noexcept { return m_parallel_edges; }

    /// Stores per-node metrics (sizes must equal node_count()); writers then write them.
    void set_metrics(const struct NodeMetrics& metrics);
    /// Stores a community per node (size must equal node_count()).
    void set_communities(const std::vector<std::uint32_t>& community);
    /// Stores a layout position per node (sizes must equal node_count()).
    void set_layout(const std::vector<double>& x, const std::vector<double>& y);
    bool has_layout() const noexcept { return m_has_layout; }
    bool has_metrics() const noexcept { return m_has_metrics; }

    /// Copies the stats of `from`'s node `from_id` to node `id` (for graphs cut from others).
    void copy_stats(const KnowledgeGraph& from, NodeId from_id, NodeId id);

private:
    NodeStats& writable_stats(NodeId id) {
        if (m_stats.empty()) m_stats.resize(node_count());
        return m_stats[id];
    }

    CsrGraph m_graph;
    std::vector<NodeStats> m_stats;
    std::shared_ptr<const void> m_strings;
    std::array<std::size_t, node_kind_count> m_nodes_by_kind{};
    std::array<std::size_t, edge_kind_count> m_edges_by_kind{};
    std::array<std::uint64_t, edge_kind_count> m_weight_by_kind{};
    bool m_parallel_edges = false;
    bool m_has_metrics = false;
    bool m_has_layout = false;
};

}  // namespace kg
