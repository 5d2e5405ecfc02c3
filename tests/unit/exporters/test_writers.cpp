// Unit tests of the GraphML and node-link JSON writers and of OutputFile's atomic writes.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <rapidjson/document.h>

#include "base/error.hpp"
#include "base/text_util.hpp"
#include "exporters/cytoscape_writer.hpp"
#include "exporters/detail/csv_table.hpp"
#include "exporters/detail/json_output.hpp"
#include "exporters/detail/line_buffer.hpp"
#include "exporters/detail/text_escape.hpp"
#include "exporters/dot_writer.hpp"
#include "exporters/formats.hpp"
#include "exporters/gephi_csv_writer.hpp"
#include "exporters/gexf_writer.hpp"
#include "exporters/graphml_writer.hpp"
#include "exporters/graphology_writer.hpp"
#include "exporters/neo4j_csv_writer.hpp"
#include "exporters/node_link_json_writer.hpp"
#include "exporters/output_file.hpp"
#include "graph/graph_builder.hpp"
#include "tests/test.hpp"
#include "tests/test_files.hpp"

using namespace kg;
namespace fs = std::filesystem;

namespace {

using kg::test::TempDir;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

KnowledgeGraph sample_graph(bool parallel) {
    GraphBuilder b;
    const NodeId a = b.add_node("a&b", NodeKind::article);
    b.set_title(a, "A <\"quoted\"> & 'single'\x01");
    const NodeId z = b.add_node("zh:中国", NodeKind::entity, "zh");
    b.add_surface(z, "中国");
    b.add_edge(a, z, EdgeKind::link, 16, 1);
    if (parallel) b.add_edge(a, z, EdgeKind::embed, 1, 1);
    return b.freeze();
}

// The writers that take evidence, without it.
void write_plain_gexf(const KnowledgeGraph& g, OutputFile& f) {
    write_gexf(g, f);
}
void write_node_link(const KnowledgeGraph& g, OutputFile& f) {
    write_node_link_json(g, f);
}
void write_graphology(const KnowledgeGraph& g, OutputFile& f) {
    write_graphology_json(g, f);
}
void write_cytoscape(const KnowledgeGraph& g, OutputFile& f) {
    write_cytoscape_json(g, f);
}

template <typename Write>
std::string write_to_string(const KnowledgeGraph& g, Write write) {
    TempDir dir;
    const fs::path out = dir.path / "g.out";
    OutputFile file(out.string());
    write(g, file);
    file.close();
    return slurp(out);
}

}  // namespace

TEST_CASE("GraphML declares every key with its type and escapes every value", "[graphml]") {
    const std::string xml = write_to_string(
        sample_graph(false), [](const KnowledgeGraph& g, OutputFile& f) { write_graphml(g, f); });
    const std::string expected =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        "  <key id=\"lang\" for=\"node\" attr.name=\"lang\" attr.type=\"string\"/>\n"
        "  <key id=\"key\" for=\"node\" attr.name=\"key\" attr.type=\"string\"/>\n"
        "  <key id=\"edge_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        "  <key id=\"articles\" for=\"edge\" attr.name=\"articles\" attr.type=\"int\"/>\n"
        "  <key id=\"suspect\" for=\"edge\" attr.name=\"suspect\" attr.type=\"int\"/>\n"
        "  <graph id=\"G\" edgedefault=\"directed\">\n"
        "    <node id=\"n0\"><data key=\"label\">A &lt;&quot;quoted&quot;&gt; &amp; "
        "&apos;single&apos;\xEF\xBF\xBD</data>"
        "<data key=\"kind\">article</data><data key=\"key\">a&amp;b</data></node>\n"
        "    <node id=\"n1\"><data key=\"label\">中国</data><data key=\"kind\">entity</data>"
        "<data key=\"lang\">zh</data><data key=\"key\">zh:中国</data></node>\n"
        "    <edge source=\"n0\" target=\"n1\"><data key=\"edge_kind\">link</data>"
        "<data key=\"weight\">16</data><data key=\"articles\">1</data>"
        "<data key=\"suspect\">0</data></edge>\n"
        "  </graph>\n</graphml>\n";
    CHECK(xml == expected);
}

TEST_CASE("node-link JSON reads back with the nodes, links and flags networkx expects", "[json]") {
    const std::string json = write_to_string(sample_graph(false), write_node_link);
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_FALSE(d.HasParseError());
    CHECK(d["directed"].GetBool());
    CHECK_FALSE(d["multigraph"].GetBool());
    REQUIRE(d["nodes"].Size() == 2);
    CHECK(std::string(d["nodes"][0]["id"].GetString()) == "a&b");
    CHECK(std::string(d["nodes"][0]["label"].GetString()) == "A <\"quoted\"> & 'single'\x01");
    CHECK(std::string(d["nodes"][1]["lang"].GetString()) == "zh");
    REQUIRE(d["links"].Size() == 1);
    const auto& l = d["links"][0];
    CHECK(std::string(l["source"].GetString()) == "a&b");
    CHECK(std::string(l["target"].GetString()) == "zh:中国");
    CHECK(l["weight"].GetUint() == 16);
    CHECK(l["articles"].GetUint() == 1);
    CHECK_FALSE(l.HasMember("key"));
}

TEST_CASE("edges of two kinds between one pair make a multigraph with keyed links", "[json]") {
    const std::string json = write_to_string(sample_graph(true), write_node_link);
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_FALSE(d.HasParseError());
    CHECK(d["multigraph"].GetBool());
    REQUIRE(d["links"].Size() == 2);
    CHECK(std::string(d["links"][0]["key"].GetString()) == "link");
    CHECK(std::string(d["links"][1]["key"].GetString()) == "embed");
}

TEST_CASE("writers replace invalid UTF-8 instead of passing it through", "[escape]") {
    CHECK(repaired_utf8("ok\xC3") == "ok\xEF\xBF\xBD");
    std::string out;
    append_xml_escaped(out, "a\xFF\r");
    CHECK(out == "a\xEF\xBF\xBD&#13;");
}

TEST_CASE("XML escaping copies clean stretches whole and escapes as one code point at a time",
          "[escape]") {
    // The rule, a code point at a time (XML 1.0 section 2.2), as the oracle.
    auto reference = [](std::string_view text) {
        std::string out;
        for_each_code_point(text, [&](UChar32 c, std::string_view bytes) {
            switch (c) {
                case '&':
                    out += "&amp;";
                    break;
                case '<':
                    out += "&lt;";
                    break;
                case '>':
                    out += "&gt;";
                    break;
                case '"':
                    out += "&quot;";
                    break;
                case '\'':
                    out += "&apos;";
                    break;
                case '\r':
                    out += "&#13;";
                    break;
                case '\t':
                case '\n':
                    out += static_cast<char>(c);
                    break;
                default:
                    out.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? "\xEF\xBF\xBD" : bytes);
            }
        });
        return out;
    };
    // Random mixes of plain text, markup characters, controls, CJK, ill-formed and cut
    // sequences, U+FFFE and U+FFFF, with the text before appended to.
    const std::vector<std::string> pieces{"a",
                                          "Zz 9",
                                          "&",
                                          "<",
                                          ">",
                                          "\"",
                                          "'",
                                          "\r",
                                          "\t",
                                          "\n",
                                          "\x01",
                                          "\x1F",
                                          "中文",
                                          "\xEF\xBF\xBE",
                                          "\xEF\xBF\xBF",
                                          "\xFF",
                                          "\xC3",
                                          "\xE4\xB8",
                                          "\xF0\x9F\x98\x80",
                                          "\x7F"};
    std::mt19937 random(5);
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        const std::size_t n = random() % 12;
        for (std::size_t k = 0; k < n; ++k) text += pieces[random() % pieces.size()];
        std::string out = "x&";
        append_xml_escaped(out, text);
        INFO(text);
        CHECK(out == "x&" + reference(text));
    }
}

TEST_CASE("a line buffer holds text and numbers as written, growing past its first size",
          "[output]") {
    LineBuffer line;
    std::string expected;
    const std::vector<std::uint64_t> numbers{0, 7, 10, 4294967295ULL, 18446744073709551615ULL};
    for (int round = 0; round < 3; ++round) {
        line.clear();
        expected.clear();
        // Round 0 stays short; later rounds run to thousands of bytes.
        for (int k = 0; k < (round == 0 ? 3 : 400 * round); ++k) {
            const std::string text =
                "<edge id=\"" + std::string(static_cast<std::size_t>(k % 7), 'x');
            const std::uint64_t number = numbers[static_cast<std::size_t>(k) % numbers.size()];
            line.text(text).number(number);
            expected += text + std::to_string(number);
        }
        CHECK(line.view() == expected);
    }
}

TEST_CASE("an output appears only when closed; an abandoned one leaves nothing", "[output]") {
    TempDir dir;
    const fs::path target = dir.path / "graph.json";
    {
        OutputFile file(target.string());
        file.write("partial");
        CHECK_FALSE(fs::exists(target));
    }
    CHECK_FALSE(fs::exists(target));
    CHECK(fs::is_empty(dir.path));
    {
        OutputFile file(target.string());
        file.write("done");
        file.close();
    }
    CHECK(slurp(target) == "done");
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("an output in a missing folder fails at once with the path", "[output][bad-input]") {
    TempDir dir;
    const std::string path = (dir.path / "missing" / "g.graphml").string();
    try {
        OutputFile file(path);
        FAIL("no exception");
    } catch (const OutputError& e) {
        CHECK(std::string(e.what()) == "cannot write output '" + path +
                                           "': No such file or directory (the folder must exist "
                                           "and be writable)");
    }
}

TEST_CASE("GEXF 1.3 keeps typed attributes, weight and kind of every edge", "[gexf]") {
    const std::string xml = write_to_string(sample_graph(true), write_plain_gexf);
    CHECK(
        xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\"",
                  0) == 0);
    CHECK(xml.find("<node id=\"n0\" label=\"A &lt;&quot;quoted&quot;&gt; &amp; "
                   "&apos;single&apos;\xEF\xBF\xBD\">"
                   "<attvalues><attvalue for=\"kind\" value=\"article\"/><attvalue for=\"key\" "
                   "value=\"a&amp;b\"/>"
                   "</attvalues></node>") != std::string::npos);
    CHECK(xml.find("<edge id=\"e0\" source=\"n0\" target=\"n1\" kind=\"link\" weight=\"16\">") !=
          std::string::npos);
    CHECK(xml.find("<edge id=\"e1\" source=\"n0\" target=\"n1\" kind=\"embed\" weight=\"1\">") !=
          std::string::npos);
    CHECK(xml.find("viz:") == std::string::npos);  // no metrics, no size or colour
}

TEST_CASE("graphology and Cytoscape.js JSON carry every node and edge with kind and weight",
          "[json]") {
    const std::string graphology = write_to_string(sample_graph(true), write_graphology);
    rapidjson::Document d;
    d.Parse(graphology.c_str());
    REQUIRE_FALSE(d.HasParseError());
    CHECK(d["options"]["multi"].GetBool());
    REQUIRE(d["nodes"].Size() == 2);
    CHECK(std::string(d["nodes"][1]["key"].GetString()) == "zh:中国");
    REQUIRE(d["edges"].Size() == 2);
    CHECK(std::string(d["edges"][1]["attributes"]["kind"].GetString()) == "embed");
    const std::string cyjs = write_to_string(sample_graph(true), write_cytoscape);
    rapidjson::Document c;
    c.Parse(cyjs.c_str());
    REQUIRE_FALSE(c.HasParseError());
    REQUIRE(c["elements"]["edges"].Size() == 2);
    CHECK(c["elements"]["edges"][0]["data"]["weight"].GetUint() == 16);
    CHECK(std::string(c["elements"]["nodes"][0]["data"]["id"].GetString()) == "a&b");
}

TEST_CASE("DOT quotes labels and keeps kind and weight of each edge", "[dot]") {
    CHECK(dot_quoted("say \"hi\"\\n") == "\"say \\\"hi\\\"\\\\n\"");
    const std::string dot = write_to_string(sample_graph(true), write_dot);
    CHECK(dot.rfind("digraph kgraph {\n", 0) == 0);
    CHECK(dot.find("  n0 -> n1 [kind=\"link\", weight=16];\n") != std::string::npos);
    CHECK(dot.find("  n0 -> n1 [kind=\"embed\", weight=1];\n") != std::string::npos);
    CHECK(dot.find("pos=") == std::string::npos);  // no layout, no positions
}

TEST_CASE("Neo4j CSV quotes what needs quoting and types every column", "[csv]") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    const KnowledgeGraph g = sample_graph(true);
    const std::string nodes = write_to_string(g, write_neo4j_nodes_csv);
    CHECK(nodes ==
          "id:ID,label,kind,lang,key,:LABEL\n"
          "a&b,\"A <\"\"quoted\"\"> & 'single'\x01\",article,,a&b,Article\n"
          "zh:中国,中国,entity,zh,zh:中国,Entity\n");
    const std::string edges = write_to_string(g, write_neo4j_edges_csv);
    CHECK(edges ==
          ":START_ID,:END_ID,:TYPE,weight:long,articles:long,suspect:long\n"
          "a&b,zh:中国,LINK,16,1,0\n"
          "a&b,zh:中国,EMBED,1,1,0\n");
}

TEST_CASE("Gephi CSV has Id/Label nodes and Source/Target/Type/Label/Weight edges", "[csv]") {
    const KnowledgeGraph g = sample_graph(true);
    const std::string nodes = write_to_string(g, write_gephi_nodes_csv);
    CHECK(nodes ==
          "Id,Label,kind,lang,key\n"
          "a&b,\"A <\"\"quoted\"\"> & 'single'\x01\",article,,a&b\n"
          "zh:中国,中国,entity,zh,zh:中国\n");
    const std::string edges = write_to_string(g, write_gephi_edges_csv);
    CHECK(edges ==
          "Source,Target,Type,Id,Label,Weight,kind,articles,suspect\n"
          "a&b,zh:中国,Directed,e0,link,16,link,1,0\n"
          "a&b,zh:中国,Directed,e1,embed,1,embed,1,0\n");
}

TEST_CASE("GraphML for yEd adds a labelled, escaped ShapeNode per node and arrows per edge",
          "[graphml]") {
    GraphmlOptions yed;
    yed.yed = true;
    const std::string xml =
        write_to_string(sample_graph(false),
                        [&](const KnowledgeGraph& g, OutputFile& f) { write_graphml(g, f, yed); });
    CHECK(xml.find("xmlns:y=\"http://www.yworks.com/xml/graphml\"") != std::string::npos);
    CHECK(xml.find("<key id=\"yed_node\" for=\"node\" yfiles.type=\"nodegraphics\"/>") !=
          std::string::npos);
    CHECK(xml.find("<y:NodeLabel>A &lt;&quot;quoted&quot;&gt; &amp; "
                   "&apos;single&apos;\xEF\xBF\xBD</y:NodeLabel>") != std::string::npos);
    CHECK(xml.find("<y:NodeLabel>中国</y:NodeLabel>") != std::string::npos);
    CHECK(xml.find("<y:Arrows source=\"none\" target=\"standard\"/>") != std::string::npos);
    const std::string plain = write_to_string(
        sample_graph(false), [](const KnowledgeGraph& g, OutputFile& f) { write_graphml(g, f); });
    CHECK(plain.find("y:") == std::string::npos);
}

TEST_CASE("formats come from names and suffixes", "[format]") {
    auto by_path = [](std::string_view p) {
        const OutputFormat* f = output_format_for_path(p);
        return f ? std::string(f->name) : std::string("none");
    };
    CHECK(by_path("a/b.GraphML") == "graphml");
    CHECK(by_path("g.xml") == "graphml");
    CHECK(by_path("g.json") == "json");
    CHECK(by_path("g.gexf") == "gexf");
    CHECK(by_path("g.graphology.json") == "graphology");
    CHECK(by_path("g.cyjs") == "cyjs");
    CHECK(by_path("g.dot") == "dot");
    CHECK(by_path("g.gv") == "dot");
    CHECK(by_path("g.csv") == "none");
    CHECK(output_format_named("JSON")->name == "json");
    CHECK(output_format_named("graphviz")->name == "dot");
    CHECK(output_format_named("csv") == nullptr);
    CHECK(output_format_named("neo4j")->name == "neo4j-csv");
    CHECK(output_format_named("gephi-csv")->is_folder());
    CHECK_FALSE(output_format_named("graphml")->is_folder());
}

TEST_CASE("every suffix of the table leads back to its row, every name and alias too", "[format]") {
    for (const OutputFormat& f : output_formats()) {
        CHECK((f.suffixes.empty() == f.is_folder()));
        for (std::string_view s : f.suffixes)
            CHECK(output_format_for_path("x" + std::string(s)) == &f);
        CHECK(output_format_named(f.name) == &f);
        for (std::string_view a : f.aliases) CHECK(output_format_named(a) == &f);
    }
}

TEST_CASE("evidence: GraphML, GEXF and node-link JSON carry an edge's passages") {
    const KnowledgeGraph g = sample_graph(false);  // a&b -> zh:中国, link
    EvidenceIndex evidence(2);
    Evidence e;
    e.text = "See [[中国]] here.";
    e.where = "a.md:1:5";
    e.begin = 4;
    e.end = 14;
    evidence.add("a&b", "zh:中国", EdgeKind::link, e);
    const std::string expected_json =
        "[{\"text\":\"See [[中国]] here.\",\"where\":\"a.md:1:5\",\"marks\":[[4,10]]}]";
    CHECK(passages_json(*evidence.find("a&b", "zh:中国", EdgeKind::link)) == expected_json);
    std::string escaped;
    append_xml_escaped(escaped, expected_json);
    const std::string graphml = write_to_string(g, [&](const KnowledgeGraph& graph, OutputFile& f) {
        write_graphml(graph, f, GraphmlOptions{false, &evidence});
    });
    CHECK(graphml.find("<key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" "
                       "attr.type=\"string\"/>") != std::string::npos);
    CHECK(graphml.find("<data key=\"evidence\">" + escaped + "</data>") != std::string::npos);
    const std::string gexf = write_to_string(
        g, [&](const KnowledgeGraph& graph, OutputFile& f) { write_gexf(graph, f, &evidence); });
    CHECK(gexf.find("<attvalue for=\"evidence\" value=\"" + escaped + "\"/>") != std::string::npos);
    const std::string json = write_to_string(g, [&](const KnowledgeGraph& graph, OutputFile& f) {
        write_node_link_json(graph, f, &evidence);
    });
    CHECK(json.find("\"evidence\":" + expected_json) != std::string::npos);
    // Without evidence nothing is declared.
    CHECK(write_to_string(g, write_plain_gexf).find("evidence") == std::string::npos);
}
