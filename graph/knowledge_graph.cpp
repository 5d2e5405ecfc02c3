// KnowledgeGraph: tallies per kind computed once when the graph is frozen.
#include "graph/knowledge_graph.hpp"

namespace kg {

KnowledgeGraph::KnowledgeGraph(CsrGraph graph, std::shared_ptr<const void> strings)
    : m_graph(std::move(graph)), m_strings(std::move(strings)) {
    for (auto v : boost::make_iterator_range(boost::vertices(m_graph))) {
        ++m_nodes_by_kind[static_cast<std::size_t>(m_graph[v].kind)];
    }
    for (auto v : boost::make_iterator_range(boost::vertices(m_graph))) {
        // Edges of one source are sorted by target, so parallel edges are neighbours.
        NodeId previous_target = 0;
        bool first = true;
        for (auto e : boost::make_iterator_range(boost::out_edges(v, m_graph))) {
            const EdgeData& data = m_graph[e];
            const auto kind = static_cast<std::size_t>(data.kind);
            ++m_edges_by_kind[kind];
            m_weight_by_kind[kind] += data.weight;
            const NodeId target = boost::target(e, m_graph);
            if (!first && target == previous_target) m_parallel_edges = true;
            previous_target = target;
            first = false;
        }
    }
}

void KnowledgeGraph::set_layout(const std::vector<double>& x, const std::vector<double>& y) {
    for (auto v : boost::make_iterator_range(boost::vertices(m_graph))) {
        writable_stats(v).x = x[v];
        writable_stats(v).y = y[v];
    }
    m_has_layout = true;
}

void KnowledgeGraph::copy_stats(const KnowledgeGraph& from, NodeId from_id, NodeId id) {
    if (from.m_stats.empty()) return;
    writable_stats(id) = from.m_stats[from_id];
    m_has_metrics = from.m_has_metrics;
    m_has_layout = from.m_has_layout;
}

}  // namespace kg
