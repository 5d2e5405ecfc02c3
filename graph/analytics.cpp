// Node metrics on the CSR graph. Weakly connected components with Boost's disjoint sets;
// k-cores with the bucket algorithm of Batagelj and Zaversnik (2003); PageRank by power
// iteration (Boost's page_rank has no edge weights).
#include "graph/analytics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <boost/pending/disjoint_sets.hpp>
#include <boost/property_map/property_map.hpp>

namespace kg {

std::vector<double> pagerank(const KnowledgeGraph& graph, const PageRankOptions& options,
                             std::uint32_t* iterations, bool* converged) {
    const CsrGraph& g = graph.graph();
    const std::size_t n = graph.node_count();
    std::vector<double> rank(n, n > 0 ? 1.0 / static_cast<double>(n) : 0.0);
    if (n == 0) return rank;
    std::vector<double> out_weight(n, 0.0);
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        out_weight[boost::source(e, g)] += g[e].weight;
    }
    const double uniform = 1.0 / static_cast<double>(n);
    std::vector<double> next(n);
    std::uint32_t it = 0;
    bool done = false;
    while (it < options.max_iterations && !done) {
        ++it;
        double dangling = 0.0;
        for (std::size_t v = 0; v < n; ++v) {
            if (out_weight[v] == 0.0) dangling += rank[v];
        }
        const double base =
            options.damping * dangling * uniform + (1.0 - options.damping) * uniform;
        std::fill(next.begin(), next.end(), base);
        for (std::size_t v = 0; v < n; ++v) {
            if (out_weight[v] == 0.0) continue;
            const double share = options.damping * rank[v] / out_weight[v];
            for (auto e : boost::make_iterator_range(boost::out_edges(static_cast<NodeId>(v), g))) {
                next[boost::target(e, g)] += share * g[e].weight;
            }
        }
        double change = 0.0;
        for (std::size_t v = 0; v < n; ++v) change += std::abs(next[v] - rank[v]);
        rank.swap(next);
        done = change < static_cast<double>(n) * options.tolerance;
    }
    if (iterations != nullptr) *iterations = it;
    if (converged != nullptr) *converged = done;
    return rank;
}

namespace {

void weak_components(const CsrGraph& g, std::size_t n, NodeMetrics& m) {
    std::vector<std::size_t> rank(n), parent(n);
    // Property maps over vectors (raw pointers are not found by the lookup inside Boost when
    // the CSR headers are in scope).
    auto rank_map = boost::make_iterator_property_map(rank.begin(), boost::identity_property_map());
    auto parent_map =
        boost::make_iterator_property_map(parent.begin(), boost::identity_property_map());
    boost::disjoint_sets<decltype(rank_map), decltype(parent_map)> sets(rank_map, parent_map);
    for (std::size_t v = 0; v < n; ++v) sets.make_set(v);
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        sets.union_set(std::size_t{boost::source(e, g)}, std::size_t{boost::target(e, g)});
    }
    // Number components by their first node, so numbering follows node order.
    std::vector<std::uint32_t> number_of_root(n, UINT32_MAX);
    m.component.assign(n, 0);
    std::uint32_t next = 0;
    std::vector<std::uint32_t> sizes;
    for (std::size_t v = 0; v < n; ++v) {
        const std::size_t root = sets.find_set(v);
        if (number_of_root[root] == UINT32_MAX) {
            number_of_root[root] = next++;
            sizes.push_back(0);
        }
        m.component[v] = number_of_root[root];
        ++sizes[m.component[v]];
    }
    m.component_size.resize(n);
    for (std::size_t v = 0; v < n; ++v) m.component_size[v] = sizes[m.component[v]];
}

void core_numbers(const CsrGraph& g, std::size_t n, NodeMetrics& m) {
    // Undirected simple neighbour lists.
    std::vector<std::vector<NodeId>> neighbours(n);
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        const NodeId s = boost::source(e, g);
        const NodeId t = boost::target(e, g);
        if (s == t) continue;
        neighbours[s].push_back(t);
        neighbours[t].push_back(s);
    }
    std::vector<std::uint32_t> degree(n);
    std::uint32_t max_degree = 0;
    for (std::size_t v = 0; v < n; ++v) {
        auto& list = neighbours[v];
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        degree[v] = static_cast<std::uint32_t>(list.size());
        max_degree = std::max(max_degree, degree[v]);
    }
    // Bucket sort by degree, then peel (Batagelj & Zaversnik).
    std::vector<std::uint32_t> bin(max_degree + 1, 0);
    for (auto d : degree) ++bin[d];
    std::uint32_t start = 0;
    for (auto& b : bin) {
        const std::uint32_t count = b;
        b = start;
        start += count;
    }
    std::vector<std::uint32_t> position(n), order(n);
    for (std::size_t v = 0; v < n; ++v) {
        position[v] = bin[degree[v]]++;
        order[position[v]] = static_cast<std::uint32_t>(v);
    }
    for (std::uint32_t d = max_degree; d > 0; --d) bin[d] = bin[d - 1];
    if (!bin.empty()) bin[0] = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t v = order[i];
        for (NodeId u : neighbours[v]) {
            if (degree[u] > degree[v]) {
                const std::uint32_t du = degree[u];
                const std::uint32_t pu = position[u];
                const std::uint32_t pw = bin[du];
                const std::uint32_t w = order[pw];
                if (u != w) {
                    position[u] = pw;
                    order[pu] = w;
                    position[w] = pu;
                    order[pw] = u;
                }
                ++bin[du];
                --degree[u];
            }
        }
    }
    m.core = std::move(degree);
}

}  // namespace

void KnowledgeGraph::set_metrics(const NodeMetrics& m) {
    for (auto v : boost::make_iterator_range(boost::vertices(m_graph))) {
        NodeStats& d = writable_stats(v);
        d.in_degree = m.in_degree[v];
        d.out_degree = m.out_degree[v];
        d.weighted_degree = m.weighted_degree[v];
        d.pagerank = m.pagerank[v];
        d.component = m.component[v];
        d.component_size = m.component_size[v];
        d.core = m.core[v];
    }
    m_has_metrics = true;
}

NodeMetrics compute_metrics(const KnowledgeGraph& graph, const PageRankOptions& options) {
    const CsrGraph& g = graph.graph();
    const std::size_t n = graph.node_count();
    NodeMetrics m;
    m.in_degree.assign(n, 0);
    m.out_degree.assign(n, 0);
    m.weighted_degree.assign(n, 0.0);
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        const NodeId s = boost::source(e, g);
        const NodeId t = boost::target(e, g);
        ++m.out_degree[s];
        ++m.in_degree[t];
        m.weighted_degree[s] += g[e].weight;
        m.weighted_degree[t] += g[e].weight;
    }
    m.pagerank = pagerank(graph, options, &m.pagerank_iterations, &m.pagerank_converged);
    weak_components(g, n, m);
    core_numbers(g, n, m);
    return m;
}

}  // namespace kg
