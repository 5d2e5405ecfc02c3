// Example: use kgraph's libraries directly — read a folder of articles, build the graph, and
// print the ten nodes most linked to (by total link weight). Built and run as a test on
// examples/corpus; see examples/README.md.
#include <algorithm>
#include <iostream>
#include <vector>

#include "graph/graph_builder.hpp"
#include "importers/corpus_reader.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: top_entities FOLDER\n";
        return 2;
    }
    kg::CorpusReader reader(kg::collect_inputs({argv[1]}, kg::InputFormat{}), kg::ImportOptions{},
                            2);
    kg::GraphBuilder builder;
    std::uint32_t article = 0;
    reader.read([&](kg::Document&& doc) {
        if (doc.skipped) return;
        const kg::NodeId source = builder.add_node(doc.key, kg::NodeKind::article);
        builder.set_title(source, doc.title);
        ++article;
        for (const auto& link : doc.links) {
            const kg::NodeId target = builder.add_node(link.key(), link.target_kind, link.lang());
            builder.add_surface(target, link.surface());
            builder.add_edge(source, target, link.kind, 1, article);
        }
    });
    const kg::KnowledgeGraph graph = builder.freeze();
    const auto& g = graph.graph();

    std::vector<std::uint64_t> in_weight(graph.node_count(), 0);
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        if (g[e].kind == kg::EdgeKind::link) in_weight[boost::target(e, g)] += g[e].weight;
    }
    std::vector<kg::NodeId> order(graph.node_count());
    for (kg::NodeId v = 0; v < order.size(); ++v) order[v] = v;
    std::stable_sort(order.begin(), order.end(),
                     [&](kg::NodeId a, kg::NodeId b) { return in_weight[a] > in_weight[b]; });
    std::cout << graph.node_count() << " nodes, " << graph.edge_count() << " edges\n";
    for (std::size_t i = 0; i < std::min<std::size_t>(10, order.size()); ++i) {
        const auto& node = graph.node(order[i]);
        std::cout << in_weight[order[i]] << '\t' << node.label << '\t' << node.key << '\n';
    }
    return 0;
}
