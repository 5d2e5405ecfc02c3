// Louvain: local moving of nodes between neighbouring communities while modularity grows,
// then aggregation of each community into one node, repeated until nothing moves.
#include "graph/communities.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "base/split_mix64.hpp"

namespace kg {
namespace {

// Undirected weighted adjacency. A self-loop of weight w is stored as 2w on the diagonal, so
// that a node's degree is the sum of its row and the total weight m is half the sum of all.
struct Adjacency {
    std::vector<std::vector<std::pair<std::uint32_t, double>>> rows;
    std::vector<double> degree;
    double total = 0.0;  // m

    explicit Adjacency(std::size_t n) : rows(n), degree(n, 0.0) {}

    void add(std::uint32_t a, std::uint32_t b, double w) {
        if (a == b) {
            rows[a].emplace_back(a, 2 * w);
        } else {
            rows[a].emplace_back(b, w);
            rows[b].emplace_back(a, w);
        }
    }

    // Merges repeated neighbours and computes degrees and m.
    void finish() {
        total = 0.0;
        for (std::size_t v = 0; v < rows.size(); ++v) {
            auto& row = rows[v];
            std::sort(row.begin(), row.end());
            std::size_t out = 0;
            for (std::size_t i = 0; i < row.size(); ++i) {
                if (out > 0 && row[out - 1].first == row[i].first) {
                    row[out - 1].second += row[i].second;
                } else {
                    row[out++] = row[i];
                }
            }
            row.resize(out);
            degree[v] = 0.0;
            for (const auto& [u, w] : row) degree[v] += w;
            total += degree[v];
        }
        total /= 2;
    }
};

Adjacency project(const KnowledgeGraph& graph) {
    const CsrGraph& g = graph.graph();
    Adjacency adj(graph.node_count());
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        adj.add(boost::source(e, g), boost::target(e, g), g[e].weight);
    }
    adj.finish();
    return adj;
}

double partition_modularity(const Adjacency& adj, const std::vector<std::uint32_t>& community,
                            double resolution) {
    if (adj.total == 0.0) return 0.0;
    const std::uint32_t count =
        community.empty() ? 0 : *std::max_element(community.begin(), community.end()) + 1;
    std::vector<double> inside(count, 0.0), total(count, 0.0);
    for (std::size_t v = 0; v < adj.rows.size(); ++v) {
        total[community[v]] += adj.degree[v];
        for (const auto& [u, w] : adj.rows[v]) {
            if (community[u] == community[v]) inside[community[v]] += w;
        }
    }
    const double m2 = 2 * adj.total;
    double q = 0.0;
    for (std::uint32_t c = 0; c < count; ++c) {
        q += inside[c] / m2 - resolution * (total[c] / m2) * (total[c] / m2);
    }
    return q;
}

// One level: moves nodes of `adj` between communities; returns true if any moved.
bool local_moving(const Adjacency& adj, std::vector<std::uint32_t>& community, double resolution,
                  SplitMix64& rng) {
    const std::size_t n = adj.rows.size();
    std::vector<double> total(n, 0.0);  // Σ_tot per community (ids are node ids at first)
    for (std::size_t v = 0; v < n; ++v) total[community[v]] += adj.degree[v];
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    for (std::size_t i = n; i > 1; --i) {  // Fisher–Yates with our own generator
        std::swap(order[i - 1], order[rng.next() % i]);
    }
    const double m2 = 2 * adj.total;
    std::vector<double> link_to(n, 0.0);  // weight from the current node to each community
    std::vector<std::uint32_t> touched;
    bool moved_any = false;
    bool improved = true;
    while (improved) {
        improved = false;
        for (std::uint32_t v : order) {
            const std::uint32_t own = community[v];
            const double k = adj.degree[v];
            touched.clear();
            for (const auto& [u, w] : adj.rows[v]) {
                if (u == v) continue;
                const std::uint32_t c = community[u];
                if (link_to[c] == 0.0) touched.push_back(c);
                link_to[c] += w;
            }
            total[own] -= k;
            // Gain of joining c (v alone now): link_to[c] - resolution * total[c] * k / 2m.
            std::uint32_t best = own;
            double best_gain = link_to[own] - resolution * total[own] * k / m2;
            for (std::uint32_t c : touched) {
                const double gain = link_to[c] - resolution * total[c] * k / m2;
                // Strictly better only: ties keep the node where it is (or the first seen),
                // so every move raises modularity and the loop ends.
                if (gain > best_gain + 1e-12) {
                    best_gain = gain;
                    best = c;
                }
            }
            total[best] += k;
            if (best != own) {
                community[v] = best;
                improved = true;
                moved_any = true;
            }
            for (std::uint32_t c : touched) link_to[c] = 0.0;
        }
    }
    return moved_any;
}

// Renumbers communities 0..k-1 by first appearance; returns k.
std::uint32_t renumber(std::vector<std::uint32_t>& community) {
    std::unordered_map<std::uint32_t, std::uint32_t> ids;
    for (auto& c : community) {
        const auto [it, inserted] = ids.try_emplace(c, static_cast<std::uint32_t>(ids.size()));
        c = it->second;
    }
    return static_cast<std::uint32_t>(ids.size());
}

}  // namespace

Communities louvain(const KnowledgeGraph& graph, const CommunityOptions& options) {
    Communities result;
    const std::size_t n = graph.node_count();
    result.community.resize(n);
    std::iota(result.community.begin(), result.community.end(), 0u);
    Adjacency adj = project(graph);
    const Adjacency original = adj;
    SplitMix64 rng{options.seed};
    std::vector<std::uint32_t> membership(n);  // current level's node of each original node
    std::iota(membership.begin(), membership.end(), 0u);
    while (adj.total > 0.0) {
        std::vector<std::uint32_t> community(adj.rows.size());
        std::iota(community.begin(), community.end(), 0u);
        if (!local_moving(adj, community, options.resolution, rng)) break;
        ++result.levels;
        const std::uint32_t k = renumber(community);
        for (auto& m : membership) m = community[m];
        // Aggregate: one node per community.
        Adjacency next(k);
        for (std::size_t v = 0; v < adj.rows.size(); ++v) {
            for (const auto& [u, w] : adj.rows[v]) {
                next.rows[community[v]].emplace_back(community[u], w);
            }
        }
        next.finish();
        adj = std::move(next);
    }
    result.community = membership;
    result.count = renumber(result.community);
    result.modularity = partition_modularity(original, result.community, options.resolution);
    return result;
}

void KnowledgeGraph::set_communities(const std::vector<std::uint32_t>& community) {
    for (auto v : boost::make_iterator_range(boost::vertices(m_graph))) {
        writable_stats(v).community = community[v];
    }
}

double modularity(const KnowledgeGraph& graph, const std::vector<std::uint32_t>& community,
                  double resolution) {
    return partition_modularity(project(graph), community, resolution);
}

}  // namespace kg
