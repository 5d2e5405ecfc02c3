// Neo4j CSV: a header line, then one line per node or edge, in graph order.
#include "exporters/neo4j_csv_writer.hpp"

#include <cctype>

#include "exporters/detail/csv_table.hpp"

namespace kg {
namespace {

// "article" -> "Article", "cooccurrence" -> "COOCCURRENCE"
std::string neo4j_label(std::string_view kind) {
    std::string out(kind);
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

std::string neo4j_type(std::string_view kind) {
    std::string out(kind);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

void write_neo4j_nodes_csv(const KnowledgeGraph& graph, OutputFile& out) {
    write_nodes_csv(graph, out,
                    CsvDialect{"id:ID", "label", ":long", ":double", false, ":LABEL", neo4j_label});
}

void write_neo4j_edges_csv(const KnowledgeGraph& graph, OutputFile& out) {
    out.write(":START_ID,:END_ID,:TYPE,weight:long,articles:long,suspect:long\n");
    const CsrGraph& g = graph.graph();
    std::string line;
    for (auto e : boost::make_iterator_range(boost::edges(g))) {
        const EdgeData& edge = g[e];
        line = csv_field(g[boost::source(e, g)].key) + ',' + csv_field(g[boost::target(e, g)].key) +
               ',' + neo4j_type(to_string(edge.kind)) + ',' + std::to_string(edge.weight) + ',' +
               std::to_string(edge.articles) + ',' + std::to_string(edge.suspect) + '\n';
        out.write(line);
    }
}

}  // namespace kg
