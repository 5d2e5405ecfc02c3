// BuildPipeline: a build as library calls, in the order they run — the inputs expanded, pass 1
// (documents -> graph builder, suspect links, the mention dictionary), redirects, pass 2 (the
// mention pass), freeze; then reduce_graph(), add_metrics() and add_layout() on the frozen
// graph. `kgraph build` (cli/command_build.cpp) calls these and writes the result through the
// format table (exporters/formats.hpp). Never prints; problems go to a ProblemSink.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "graph/evidence.hpp"
#include "graph/graph_builder.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/reduction.hpp"
#include "importers/corpus_reader.hpp"
#include "importers/problem.hpp"
#include "mentions/mention_pass.hpp"
#include "pipeline/build_settings.hpp"
#include "pipeline/redirects.hpp"

namespace kg {

/// What pass 1 read.
struct ReadStats {
    std::uint64_t bytes = 0;
    std::size_t articles = 0;
    std::size_t skipped = 0;  ///< binary or unreadable files
    std::size_t links = 0;
    std::size_t unresolved = 0;  ///< Markdown links to files outside the corpus
    std::size_t urls = 0;
    bool broken = false;  ///< an input broke off: the graph holds what came before
};

/// Where pass 1 is, after each document (for a progress line).
struct ReadProgress {
    std::size_t documents = 0;
    std::size_t files = 0;
    const WikiInputStats& wiki;
};

class BuildPipeline {
public:
    /// Expands the inputs, settles what wiki input changes (mentions and co-occurrence off
    /// unless given), reads the --stopwords and --entities files. Throws UsageError for a
    /// missing input, a bad stop-word or entities file, or spotting on a dump from stdin.
    explicit BuildPipeline(BuildSettings settings);
    ~BuildPipeline();

    const BuildSettings& settings() const noexcept { return m_settings; }
    const std::vector<InputFile>& files() const noexcept { return m_files; }

    /// Pass 1, redirects and pass 2, in that order (the three calls below). Problems go to
    /// `problems` in input order (exceptions it throws propagate); `progress`, when set, is
    /// called after each document of pass 1.
    void read(ProblemSink& problems, const std::function<void(const ReadProgress&)>& progress = {});

    /// Pass 1: every input read once; articles and their links into the graph builder,
    /// redirect pages kept, the mention dictionary collected.
    void read_documents(ProblemSink& problems,
                        const std::function<void(const ReadProgress&)>& progress = {});
    /// Redirects followed to their final targets (after pass 1, before pass 2: their titles
    /// are names of their targets).
    void resolve_redirects(ProblemSink& problems);
    /// Pass 2: mentions and co-occurrence spotted in the texts (kept or read again).
    void spot_mentions();

    /// The graph read so far (once, after read()).
    KnowledgeGraph freeze();

    const ReadStats& read_stats() const noexcept { return m_stats; }
    const WikiInputStats& wiki_stats() const noexcept { return m_wiki; }
    const RedirectSummary& redirect_summary() const noexcept { return m_redirected; }
    const MentionPass& mention_pass() const noexcept { return *m_mentions; }
    /// The passages behind the edges (--evidence K), or nullptr when K is 0.
    const EvidenceIndex* evidence() const noexcept { return m_evidence.get(); }

private:
    void add_article(Document& doc, std::uint32_t source, ProblemSink& problems);

    BuildSettings m_settings;
    std::vector<InputFile> m_files;
    std::vector<Problem> m_input_problems;  ///< folders that could not be read
    std::unique_ptr<MatchFolder> m_folder;
    std::unique_ptr<MentionPass> m_mentions;
    GraphBuilder m_builder;
    std::unique_ptr<EvidenceIndex> m_evidence;
    std::vector<std::string> m_sources;  ///< input names, each once (pages of a dump share one)
    Redirects m_redirects;
    // The file that first gave each article (for duplicate-key messages): an index into
    // m_sources per node, 4 bytes an article rather than a copy of key and file name.
    std::vector<std::uint32_t> m_first_source;
    std::vector<GraphBuilder::ArticleEdge> m_article_edges;  // scratch of add_article()
    std::vector<GraphBuilder::NodeRequest> m_node_requests;  // scratch of add_article()
    ReadStats m_stats;
    WikiInputStats m_wiki;
    RedirectSummary m_redirected;
};

/// Applies the filters of `settings` in their fixed order; one step a filter that ran, named
/// as its option (`--min-weight 2`). Throws UsageError when --focus names no node.
std::vector<ReductionStep> reduce_graph(KnowledgeGraph& graph, const ReduceSettings& settings,
                                        const ImportOptions& keys);

/// What add_metrics() did.
struct MetricsReport {
    bool skipped = false;  ///< auto and more than metrics_edge_limit edges
    bool computed = false;
    bool pagerank_converged = false;
    std::uint32_t pagerank_iterations = 0;
    std::uint32_t components = 0;
    std::uint32_t largest_component = 0;
    std::uint32_t communities = 0;
    double modularity = 0.0;
    double seconds = 0.0;
};
/// Louvain and the k-core keep adjacency lists of their own (~110 bytes an edge together,
/// bench/README.md): past this, metrics run only when forced, so a whole Wikipedia converts
/// in the memory of its graph.
inline constexpr std::size_t metrics_edge_limit = 10000000;
/// Degree, weighted degree, PageRank, weak components, k-core and Louvain communities on
/// every node, as `mode` says.
MetricsReport add_metrics(KnowledgeGraph& graph, MetricsMode mode);

/// What add_layout() did.
struct LayoutReport {
    bool skipped = false;  ///< more than layout_node_limit nodes and not forced
    bool computed = false;
    double seconds = 0.0;
    LayoutStats stats;  ///< ForceAtlas2's levels
};
/// ForceAtlas2 takes ~15 s for 10^5 nodes and minutes for 10^6 (bench/README.md): past this it
/// runs only when forced.
inline constexpr std::size_t layout_node_limit = 100000;
LayoutReport add_layout(KnowledgeGraph& graph, const BuildSettings& settings);

}  // namespace kg
