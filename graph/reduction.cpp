// Reduction filters: each builds keep-masks and calls subgraph().
#include "graph/reduction.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <numeric>

#include "graph/analytics.hpp"

namespace kg {
namespace {

struct EdgeRef {
    NodeId source;
    NodeId target;
    const EdgeData* data;
};

std::vector<EdgeRef> edge_list(const KnowledgeGraph& graph) {
    const CsrGraph& g = graph.graph();
    std::vector<EdgeRef> out;
    out.reserve(graph.edge_count());
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        out.push_back(EdgeRef{boost::source(e, g), boost::target(e, g), &g[e]});
    }
    return out;
}

}  // namespace

KnowledgeGraph subgraph(const KnowledgeGraph& graph, const std::vector<bool>& keep_node,
                        const std::vector<bool>& keep_edge, ReductionStep& step) {
    const CsrGraph& g = graph.graph();
    const std::size_t n = graph.node_count();
    std::vector<NodeId> new_id(n, 0);
    NodeId next = 0;
    for (std::size_t v = 0; v < n; ++v) {
        if (keep_node[v]) new_id[v] = next++;
    }
    std::vector<std::pair<NodeId, NodeId>> ends;
    std::vector<EdgeData> data;
    double total = 0.0;
    double removed = 0.0;
    std::size_t index = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        const NodeId s = boost::source(e, g);
        const NodeId t = boost::target(e, g);
        total += g[e].weight;
        if (keep_edge[index++] && keep_node[s] && keep_node[t]) {
            ends.emplace_back(new_id[s], new_id[t]);
            data.push_back(g[e]);
        } else {
            removed += g[e].weight;
        }
    }
    CsrGraph csr(boost::edges_are_sorted, ends.begin(), ends.end(), data.begin(), next);
    for (std::size_t v = 0; v < n; ++v) {
        if (keep_node[v]) csr[new_id[v]] = g[static_cast<NodeId>(v)];
    }
    step.nodes_removed = n - next;
    step.edges_removed = graph.edge_count() - ends.size();
    step.weight_share_removed = total > 0 ? removed / total : 0.0;
    KnowledgeGraph cut(std::move(csr), graph.strings());
    for (std::size_t v = 0; v < n; ++v) {
        if (keep_node[v]) cut.copy_stats(graph, static_cast<NodeId>(v), new_id[v]);
    }
    return cut;
}

KnowledgeGraph filter_min_weight(const KnowledgeGraph& graph, std::uint32_t min_weight,
                                 ReductionStep& step) {
    std::vector<bool> keep_edge;
    for (const EdgeRef& e : edge_list(graph)) keep_edge.push_back(e.data->weight >= min_weight);
    return subgraph(graph, std::vector<bool>(graph.node_count(), true), keep_edge, step);
}

KnowledgeGraph filter_edge_kinds(const KnowledgeGraph& graph, const std::vector<EdgeKind>& kinds,
                                 ReductionStep& step) {
    std::vector<bool> keep_edge;
    for (const EdgeRef& e : edge_list(graph)) {
        keep_edge.push_back(std::find(kinds.begin(), kinds.end(), e.data->kind) != kinds.end());
    }
    return subgraph(graph, std::vector<bool>(graph.node_count(), true), keep_edge, step);
}

KnowledgeGraph filter_node_kinds(const KnowledgeGraph& graph, const std::vector<NodeKind>& kinds,
                                 ReductionStep& step) {
    std::vector<bool> keep_node(graph.node_count());
    for (std::size_t v = 0; v < keep_node.size(); ++v) {
        keep_node[v] = std::find(kinds.begin(), kinds.end(),
                                 graph.node(static_cast<NodeId>(v)).kind) != kinds.end();
    }
    return subgraph(graph, keep_node, std::vector<bool>(graph.edge_count(), true), step);
}

KnowledgeGraph largest_component(const KnowledgeGraph& graph, ReductionStep& step) {
    const NodeMetrics m = compute_metrics(graph);
    std::uint32_t best = 0;
    std::uint32_t best_size = 0;
    for (std::size_t v = 0; v < graph.node_count(); ++v) {
        if (m.component_size[v] > best_size) {
            best_size = m.component_size[v];
            best = m.component[v];
        }
    }
    std::vector<bool> keep_node(graph.node_count());
    for (std::size_t v = 0; v < keep_node.size(); ++v) keep_node[v] = m.component[v] == best;
    return subgraph(graph, keep_node, std::vector<bool>(graph.edge_count(), true), step);
}

KnowledgeGraph strongest_edges(const KnowledgeGraph& graph, std::size_t k, ReductionStep& step) {
    const std::vector<EdgeRef> edges = edge_list(graph);
    std::vector<std::vector<std::size_t>> incident(graph.node_count());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        incident[edges[i].source].push_back(i);
        if (edges[i].target != edges[i].source) incident[edges[i].target].push_back(i);
    }
    std::vector<bool> keep_edge(edges.size(), false);
    for (auto& list : incident) {
        std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
            return edges[a].data->weight > edges[b].data->weight;
        });
        for (std::size_t i = 0; i < std::min(k, list.size()); ++i) keep_edge[list[i]] = true;
    }
    return subgraph(graph, std::vector<bool>(graph.node_count(), true), keep_edge, step);
}

KnowledgeGraph ego_network(const KnowledgeGraph& graph, NodeId focus, std::uint32_t depth,
                           ReductionStep& step) {
    const std::vector<EdgeRef> edges = edge_list(graph);
    std::vector<std::vector<NodeId>> neighbours(graph.node_count());
    for (const EdgeRef& e : edges) {
        neighbours[e.source].push_back(e.target);
        neighbours[e.target].push_back(e.source);
    }
    std::vector<std::uint32_t> distance(graph.node_count(), UINT32_MAX);
    std::deque<NodeId> queue{focus};
    distance[focus] = 0;
    while (!queue.empty()) {
        const NodeId v = queue.front();
        queue.pop_front();
        if (distance[v] == depth) continue;
        for (NodeId u : neighbours[v]) {
            if (distance[u] != UINT32_MAX) continue;
            distance[u] = distance[v] + 1;
            queue.push_back(u);
        }
    }
    std::vector<bool> keep_node(graph.node_count());
    for (std::size_t v = 0; v < keep_node.size(); ++v) keep_node[v] = distance[v] != UINT32_MAX;
    return subgraph(graph, keep_node, std::vector<bool>(edges.size(), true), step);
}

KnowledgeGraph backbone(const KnowledgeGraph& graph, double alpha, ReductionStep& step) {
    const std::vector<EdgeRef> edges = edge_list(graph);
    const std::size_t n = graph.node_count();
    std::vector<double> out_strength(n, 0.0), in_strength(n, 0.0);
    std::vector<std::uint32_t> out_degree(n, 0), in_degree(n, 0);
    for (const EdgeRef& e : edges) {
        out_strength[e.source] += e.data->weight;
        in_strength[e.target] += e.data->weight;
        ++out_degree[e.source];
        ++in_degree[e.target];
    }
    // p-value of an edge for one end: (1 - w/s)^(k - 1); an end with one edge judges nothing.
    const auto significant = [&](double w, double s, std::uint32_t k) {
        if (k < 2 || s <= 0) return false;
        return std::pow(1.0 - w / s, static_cast<double>(k - 1)) < alpha;
    };
    std::vector<bool> keep_edge;
    for (const EdgeRef& e : edges) {
        const double w = e.data->weight;
        keep_edge.push_back(significant(w, out_strength[e.source], out_degree[e.source]) ||
                            significant(w, in_strength[e.target], in_degree[e.target]));
    }
    return subgraph(graph, std::vector<bool>(n, true), keep_edge, step);
}

KnowledgeGraph top_nodes(const KnowledgeGraph& graph, std::size_t n, RankBy rank_by,
                         ReductionStep& step) {
    const NodeMetrics m = compute_metrics(graph);
    std::vector<double> score(graph.node_count());
    for (std::size_t v = 0; v < score.size(); ++v) {
        score[v] = rank_by == RankBy::pagerank ? m.pagerank[v]
                   : rank_by == RankBy::degree
                       ? static_cast<double>(m.in_degree[v] + m.out_degree[v])
                       : m.weighted_degree[v];
    }
    std::vector<NodeId> order(score.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](NodeId a, NodeId b) { return score[a] > score[b]; });
    std::vector<bool> keep_node(score.size(), false);
    for (std::size_t i = 0; i < std::min(n, order.size()); ++i) keep_node[order[i]] = true;
    return subgraph(graph, keep_node, std::vector<bool>(graph.edge_count(), true), step);
}

}  // namespace kg
