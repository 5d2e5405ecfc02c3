// GraphBuilder: interning and aggregation, then a sort into Boost's CSR layout.
#include "graph/graph_builder.hpp"

#include <algorithm>
#include <limits>
#include <tuple>
#include <utility>

#include "graph/error.hpp"

namespace kg {

NodeId GraphBuilder::add_node(std::string_view key, NodeKind kind, std::string_view lang) {
    // Looked up by view first: the common case (a known key) allocates nothing.
    const auto found = m_ids.find(key);
    if (found != m_ids.end()) {
        Node& node = m_nodes[found->second];
        if (kind > node.kind) node.kind = kind;
        if (node.lang.empty() && !lang.empty()) node.lang = std::string(lang);
        return found->second;
    }
    if (m_nodes.size() >= std::numeric_limits<NodeId>::max()) {
        throw Error("graph too large: more than 4,294,967,294 nodes");
    }
    const auto id = static_cast<NodeId>(m_nodes.size());
    const std::string& stored = m_keys.emplace_back(key);
    m_ids.emplace(std::string_view(stored), id);
    Node node;
    node.kind = kind;
    node.lang = std::string(lang);
    m_nodes.push_back(std::move(node));
    return id;
}

void GraphBuilder::add_surface(NodeId id, std::string_view surface, std::uint32_t count) {
    auto& surfaces = m_nodes.at(id).surfaces;
    for (auto& s : surfaces) {
        if (s.text == surface) {
            s.count += count;
            return;
        }
    }
    surfaces.push_back(Surface{std::string(surface), count});
}

void GraphBuilder::set_title(NodeId id, std::string_view title) {
    Node& node = m_nodes.at(id);
    // The first article to claim a key names it; later duplicates are reported by the caller.
    if (node.has_title) return;
    node.title = std::string(title);
    node.has_title = true;
}

void GraphBuilder::add_edge(NodeId source, NodeId target, EdgeKind kind, std::uint32_t count,
                            std::uint32_t article, std::uint32_t suspect) {
    auto [it, inserted] = m_edge_index.try_emplace(EdgeKey{source, target, kind}, 0);
    if (inserted) {
        it->second = static_cast<std::uint32_t>(m_edges.size());
        m_edges.push_back(Edge{source, target, kind, count, 1, article, suspect});
        return;
    }
    Edge& edge = m_edges[it->second];
    edge.weight += count;
    edge.suspect += suspect;
    if (edge.last_article != article) {
        ++edge.articles;
        edge.last_article = article;
    }
}

void GraphBuilder::add_article_edges(NodeId source, std::vector<ArticleEdge>& edges) {
    std::sort(edges.begin(), edges.end(), [](const ArticleEdge& a, const ArticleEdge& b) {
        return std::tie(a.target, a.kind) < std::tie(b.target, b.kind);
    });
    for (std::size_t i = 0; i < edges.size();) {
        std::size_t j = i;
        std::uint32_t suspect = 0;
        while (j < edges.size() && edges[j].target == edges[i].target &&
               edges[j].kind == edges[i].kind) {
            suspect += edges[j].suspect;
            ++j;
        }
        m_edges.push_back(Edge{source, edges[i].target, edges[i].kind,
                               static_cast<std::uint32_t>(j - i), 1, 0, suspect});
        i = j;
    }
}

void GraphBuilder::redirect(NodeId from, NodeId to, bool keep_node) {
    m_redirects.push_back(Redirect{from, to, keep_node});
}

void GraphBuilder::apply_redirects() {
    const auto n = static_cast<NodeId>(m_nodes.size());
    std::vector<NodeId> lands_on(n);
    std::vector<bool> dropped(n, false);
    for (NodeId v = 0; v < n; ++v) lands_on[v] = v;
    for (const Redirect& r : m_redirects) {
        lands_on[r.from] = r.to;
        if (!r.keep_node) dropped[r.from] = true;
    }
    // New ids: the nodes that stay, in their order.
    std::vector<NodeId> new_id(n, 0);
    NodeId next = 0;
    for (NodeId v = 0; v < n; ++v) {
        if (!dropped[v]) new_id[v] = next++;
    }
    for (Edge& e : m_edges) {
        if (e.kind != EdgeKind::redirect) {
            e.source = lands_on[e.source];
            e.target = lands_on[e.target];
        }
        e.source = new_id[e.source];
        e.target = new_id[e.target];
    }
    std::vector<Node> nodes;
    std::deque<std::string> keys;
    nodes.reserve(next);
    for (NodeId v = 0; v < n; ++v) {
        if (dropped[v]) continue;
        nodes.push_back(std::move(m_nodes[v]));
        keys.push_back(std::move(m_keys[v]));
    }
    m_nodes = std::move(nodes);
    m_keys = std::move(keys);
    m_redirects.clear();
}

void GraphBuilder::sort_and_merge_edges(bool redirected) {
    // Records that share (source, target, kind) add up: an article's link to a redirect and
    // to its target (after apply_redirects), or the edges of two files with one key. Edges
    // added through add_edge are unique already.
    std::sort(m_edges.begin(), m_edges.end(), [](const Edge& a, const Edge& b) {
        return std::tie(a.source, a.target, a.kind) < std::tie(b.source, b.target, b.kind);
    });
    std::size_t out = 0;
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        if (out > 0 && m_edges[out - 1].source == m_edges[i].source &&
            m_edges[out - 1].target == m_edges[i].target &&
            m_edges[out - 1].kind == m_edges[i].kind) {
            Edge& kept = m_edges[out - 1];
            kept.weight += m_edges[i].weight;
            kept.suspect += m_edges[i].suspect;
            // Two records of one edge: from a redirect and its target in one article (max:
            // the same article), or from two files sharing a key (their articles add).
            kept.articles = kept.kind == EdgeKind::cooccurrence || !redirected
                                ? kept.articles + m_edges[i].articles
                                : std::max(kept.articles, m_edges[i].articles);
        } else {
            m_edges[out++] = m_edges[i];
        }
    }
    m_edges.resize(out);
}

KnowledgeGraph GraphBuilder::freeze() {
    m_edge_index.clear();
    m_ids.clear();
    const bool redirected = !m_redirects.empty();
    if (redirected) apply_redirects();
    sort_and_merge_edges(redirected);
    std::vector<std::pair<NodeId, NodeId>> ends;
    std::vector<EdgeData> data;
    ends.reserve(m_edges.size());
    data.reserve(m_edges.size());
    for (const Edge& e : m_edges) {
        ends.emplace_back(e.source, e.target);
        data.push_back(EdgeData{e.kind, e.weight, e.articles, e.suspect});
    }
    m_edges.clear();
    m_edges.shrink_to_fit();

    const auto n = static_cast<NodeId>(m_nodes.size());
    CsrGraph csr(boost::edges_are_sorted, ends.begin(), ends.end(), data.begin(), n);
    for (NodeId v = 0; v < n; ++v) {
        Node& node = m_nodes[v];
        NodeData& out = csr[v];
        out.key = std::move(m_keys[v]);
        out.kind = node.kind;
        out.lang = std::move(node.lang);
        if (node.has_title) {
            out.label = std::move(node.title);
        } else if (!node.surfaces.empty()) {
            // Most frequent spelling; max_element keeps the first of equals (first seen).
            auto best = std::max_element(
                node.surfaces.begin(), node.surfaces.end(),
                [](const Surface& a, const Surface& b) { return a.count < b.count; });
            out.label = std::move(best->text);
        } else {
            out.label = out.key;
        }
    }
    m_nodes.clear();
    m_keys.clear();
    return KnowledgeGraph(std::move(csr));
}

}  // namespace kg
