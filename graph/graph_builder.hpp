// GraphBuilder: collects nodes and edge events from the document stream and freezes them into
// a KnowledgeGraph. Interns keys, keeps the best label per node, aggregates parallel events
// into one weighted edge per (source, target, kind). Called by BuildPipeline in document order, so
// the result does not depend on how many threads extracted the documents.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/text_arena.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

class GraphBuilder {
public:
    /// Returns the node for `key`, creating it on first sight. `kind` raises the node's kind
    /// when it has higher precedence (NodeKind order); `lang` is kept if none is set yet.
    /// Precondition: `key` is already normalized (the builder compares bytes).
    NodeId add_node(std::string_view key, NodeKind kind, std::string_view lang = {});

    /// add_node() for many keys at once, in order (the same nodes, created in the same order):
    /// the memory each lookup needs is fetched for all of them before the first, so the cache
    /// misses of a large graph overlap instead of queueing. `id` is set in each request.
    struct NodeRequest {
        std::string_view key;
        NodeKind kind = NodeKind::entity;
        std::string_view lang;
        NodeId id = 0;
        std::size_t hash = 0;  // filled in by add_nodes
    };
    void add_nodes(std::vector<NodeRequest>& requests);

    /// Counts one occurrence of `surface` as a spelling of node `id`; the most frequent one
    /// (first seen on ties) becomes the label unless a title was set.
    void add_surface(NodeId id, std::string_view surface, std::uint32_t count = 1);

    /// Sets the label of `id` to an article title; it wins over every surface form. Returns
    /// false, and changes nothing, when `id` has a title already (a second article, one key).
    bool set_title(NodeId id, std::string_view title);

    /// Adds `count` occurrences of the edge (source, target, kind), seen in article
    /// `article` (an id of the caller's choosing, used to count distinct articles).
    void add_edge(NodeId source, NodeId target, EdgeKind kind, std::uint32_t count,
                  std::uint32_t article, std::uint32_t suspect = 0);

    /// add_edge() for an edge whose direction means nothing (co-occurrence): (a, b) and
    /// (b, a) are one edge, and it goes from the node with the smaller key (byte order) to the
    /// other. That order is settled once per edge, at freeze(), not on every call; it applies
    /// to every edge of `kind`, so a kind is added through this or through add_edge(), not both.
    void add_undirected_edge(NodeId a, NodeId b, EdgeKind kind, std::uint32_t count,
                             std::uint32_t article) {
        m_undirected_kinds |= 1U << static_cast<unsigned>(kind);
        add_edge(std::min(a, b), std::max(a, b), kind, count, article);
    }

    /// One article's edges at once: (target, kind) pairs with their counts, as one document
    /// gives them. Aggregated here without the global edge index (an article's own edges
    /// come only from its document) and kept in 16 bytes an edge, in document order; the same
    /// (source, target, kind) given again — a second file with the same key — adds up at
    /// freeze(). Call it once per article, also with no edges: articles come first in the
    /// frozen graph, in the order of these calls. Precondition: `edges` may be reordered.
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
    std::string_view key(NodeId id) const { return m_nodes[id].key; }
    /// The node of `key`, or no_node when there is none (creates nothing).
    NodeId find(std::string_view key) const;
    /// Edge records held (before parallel records of one edge meet at freeze()).
    std::size_t edge_count() const noexcept { return m_edges.size() + m_stored; }

    /// Builds the immutable graph; the builder is left empty. Node ids change: the sources of
    /// add_article_edges() come first, in call order, then the other nodes in id order
    /// (redirected nodes leave). `frozen_id`, when given, receives each builder id's node in
    /// the graph (no_node for one that left). Article edges are read in document order and
    /// their storage freed as they go into the graph, so the peak is about one copy of them.
    static constexpr NodeId no_node = 0xFFFFFFFFu;
    KnowledgeGraph freeze(std::vector<NodeId>* frozen_id = nullptr);

private:
    /// A spelling of a node and how often it was seen; a node's spellings are a list in
    /// m_surfaces, in order of first sight.
    struct Surface {
        std::string_view text;
        std::uint32_t count = 0;
        std::uint32_t next = no_node;
    };
    /// 48 bytes a node plus its bytes in the arena (the key once; a title equal to the key
    /// costs nothing more). The spelling equal to the key, the most common one, is counted
    /// here rather than in the list: `key_count` times, first seen after `key_rank` other
    /// spellings (65,535 at most: ties among more spellings than that may go the wrong way).
    struct Node {
        std::string_view key;
        std::string_view title;
        std::uint32_t first_surface = no_node;
        std::uint32_t key_count = 0;
        std::uint16_t key_rank = 0;
        std::uint16_t lang = 0;  // index into m_langs; 0 is "unknown"
        NodeKind kind = NodeKind::entity;
        bool has_title = false;
        bool has_batch = false;  // add_article_edges() was called for it
    };
    std::string_view keep(std::string_view text, const Node& node) {
        return text == node.key ? node.key : m_arena->add(text);
    }
    std::uint16_t lang_index(std::string_view lang);
    /// Open addressing over node ids (id no_node = empty), ≤ 70 % full; each slot keeps 32 bits
    /// of its key's hash, so a probe touches a node only when they match.
    struct Slot {
        NodeId id = no_node;
        std::uint32_t hash = 0;
    };
    std::size_t slot_of(std::string_view key, std::size_t hash) const;
    NodeId add_hashed(std::string_view key, std::size_t hash, NodeKind kind, std::string_view lang);
    void grow_slots();

    struct Edge {
        NodeId source = 0;
        NodeId target = 0;
        EdgeKind kind = EdgeKind::link;
        std::uint32_t weight = 0;
        std::uint32_t articles = 0;
        std::uint32_t last_article = 0;
        std::uint32_t suspect = 0;
    };
    /// Open addressing over the edges add_edge() made (their index in m_edges + 1; 0 =
    /// empty), at most half full; each slot keeps 32 bits of its key's hash, so a probe
    /// touches an edge only when they match.
    struct EdgeSlot {
        std::uint32_t edge = 0;
        std::uint32_t hash = 0;
    };
    static std::uint64_t edge_hash(NodeId source, NodeId target, EdgeKind kind) {
        std::uint64_t h = (std::uint64_t{source} << 32 | target) * 0x9E3779B97F4A7C15ULL;
        h ^= static_cast<std::uint64_t>(kind) + (h >> 29);
        return h * 0xBF58476D1CE4E5B9ULL;
    }
    void grow_edge_index();

    /// An article edge as stored until freeze(): one document's aggregate.
    struct StoredEdge {
        NodeId target;
        EdgeData data;
    };
    /// One add_article_edges() call: its source and how many StoredEdges follow.
    struct Batch {
        NodeId source;
        std::uint32_t count;
    };
    struct FreeMemory {
        void operator()(StoredEdge* p) const noexcept { std::free(p); }
    };
    /// Article edges in chunks of raw memory (untouched capacity costs no RSS), growing to 32 MB
    /// each, so freeze() can return each chunk to the system once it is in the graph.
    struct Chunk {
        std::unique_ptr<StoredEdge, FreeMemory> data;
        std::uint32_t capacity = 0;
        std::uint32_t size = 0;
    };
    /// Reads the stored article edges once, in document order; `release` frees each chunk
    /// once passed.
    class ChunkCursor {
    public:
        ChunkCursor(std::vector<Chunk>& chunks, bool release)
            : m_chunks(chunks), m_release(release) {}
        const StoredEdge& next() {
            while (m_offset == m_chunks[m_chunk].size) {
                if (m_release) m_chunks[m_chunk].data.reset();  // back to the system
                ++m_chunk;
                m_offset = 0;
            }
            return m_chunks[m_chunk].data.get()[m_offset++];
        }

    private:
        std::vector<Chunk>& m_chunks;
        bool m_release;
        std::size_t m_chunk = 0;
        std::uint32_t m_offset = 0;
    };
    class RowStream;

    void store(const StoredEdge& edge);

    struct Redirect {
        NodeId from;
        NodeId to;
        bool keep_node;
    };
    std::vector<Redirect> m_redirects;
    std::deque<Node> m_nodes;        // a deque grows without copying what it holds
    std::deque<Surface> m_surfaces;  // a deque: no doubling, no copy as it grows
    std::vector<Slot> m_slots;
    std::vector<std::string_view> m_langs{std::string_view()};  // views into m_arena
    std::unordered_map<std::string_view, std::uint16_t> m_lang_ids;
    std::shared_ptr<TextArena> m_arena = std::make_shared<TextArena>();  // keys, titles, surfaces
    std::vector<Chunk> m_chunks;
    std::vector<Batch> m_batches;
    std::uint64_t m_stored = 0;  // StoredEdges in m_chunks
    std::vector<Edge> m_edges;   // edges from add_edge() and repeated article batches
    std::vector<EdgeSlot> m_edge_slots;
    std::size_t m_indexed_edges = 0;
    std::uint32_t m_undirected_kinds = 0;  // bit by EdgeKind: add_undirected_edge() kinds
};

}  // namespace kg
