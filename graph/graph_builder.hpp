// GraphBuilder: collects nodes and edge events from the document stream and freezes them into
// a KnowledgeGraph. Interns keys, keeps the best label per node, aggregates parallel events
// into one weighted edge per (source, target, kind). Called by the CLI in document order, so
// the result does not depend on how many threads extracted the documents.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace kg {

class GraphBuilder {
public:
    /// Returns the node for `key`, creating it on first sight. `kind` raises the node's kind
    /// when it has higher precedence (NodeKind order); `lang` is kept if none is set yet.
    /// Precondition: `key` is already normalized (the builder compares bytes).
    NodeId add_node(std::string_view key, NodeKind kind, std::string_view lang = {});

    /// Counts one occurrence of `surface` as a spelling of node `id`; the most frequent one
    /// (first seen on ties) becomes the label unless a title was set.
    void add_surface(NodeId id, std::string_view surface, std::uint32_t count = 1);

    /// Sets the label of `id` to an article title; it wins over every surface form.
    void set_title(NodeId id, std::string_view title);

    /// Adds `count` occurrences of the edge (source, target, kind), seen in article
    /// `article` (an id of the caller's choosing, used to count distinct articles).
    void add_edge(NodeId source, NodeId target, EdgeKind kind, std::uint32_t count,
                  std::uint32_t article, std::uint32_t suspect = 0);

    /// One article's edges at once: (target, kind) pairs with their counts, as one document
    /// gives them. Aggregated here without the global edge index (an article's own edges
    /// come only from its document), which saves a hash entry per edge; the same
    /// (source, target, kind) given again — a second file with the same key — adds up at
    /// freeze(). Precondition: `edges` may be reordered.
    struct ArticleEdge {
        NodeId target;
        EdgeKind kind;
        std::uint32_t suspect;
    };
    void add_article_edges(NodeId source, std::vector<ArticleEdge>& edges);

    /// At freeze(), every edge to or from `from` lands on `to` instead (parallel edges that
    /// then meet add up) and `from` leaves the graph, unless `keep_node` (its own `redirect`
    /// edges stay on it). For wiki redirects; the caller resolves chains: `to` is final.
    void redirect(NodeId from, NodeId to, bool keep_node = false);

    std::size_t node_count() const noexcept { return m_nodes.size(); }
    /// The key of node `id`. Precondition: `id` < node_count().
    const std::string& key(NodeId id) const { return m_keys[id]; }
    std::size_t edge_count() const noexcept { return m_edges.size(); }

    /// Builds the immutable graph; the builder is left empty.
    KnowledgeGraph freeze();

private:
    struct Surface {
        std::string text;
        std::uint32_t count = 0;
    };
    struct Node {
        std::string lang;
        std::string title;
        bool has_title = false;
        NodeKind kind = NodeKind::entity;
        std::vector<Surface> surfaces;
    };
    struct Edge {
        NodeId source = 0;
        NodeId target = 0;
        EdgeKind kind = EdgeKind::link;
        std::uint32_t weight = 0;
        std::uint32_t articles = 0;
        std::uint32_t last_article = 0;
        std::uint32_t suspect = 0;
    };
    struct EdgeKey {
        NodeId source;
        NodeId target;
        EdgeKind kind;
        bool operator==(const EdgeKey& other) const noexcept {
            return source == other.source && target == other.target && kind == other.kind;
        }
    };
    struct EdgeKeyHash {
        std::size_t operator()(const EdgeKey& k) const noexcept {
            std::uint64_t h = (std::uint64_t{k.source} << 32) ^ k.target;
            h = h * 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint64_t>(k.kind);
            return static_cast<std::size_t>(h ^ (h >> 29));
        }
    };

    void apply_redirects();
    void sort_and_merge_edges(bool redirected);

    struct Redirect {
        NodeId from;
        NodeId to;
        bool keep_node;
    };
    std::vector<Redirect> m_redirects;
    std::vector<Node> m_nodes;
    std::deque<std::string> m_keys;  // node keys by id; a deque never moves them, so the
                                     // views in m_ids stay valid
    std::unordered_map<std::string_view, NodeId> m_ids;
    std::vector<Edge> m_edges;
    std::unordered_map<EdgeKey, std::uint32_t, EdgeKeyHash> m_edge_index;
};

}  // namespace kg
