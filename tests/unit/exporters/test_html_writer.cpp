// Unit tests of the HTML viewer writer: the display layer's choice, the packed payload read
// back section by section (the layout viewer/README.md documents), and the page around it.
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <rapidjson/document.h>

#include "exporters/html_writer.hpp"
#include "exporters/output_file.hpp"
#include "graph/graph_builder.hpp"
#include "tests/test.hpp"
#include "tests/test_files.hpp"

using namespace kg;
namespace fs = std::filesystem;

namespace {

// Node 0 links to every other node (weights 1..n-1), node 1 to node 2 and 3: degrees are
// 0: n-1, 1: 3, 2: 2, 3: 2, the rest 1.
KnowledgeGraph star(std::uint32_t n) {
    GraphBuilder b;
    for (std::uint32_t i = 0; i < n; ++i) {
        const NodeId v = b.add_node("k" + std::to_string(i), NodeKind::article);
        if (i == 2) b.set_title(v, "Label «2»");
    }
    for (std::uint32_t i = 1; i < n; ++i) b.add_edge(0, i, EdgeKind::link, i, 1);
    b.add_edge(1, 2, EdgeKind::mention, 50, 2);
    b.add_edge(1, 3, EdgeKind::cooccurrence, 7, 1);
    return b.freeze();
}

template <typename T>
std::vector<T> section(const std::string& payload, const rapidjson::Document& header,
                       std::size_t base, const char* name) {
    for (const auto& s : header["sections"].GetArray()) {
        if (std::strcmp(s["name"].GetString(), name) != 0) continue;
        const std::size_t offset = s["offset"].GetUint64();
        CHECK((base + offset) % 8 == 0);
        std::vector<T> out(s["count"].GetUint64());
        std::memcpy(out.data(), payload.data() + base + offset, out.size() * sizeof(T));
        return out;
    }
    FAIL("no section " << name);
    return {};
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE(
    "html: the display layer keeps the highest-degree nodes and the heaviest edges among them") {
    const KnowledgeGraph g = star(8);
    const DisplayLayer layer = choose_display_layer(g, 4, 3);
    CHECK_FALSE(layer.by_pagerank);  // no metrics: by degree
    // degrees 7, 3, 2, 2, then 1s: nodes 0-3
    CHECK(layer.nodes == std::vector<NodeId>{0, 1, 2, 3});
    // among them: 0→1 (1), 0→2 (2), 0→3 (3), 1→2 (50), 1→3 (7); the three heaviest, in graph order
    REQUIRE(layer.edges.size() == 3);
    std::vector<std::uint32_t> weights;
    std::uint32_t index = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) {
        if (std::find(layer.edges.begin(), layer.edges.end(), index) != layer.edges.end())
            weights.push_back(g.graph()[e].weight);
        ++index;
    }
    CHECK(weights == std::vector<std::uint32_t>{3, 50, 7});
    CHECK(std::is_sorted(layer.edges.begin(), layer.edges.end()));

    const DisplayLayer all = choose_display_layer(g, 100, 100);
    CHECK(all.nodes.size() == g.node_count());
    CHECK(all.edges.size() == g.edge_count());
}

TEST_CASE("html: ties in the display layer go to the lower node id") {
    const KnowledgeGraph g = star(8);  // nodes 4..7 all have degree 1
    const DisplayLayer layer = choose_display_layer(g, 6, 100);
    CHECK(layer.nodes == std::vector<NodeId>{0, 1, 2, 3, 4, 5});
}

TEST_CASE("html: the payload reads back to the same nodes and edges") {
    const KnowledgeGraph g = star(6);
    const DisplayLayer layer = choose_display_layer(g, 3, 2);
    const std::string p = html_payload(g, layer);
    REQUIRE(p.compare(0, 4, "KGV1") == 0);
    std::uint32_t length = 0;
    for (int i = 0; i < 4; ++i)
        length |= static_cast<std::uint32_t>(static_cast<unsigned char>(p[4 + i])) << (8 * i);
    CHECK((8 + length) % 8 == 0);
    rapidjson::Document header;
    header.Parse(p.data() + 8, length);
    REQUIRE_FALSE(header.HasParseError());
    CHECK(header["nodes"].GetUint64() == g.node_count());
    CHECK(header["edges"].GetUint64() == g.edge_count());
    CHECK(header["metrics"].GetArray().Size() == 0);
    CHECK_FALSE(header["layout"].GetBool());
    CHECK(header["display_max_nodes"].GetUint64() == 3);
    const std::size_t base = 8 + length;

    const auto key_offsets = section<std::uint32_t>(p, header, base, "key_offsets");
    const auto keys = section<char>(p, header, base, "keys");
    const auto label_offsets = section<std::uint32_t>(p, header, base, "label_offsets");
    const auto labels = section<char>(p, header, base, "labels");
    for (NodeId v = 0; v < g.node_count(); ++v) {
        CHECK(std::string(keys.data() + key_offsets[v], keys.data() + key_offsets[v + 1]) ==
              g.node(v).key);
        const std::string label(labels.data() + label_offsets[v],
                                labels.data() + label_offsets[v + 1]);
        CHECK(label == (g.node(v).label == g.node(v).key ? "" : std::string(g.node(v).label)));
    }
    CHECK(std::string(labels.begin(), labels.end()) == "Label «2»");

    const auto row = section<std::uint32_t>(p, header, base, "row");
    const auto delta = section<std::uint32_t>(p, header, base, "target_delta");
    const auto kind = section<std::uint8_t>(p, header, base, "edge_kind");
    const auto weight = section<std::uint32_t>(p, header, base, "weight");
    const auto articles = section<std::uint32_t>(p, header, base, "articles");
    std::size_t i = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) {
        const NodeId s = boost::source(e, g.graph());
        REQUIRE(i >= row[s]);
        REQUIRE(i < row[s + 1]);
        std::uint32_t t = 0;
        for (std::size_t j = row[s]; j <= i; ++j) t += delta[j];
        CHECK(t == boost::target(e, g.graph()));
        CHECK(kind[i] == static_cast<std::uint8_t>(g.graph()[e].kind));
        CHECK(weight[i] == g.graph()[e].weight);
        CHECK(articles[i] == g.graph()[e].articles);
        ++i;
    }
    CHECK(section<std::uint32_t>(p, header, base, "display_nodes") == layer.nodes);
    CHECK(section<std::uint32_t>(p, header, base, "display_edges") == layer.edges);
}

TEST_CASE("html: the page is self-contained, deterministic, and warns past its size limit") {
    kg::test::TempDir dir;
    const KnowledgeGraph g = star(6);
    const auto write = [&](const std::string& name, HtmlOptions options) {
        OutputFile file((dir.path / name).string());
        const std::string note = write_html(g, file, options);
        file.close();
        return std::make_pair(slurp(dir.path / name), note);
    };
    const auto [page, note] = write("a.html", HtmlOptions{});
    const auto [again, note_again] = write("b.html", HtmlOptions{});
    CHECK(page == again);
    CHECK(note == "the viewer draws the whole graph");
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(page.find("Content-Security-Policy\" content=\"default-src 'none'") != std::string::npos);
    // Outside the scripts (the bundle's licence texts name URLs), no address at all: no element
    // the browser could load from elsewhere. The browser test checks that nothing is requested.
    std::string markup;
    for (std::size_t at = 0; at < page.size();) {
        const std::size_t script = page.find("<script", at);
        markup += page.substr(at, script == std::string::npos ? std::string::npos : script - at);
        if (script == std::string::npos) break;
        at = page.find("</script>", script) + 9;
    }
    CHECK(markup.find("//") == std::string::npos);
    CHECK(markup.find("url(") == std::string::npos);
    // The data element holds base64 only, so nothing in it can end the element early.
    const std::string open = "type=\"application/x-kgraph-deflate-base64\">";
    const std::size_t from = page.find(open) + open.size();
    const std::size_t to = page.find("</script>", from);
    const std::string data = page.substr(from, to - from);
    CHECK(data.find_first_not_of(
              "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") ==
          std::string::npos);

    HtmlOptions small;
    small.max_nodes = 2;
    small.warn_bytes = 1000;
    const auto [cut, cut_note] = write("c.html", small);
    CHECK(cut_note.find("the viewer draws 2 of 6 nodes (highest degree)") == 0);
    CHECK(cut_note.find("; warning: the page has ") != std::string::npos);
}
