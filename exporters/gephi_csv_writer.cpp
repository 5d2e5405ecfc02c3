// Gephi CSV: a header line, then one line per node or edge, in graph order.
#include "exporters/gephi_csv_writer.hpp"

#include "exporters/detail/csv_table.hpp"

namespace kg {

void write_gephi_nodes_csv(const KnowledgeGraph& graph, OutputFile& out) {
    write_nodes_csv(graph, out, CsvDialect{"Id", "Label", "", "", true, nullptr, nullptr, true});
}

void write_gephi_edges_csv(const KnowledgeGraph& graph, OutputFile& out) {
    // Label carries the kind, so a link and a mention between two nodes stay two edges.
    out.write("Source,Target,Type,Id,Label,Weight,kind,articles,suspect\n");
    const CsrGraph& g = graph.graph();
    std::string line;
    std::size_t id = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        const EdgeData& edge = g[e];
        const std::string kind(to_string(edge.kind));
        line = csv_field(g[boost::source(e, g)].key, true) + ',' +
               csv_field(g[boost::target(e, g)].key, true) + ",Directed,e" + std::to_string(id++) +
               ',' + kind + ',' + std::to_string(edge.weight) + ',' + kind + ',' +
               std::to_string(edge.articles) + ',' + std::to_string(edge.suspect) + '\n';
        out.write(line);
    }
}

}  // namespace kg
