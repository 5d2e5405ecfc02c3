// GraphBuilder: interning and aggregation, then a sort into Boost's CSR layout.
#include "graph/graph_builder.hpp"

#include <algorithm>
#include <iterator>
#include <limits>
#include <new>
#include <tuple>
#include <utility>

#include "base/error.hpp"

namespace kg {

std::uint16_t GraphBuilder::lang_index(std::string_view lang) {
    if (lang.empty()) return 0;
    const auto found = m_lang_ids.find(lang);
    if (found != m_lang_ids.end()) return found->second;
    if (m_langs.size() > std::numeric_limits<std::uint16_t>::max()) {
        throw Error("more than 65,535 distinct language codes");
    }
    const auto index = static_cast<std::uint16_t>(m_langs.size());
    m_langs.push_back(m_arena->add(lang));
    m_lang_ids.emplace(m_langs.back(), index);
    return index;
}

std::size_t GraphBuilder::slot_of(std::string_view key, std::size_t hash) const {
    const std::size_t mask = m_slots.size() - 1;
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& slot = m_slots[i];
        if (slot.id == no_node || (slot.hash == tag && m_nodes[slot.id].key == key)) return i;
    }
}

void GraphBuilder::grow_slots() {
    std::vector<Slot> slots(std::max<std::size_t>(1024, m_slots.size() * 2));
    m_slots.swap(slots);
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot& old : slots) {
        if (old.id == no_node) continue;
        // The full hash is not kept: rehash the key (keys are distinct, so no comparison).
        const std::size_t hash = std::hash<std::string_view>()(m_nodes[old.id].key);
        std::size_t i = hash & mask;
        while (m_slots[i].id != no_node) i = (i + 1) & mask;
        m_slots[i] = Slot{old.id, static_cast<std::uint32_t>(hash >> 32)};
    }
}

NodeId GraphBuilder::find(std::string_view key) const {
    if (m_slots.empty()) return no_node;
    return m_slots[slot_of(key, std::hash<std::string_view>()(key))].id;
}

NodeId GraphBuilder::add_node(std::string_view key, NodeKind kind, std::string_view lang) {
    return add_hashed(key, std::hash<std::string_view>()(key), kind, lang);
}

void GraphBuilder::add_nodes(std::vector<NodeRequest>& requests) {
    if (m_slots.empty()) grow_slots();
    const std::size_t mask = m_slots.size() - 1;
    // Three passes of prefetches, each needing what the one before brought in: the key's first
    // slot, the node it names when the tag matches, that node's key bytes.
    for (NodeRequest& r : requests) {
        r.hash = std::hash<std::string_view>()(r.key);
        __builtin_prefetch(&m_slots[r.hash & mask]);
    }
    // The node the key's first slot names, if its tag matches (a likely hit), else no_node.
    auto likely_node = [&](const NodeRequest& r) {
        const Slot& slot = m_slots[r.hash & mask];
        return slot.hash == static_cast<std::uint32_t>(r.hash >> 32) ? slot.id : no_node;
    };
    for (const NodeRequest& r : requests) {
        if (const NodeId id = likely_node(r); id != no_node) __builtin_prefetch(&m_nodes[id]);
    }
    for (const NodeRequest& r : requests) {
        if (const NodeId id = likely_node(r); id != no_node) {
            __builtin_prefetch(m_nodes[id].key.data());
        }
    }
    for (NodeRequest& r : requests) r.id = add_hashed(r.key, r.hash, r.kind, r.lang);
}

NodeId GraphBuilder::add_hashed(std::string_view key, std::size_t hash, NodeKind kind,
                                std::string_view lang) {
    if (m_slots.empty()) grow_slots();
    std::size_t slot = slot_of(key, hash);
    if (m_slots[slot].id != no_node) {
        // A known key: the common case allocates nothing.
        const NodeId id = m_slots[slot].id;
        Node& node = m_nodes[id];
        if (kind > node.kind) node.kind = kind;
        if (node.lang == 0 && !lang.empty()) node.lang = lang_index(lang);
        return id;
    }
    if (m_nodes.size() >= std::numeric_limits<NodeId>::max() - 1) {
        throw Error("graph too large: more than 4,294,967,293 nodes");
    }
    if ((m_nodes.size() + 1) * 10 > m_slots.size() * 7) {
        grow_slots();
        slot = slot_of(key, hash);
    }
    const auto id = static_cast<NodeId>(m_nodes.size());
    Node node;
    node.key = m_arena->add(key);
    node.kind = kind;
    node.lang = lang_index(lang);
    m_nodes.push_back(node);
    m_slots[slot] = Slot{id, static_cast<std::uint32_t>(hash >> 32)};
    return id;
}

void GraphBuilder::add_surface(NodeId id, std::string_view surface, std::uint32_t count) {
    Node& node = m_nodes.at(id);
    if (node.has_title) return;  // the title is the label: spellings no longer matter
    std::uint32_t* link = &node.first_surface;
    if (surface == node.key) {
        if (node.key_count == 0) {
            std::uint32_t before = 0;
            for (std::uint32_t i = node.first_surface; i != no_node; i = m_surfaces[i].next) {
                ++before;
            }
            node.key_rank = static_cast<std::uint16_t>(std::min<std::uint32_t>(before, 65535));
        }
        node.key_count += count;
        return;
    }
    while (*link != no_node) {
        Surface& s = m_surfaces[*link];
        if (s.text == surface) {
            s.count += count;
            return;
        }
        link = &s.next;
    }
    if (m_surfaces.size() >= no_node) throw Error("more than 4,294,967,294 surface forms");
    *link = static_cast<std::uint32_t>(m_surfaces.size());
    m_surfaces.push_back(Surface{keep(surface, node), count, no_node});
}

bool GraphBuilder::set_title(NodeId id, std::string_view title) {
    Node& node = m_nodes.at(id);
    // The first article to claim a key names it; later duplicates are reported by the caller.
    if (node.has_title) return false;
    node.title = keep(title, node);
    node.has_title = true;
    return true;
}

void GraphBuilder::add_edge(NodeId source, NodeId target, EdgeKind kind, std::uint32_t count,
                            std::uint32_t article, std::uint32_t suspect) {
    if ((m_indexed_edges + 1) * 2 > m_edge_slots.size()) grow_edge_index();
    const std::uint64_t h = edge_hash(source, target, kind);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    const std::size_t mask = m_edge_slots.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
        EdgeSlot& slot = m_edge_slots[i];
        if (slot.edge == 0) {
            m_edges.push_back(Edge{source, target, kind, count, 1, article, suspect});
            slot.edge = static_cast<std::uint32_t>(m_edges.size());
            slot.hash = tag;
            ++m_indexed_edges;
            return;
        }
        if (slot.hash != tag) continue;
        Edge& edge = m_edges[slot.edge - 1];
        if (edge.source != source || edge.target != target || edge.kind != kind) continue;
        edge.weight += count;
        edge.suspect += suspect;
        if (edge.last_article != article) {
            ++edge.articles;
            edge.last_article = article;
        }
        return;
    }
}

void GraphBuilder::grow_edge_index() {
    std::vector<EdgeSlot> old = std::move(m_edge_slots);
    m_edge_slots.assign(std::max<std::size_t>(1024, old.size() * 2), EdgeSlot{});
    const std::size_t mask = m_edge_slots.size() - 1;
    for (const EdgeSlot& slot : old) {
        if (slot.edge == 0) continue;
        const Edge& e = m_edges[slot.edge - 1];
        std::size_t i = static_cast<std::size_t>(edge_hash(e.source, e.target, e.kind)) & mask;
        while (m_edge_slots[i].edge != 0) i = (i + 1) & mask;
        m_edge_slots[i] = slot;
    }
}

void GraphBuilder::add_article_edges(NodeId source, std::vector<ArticleEdge>& edges) {
    std::sort(edges.begin(), edges.end(), [](const ArticleEdge& a, const ArticleEdge& b) {
        return std::tie(a.target, a.kind) < std::tie(b.target, b.kind);
    });
    Node& node = m_nodes.at(source);
    // A second document with this key: its edges join the others at freeze() as records.
    const bool repeated = node.has_batch;
    node.has_batch = true;
    std::uint32_t count = 0;
    for (std::size_t i = 0; i < edges.size();) {
        std::size_t j = i;
        std::uint32_t suspect = 0;
        while (j < edges.size() && edges[j].target == edges[i].target &&
               edges[j].kind == edges[i].kind) {
            suspect += edges[j].suspect;
            ++j;
        }
        const auto weight = static_cast<std::uint32_t>(j - i);
        if (repeated) {
            m_edges.push_back(Edge{source, edges[i].target, edges[i].kind, weight, 1, 0, suspect});
        } else {
            if (suspect > EdgeData::max_suspect) {
                throw Error("more than 16,777,215 suspect links from '" +
                            std::string(m_nodes[source].key) + "' to '" +
                            std::string(m_nodes[edges[i].target].key) + "'");
            }
            store(StoredEdge{edges[i].target, EdgeData(edges[i].kind, weight, 1, suspect)});
            ++count;
        }
        i = j;
    }
    if (!repeated) m_batches.push_back(Batch{source, count});
}

void GraphBuilder::store(const StoredEdge& edge) {
    if (m_chunks.empty() || m_chunks.back().size == m_chunks.back().capacity) {
        // 4,096 edges first, doubling to 2 M (32 MB): small graphs stay small, and chunks of
        // 32 MB are above glibc's largest mmap threshold, so freeing one unmaps it.
        constexpr std::uint32_t first = 4096;
        constexpr std::uint32_t largest = 1u << 21;
        const std::uint32_t capacity =
            m_chunks.empty() ? first : std::min(largest, m_chunks.back().capacity * 2);
        void* memory = std::malloc(std::size_t{capacity} * sizeof(StoredEdge));
        if (memory == nullptr) throw std::bad_alloc();
        m_chunks.push_back(
            Chunk{std::unique_ptr<StoredEdge, FreeMemory>(static_cast<StoredEdge*>(memory)),
                  capacity, 0});
    }
    Chunk& chunk = m_chunks.back();
    chunk.data.get()[chunk.size++] = edge;
    ++m_stored;
}

void GraphBuilder::redirect(NodeId from, NodeId to, bool keep_node) {
    m_redirects.push_back(Redirect{from, to, keep_node});
}

/// Yields the frozen graph's edges in CSR order, one row (source) at a time, for Boost's
/// sorted-edges constructor: a row is its article batch (read once, in document order, each
/// chunk freed when passed) plus its records from m_edges (sorted by new source), mapped to new
/// ids, sorted by (target, kind), with parallel records added up.
class GraphBuilder::RowStream {
public:
    RowStream(std::vector<Chunk>& chunks, const std::vector<Batch>& batches,
              const std::vector<Edge>& records, const std::vector<NodeId>& final_target,
              std::size_t batch_rows, NodeId rows, bool redirected)
        : m_cursor(chunks, true),
          m_batches(batches),
          m_records(records),
          m_final_target(final_target),
          m_batch_rows(batch_rows),
          m_rows(rows),
          m_redirected(redirected) {
        advance();
    }

    bool at_end() const noexcept { return m_at_end; }
    const std::pair<NodeId, NodeId>& ends() const noexcept { return m_ends; }
    const EdgeData& data() const noexcept { return m_data; }

    void advance() {
        while (m_next_in_row == m_row.size()) {
            if (m_row_index == m_rows) {
                m_at_end = true;
                return;
            }
            fill_row(m_row_index++);
        }
        const Merged& e = m_row[m_next_in_row++];
        if (e.suspect > EdgeData::max_suspect) {
            throw Error("more than 16,777,215 suspect links behind one edge");
        }
        m_ends = {m_row_index - 1, e.target};
        m_data = EdgeData(e.kind, e.weight, e.articles, e.suspect);
    }

private:
    struct Merged {
        NodeId target;
        EdgeKind kind;
        std::uint32_t weight;
        std::uint32_t articles;
        std::uint32_t suspect;
    };

    void fill_row(NodeId row) {
        m_row.clear();
        m_next_in_row = 0;
        if (row < m_batch_rows) {
            // Batches whose source left the graph (redirected) were moved to the records and
            // give no row; skip their stored edges.
            while (true) {
                const Batch& batch = m_batches[m_batch++];
                const bool gives_row = batch.source != no_node;
                for (std::uint32_t i = 0; i < batch.count; ++i) {
                    const StoredEdge& s = m_cursor.next();
                    if (gives_row) {
                        m_row.push_back(Merged{m_final_target[s.target], s.data.kind, s.data.weight,
                                               s.data.articles, s.data.suspect});
                    }
                }
                if (gives_row) break;
            }
        }
        for (; m_record < m_records.size() && m_records[m_record].source == row; ++m_record) {
            const Edge& e = m_records[m_record];
            m_row.push_back(Merged{e.target, e.kind, e.weight, e.articles, e.suspect});
        }
        std::sort(m_row.begin(), m_row.end(), [](const Merged& a, const Merged& b) {
            return std::tie(a.target, a.kind) < std::tie(b.target, b.kind);
        });
        std::size_t out = 0;
        for (std::size_t i = 0; i < m_row.size(); ++i) {
            if (out > 0 && m_row[out - 1].target == m_row[i].target &&
                m_row[out - 1].kind == m_row[i].kind) {
                Merged& kept = m_row[out - 1];
                kept.weight += m_row[i].weight;
                kept.suspect += m_row[i].suspect;
                // Two records of one edge: from a redirect and its target in one article (max:
                // the same article), or from two files sharing a key (their articles add).
                kept.articles = kept.kind == EdgeKind::cooccurrence || !m_redirected
                                    ? kept.articles + m_row[i].articles
                                    : std::max(kept.articles, m_row[i].articles);
            } else {
                m_row[out++] = m_row[i];
            }
        }
        m_row.resize(out);
    }

    ChunkCursor m_cursor;  // frees each chunk once it is in the graph
    const std::vector<Batch>& m_batches;
    const std::vector<Edge>& m_records;
    const std::vector<NodeId>& m_final_target;
    std::size_t m_batch_rows;
    NodeId m_rows;
    bool m_redirected;
    std::size_t m_batch = 0;
    std::size_t m_record = 0;
    NodeId m_row_index = 0;
    std::vector<Merged> m_row;
    std::size_t m_next_in_row = 0;
    bool m_at_end = false;
    std::pair<NodeId, NodeId> m_ends;
    EdgeData m_data;
};

namespace {

/// Input iterators over a RowStream for Boost's constructor: `ends` advances the stream, `data`
/// reads the edge it stands on (Boost steps both once per edge).
template <typename Stream>
class StreamEnds {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = std::pair<NodeId, NodeId>;
    using difference_type = std::ptrdiff_t;
    using pointer = const value_type*;
    using reference = const value_type&;

    explicit StreamEnds(Stream* stream = nullptr) : m_stream(stream) {}
    reference operator*() const { return m_stream->ends(); }
    pointer operator->() const { return &m_stream->ends(); }
    StreamEnds& operator++() {
        m_stream->advance();
        return *this;
    }
    bool operator==(const StreamEnds& other) const { return done() == other.done(); }
    bool operator!=(const StreamEnds& other) const { return !(*this == other); }

private:
    bool done() const { return m_stream == nullptr || m_stream->at_end(); }
    Stream* m_stream;
};

template <typename Stream>
class StreamData {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = EdgeData;
    using difference_type = std::ptrdiff_t;
    using pointer = const EdgeData*;
    using reference = const EdgeData&;

    explicit StreamData(Stream* stream) : m_stream(stream) {}
    reference operator*() const { return m_stream->data(); }
    StreamData& operator++() { return *this; }

private:
    Stream* m_stream;
};

}  // namespace

KnowledgeGraph GraphBuilder::freeze(std::vector<NodeId>* frozen_id) {
    m_edge_slots.clear();
    m_edge_slots.shrink_to_fit();
    m_indexed_edges = 0;
    // Undirected edges go from the smaller key to the larger.
    for (Edge& e : m_edges) {
        if ((m_undirected_kinds >> static_cast<unsigned>(e.kind)) & 1U &&
            key(e.target) < key(e.source))
            std::swap(e.source, e.target);
    }
    m_slots.clear();
    m_slots.shrink_to_fit();
    const auto n = static_cast<NodeId>(m_nodes.size());
    const bool redirected = !m_redirects.empty();

    // Where each node's edges land (a redirect's on its target) and which nodes leave.
    std::vector<NodeId> lands_on;
    std::vector<bool> dropped(n, false);
    if (redirected) {
        lands_on.resize(n);
        for (NodeId v = 0; v < n; ++v) lands_on[v] = v;
        for (const Redirect& r : m_redirects) {
            lands_on[r.from] = r.to;
            if (!r.keep_node) dropped[r.from] = true;
        }
        m_redirects.clear();
        m_redirects.shrink_to_fit();
        // A batch whose source leaves: its edges become records of the redirect's target.
        ChunkCursor cursor(m_chunks, false);
        for (Batch& batch : m_batches) {
            for (std::uint32_t i = 0; i < batch.count; ++i) {
                const StoredEdge& s = cursor.next();
                if (dropped[batch.source]) {
                    m_edges.push_back(Edge{batch.source, s.target, s.data.kind, s.data.weight,
                                           s.data.articles, 0, s.data.suspect});
                }
            }
            if (dropped[batch.source]) batch.source = no_node;
        }
    }

    // New ids: the articles in batch order, then the other nodes that stay.
    std::vector<NodeId> new_id(n, no_node);
    NodeId next = 0;
    for (const Batch& batch : m_batches) {
        if (batch.source != no_node) new_id[batch.source] = next++;
    }
    const std::size_t batch_rows = next;
    for (NodeId v = 0; v < n; ++v) {
        if (!dropped[v] && new_id[v] == no_node) new_id[v] = next++;
    }
    dropped.clear();
    dropped.shrink_to_fit();
    // The node an edge to v ends on: v's redirect target, if any, renumbered.
    std::vector<NodeId> final_target(n);
    for (NodeId v = 0; v < n; ++v) final_target[v] = new_id[redirected ? lands_on[v] : v];
    for (Edge& e : m_edges) {
        if (e.kind == EdgeKind::redirect) {
            e.source = new_id[e.source];
            e.target = new_id[e.target];
        } else {
            e.source = final_target[e.source];
            e.target = final_target[e.target];
        }
    }
    lands_on.clear();
    lands_on.shrink_to_fit();
    std::sort(m_edges.begin(), m_edges.end(), [](const Edge& a, const Edge& b) {
        return std::tie(a.source, a.target, a.kind) < std::tie(b.source, b.target, b.kind);
    });

    // Boost reserves the (pre-merge) count; the capacity beyond the merged edges is never
    // touched, so it costs address space, not memory.
    const std::uint64_t records = m_stored + m_edges.size();
    if (records > std::numeric_limits<std::uint32_t>::max()) {
        throw Error("graph too large: more than 4,294,967,295 edges");
    }
    CsrGraph csr = [&] {
        RowStream stream(m_chunks, m_batches, m_edges, final_target, batch_rows, next, redirected);
        return CsrGraph(boost::edges_are_sorted, StreamEnds<RowStream>(&stream),
                        StreamEnds<RowStream>(), StreamData<RowStream>(&stream), next,
                        static_cast<std::uint32_t>(records));
    }();
    m_chunks.clear();
    m_batches.clear();
    m_batches.shrink_to_fit();
    m_edges.clear();
    m_edges.shrink_to_fit();
    m_stored = 0;
    final_target.clear();
    final_target.shrink_to_fit();

    for (NodeId v = 0; v < n; ++v) {
        if (new_id[v] == no_node) continue;
        const Node& node = m_nodes[v];
        NodeData& out = csr[new_id[v]];
        out.key = node.key;
        out.kind = node.kind;
        out.lang = m_langs[node.lang];
        if (node.has_title) {
            out.label = node.title;
        } else {
            // Most frequent spelling; the first of equals (first seen) wins. The key's own
            // spelling takes its place in the order of first sight.
            std::string_view best = node.key;
            std::uint32_t best_count = 0;
            std::uint32_t position = 0;
            for (std::uint32_t i = node.first_surface;; i = m_surfaces[i].next, ++position) {
                if (node.key_count > best_count && position == node.key_rank) {
                    best = node.key;
                    best_count = node.key_count;
                }
                if (i == no_node) break;
                if (m_surfaces[i].count > best_count) {
                    best = m_surfaces[i].text;
                    best_count = m_surfaces[i].count;
                }
            }
            out.label = best;
        }
    }
    m_nodes.clear();
    m_surfaces = {};
    m_langs.resize(1);
    m_lang_ids.clear();
    if (frozen_id != nullptr) *frozen_id = std::move(new_id);
    std::shared_ptr<const void> strings = std::move(m_arena);
    m_arena = std::make_shared<TextArena>();
    return KnowledgeGraph(std::move(csr), std::move(strings));
}

}  // namespace kg
