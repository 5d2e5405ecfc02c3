// The offline HTML viewer format (`-o graph.html`): one self-contained page holding the whole
// graph as packed, zlib-compressed typed arrays beside the viewer bundle of viewer/ (embedded
// at build time), with a display layer chosen here for the renderer. Called through the format
// table (formats.cpp); the payload layout is documented in viewer/README.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "exporters/output_file.hpp"
#include "graph/evidence.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

struct HtmlOptions {
    std::size_t max_nodes = 20'000;      ///< display layer: at most this many nodes …
    std::size_t max_edges = 100'000;     ///< … and this many edges among them
    std::size_t warn_bytes = 12u << 20;  ///< a page larger than this gets a warning in the note
    /// With --fold-han: the (Traditional, Simplified) pairs the build folded with, so that the
    /// viewer's search folds the same (importers' MatchFolder::han_table()).
    std::vector<std::pair<std::string, std::string>> han_fold;
    /// Bytes of evidence passages the page carries at most (--view-evidence-mb): the display
    /// layer's edges first, then the heaviest others.
    std::size_t evidence_bytes = 4u << 20;
};

/// What the renderer draws first: the highest-ranked nodes (PageRank with metrics, else
/// degree; ties by node id) and the heaviest edges among them (ties by edge index), both in
/// graph order. Everything else stays in the page, searchable and reachable.
struct DisplayLayer {
    std::vector<NodeId> nodes;
    std::vector<std::uint32_t> edges;  ///< edge indices in boost::edges() order
    bool by_pagerank = false;
    std::size_t max_nodes = 0;  ///< the limits it was chosen with: the viewer keeps to them
    std::size_t max_edges = 0;  ///< when it shows a neighbourhood
};
DisplayLayer choose_display_layer(const KnowledgeGraph& graph, std::size_t max_nodes,
                                  std::size_t max_edges);

/// The packed graph (before compression): magic "KGV1", a u32 header length, the JSON header
/// (counts, names, sections), then each section 8-byte aligned. Deterministic.
std::string html_payload(const KnowledgeGraph& graph, const DisplayLayer& layer,
                         const HtmlOptions& options = {}, const EvidenceIndex* evidence = nullptr,
                         std::size_t* evidence_edges = nullptr);

/// Writes the page; returns the summary note (display layer, size, warning when over
/// options.warn_bytes). Throws OutputError.
std::string write_html(const KnowledgeGraph& graph, OutputFile& out, const HtmlOptions& options,
                       const EvidenceIndex* evidence = nullptr);

}  // namespace kg
