// BuildPipeline: the passes of a build and the steps on the frozen graph. Documents reach the
// builder in input order (CorpusReader), so the graph does not depend on the thread count.
#include "pipeline/build_pipeline.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <optional>

#include "base/error.hpp"
#include "graph/analytics.hpp"
#include "graph/communities.hpp"
#include "graph/layout.hpp"
#include "importers/links/key_normalizer.hpp"
#include "mentions/gazetteer.hpp"

namespace kg {
namespace {

bool is_wiki(const InputFile& f) {
    return f.kind != InputKind::article;
}

}  // namespace

BuildPipeline::BuildPipeline(BuildSettings settings) : m_settings(std::move(settings)) {
    BuildSettings& s = m_settings;
    m_files = collect_inputs(s.inputs, s.input_format, &m_input_problems);
    // A wiki dump is a link graph first: spotting mentions in millions of pages needs a
    // second pass over the dump, so it runs only when asked for.
    const bool wiki = std::any_of(m_files.begin(), m_files.end(), is_wiki);
    if (wiki && !s.mentions_given) s.mentions.mentions = false;
    if (wiki && !s.window_given) s.mentions.window = CooccurrenceWindow::off;
    // The mention pass reads a dump or JSON lines a second time, which standard input
    // cannot give (an article's text is kept instead): say so rather than spot nothing.
    const bool spotting = s.mentions.mentions || s.mentions.window != CooccurrenceWindow::off;
    if (spotting && std::any_of(m_files.begin(), m_files.end(),
                                [](const InputFile& f) { return f.read_once && is_wiki(f); }))
        throw UsageError(
            "build: mentions and co-occurrence read a dump or JSON lines twice, and standard "
            "input or a pipe can be read once: save it to a file, or add --mentions off "
            "--cooccurrence off");
    m_folder = std::make_unique<MatchFolder>(s.fold_han);
    s.import.han_folder = s.fold_han ? m_folder.get() : nullptr;
    // Files named by the user are read now: a bad one is a usage error, before work.
    try {
        Gazetteer probe(*m_folder);
        for (const std::string& file : s.stopword_files)
            probe.load_stop_words(file, s.mentions.filter);
    } catch (const InputError& e) {
        throw UsageError(std::string("build: ") + e.what());
    }
    m_mentions = std::make_unique<MentionPass>(s.mentions, *m_folder);
    if (s.import.evidence > 0) {
        m_evidence = std::make_unique<EvidenceIndex>(s.import.evidence);
        m_mentions->set_evidence(m_evidence.get());
    }
    const KeyNormalizer normalizer(s.import.case_rule, s.import.han_folder);
    try {
        m_mentions->load_entities(
            [&](std::string_view name) { return normalizer.key_of(normalizer.clean_title(name)); });
    } catch (const InputError& e) {
        throw UsageError(std::string("build: ") + e.what());
    }
}

BuildPipeline::~BuildPipeline() = default;

void BuildPipeline::read(ProblemSink& problems,
                         const std::function<void(const ReadProgress&)>& progress) {
    read_documents(problems, progress);
    resolve_redirects(problems);
    spot_mentions();
}

void BuildPipeline::spot_mentions() {
    m_mentions->run(m_files, m_settings.import, m_settings.threads, m_builder);
}

void BuildPipeline::resolve_redirects(ProblemSink& problems) {
    m_redirected =
        m_redirects.resolve(m_sources, m_settings.keep_redirects, m_builder, *m_mentions, problems);
    m_sources = {};
}

void BuildPipeline::read_documents(ProblemSink& problems,
                                   const std::function<void(const ReadProgress&)>& progress) {
    std::vector<std::string>& sources = m_sources;
    std::size_t doc_index = 0;
    Redirects& redirects = m_redirects;
    MentionPass& mentions = *m_mentions;
    ReadStats& stats = m_stats;
    // The mention pass reads the texts of article files again: keep them from the first
    // pass instead, up to --keep-texts MB (a folder of notes; a dump is read again).
    ImportOptions first_pass = m_settings.import;
    // Standard input or a pipe cannot be read twice: with one, every text is kept.
    const bool stdin_input =
        std::any_of(m_files.begin(), m_files.end(), [](const InputFile& f) { return f.read_once; });
    if (mentions.spots() && (m_settings.keep_texts > 0 || stdin_input) &&
        std::none_of(m_files.begin(), m_files.end(), is_wiki)) {
        first_pass.retain_text = true;
        mentions.retain(stdin_input ? std::numeric_limits<std::size_t>::max()
                                    : m_settings.keep_texts);
    }
    for (const Problem& p : m_input_problems) problems.report(p);  // unreadable folders
    CorpusReader reader(m_files, first_pass, m_settings.threads);
    reader.select_namespaces(m_settings.namespaces);
    reader.read([&](Document&& doc) {
        ++doc_index;
        stats.bytes += doc.bytes;
        for (const Problem& p : doc.problems) problems.report(p);
        stats.broken = stats.broken || doc.broken;
        if (doc.skipped) {
            // A broken dump or a bad JSON line is no skipped file: its problem says it.
            if (std::any_of(doc.problems.begin(), doc.problems.end(), [](const Problem& p) {
                    return p.kind == ProblemKind::binary_file ||
                           p.kind == ProblemKind::unreadable_file;
                }))
                ++stats.skipped;
            return;
        }
        // Pages of one dump share a name: it is kept once, and `source` indexes it.
        if (sources.empty() || sources.back() != doc.source) sources.push_back(doc.source);
        const auto source = static_cast<std::uint32_t>(sources.size() - 1);
        if (!doc.redirect.empty()) {
            redirects.add(doc.key, doc.redirect, source, mentions.spots(), std::move(doc.title),
                          std::move(doc.lang));
            return;
        }
        add_article(doc, source, problems);
        if (progress) progress(ReadProgress{doc_index, m_files.size(), reader.wiki_stats()});
    });
    m_wiki = reader.wiki_stats();
    m_first_source = {};  // needed only while articles arrive
    m_article_edges = {};
    m_node_requests = {};
}

// An article of pass 1: its node and title, its links' nodes and edges, what the mention pass
// collects from it. `source` indexes m_sources.
void BuildPipeline::add_article(Document& doc, std::uint32_t source, ProblemSink& problems) {
    ++m_stats.articles;
    const NodeId article = m_builder.add_node(doc.key, doc.kind, doc.lang);
    if (m_first_source.size() <= article) m_first_source.resize(m_builder.node_count(), 0);
    if (m_builder.set_title(article, doc.title)) {
        m_first_source[article] = source;
    } else {
        problems.report(Problem{ProblemKind::duplicate_key, doc.source, 0, 0,
                                "article key '" + doc.key + "' is also the key of '" +
                                    m_sources[m_first_source[article]] +
                                    "': both files are one node"});
    }
    m_article_edges.clear();
    m_node_requests.clear();
    m_node_requests.reserve(doc.links.size());
    m_article_edges.reserve(doc.links.size());
    for (const ExtractedLink& link : doc.links) {
        m_node_requests.push_back({link.key(), link.target_kind, link.lang()});
    }
    m_builder.add_nodes(m_node_requests);
    for (std::size_t i = 0; i < doc.links.size(); ++i) {
        const ExtractedLink& link = doc.links[i];
        m_builder.add_surface(m_node_requests[i].id, link.surface());
        m_article_edges.push_back({m_node_requests[i].id, link.kind, link.suspect ? 1u : 0u});
    }
    m_builder.add_article_edges(article, m_article_edges);
    if (m_evidence) {
        const std::string_view from = m_builder.key(article);
        for (const LinkPassage& p : doc.link_passages) {
            const ExtractedLink& link = doc.links[p.link];
            m_evidence->add(from, m_builder.key(m_node_requests[p.link].id), link.kind,
                            Evidence{p.text, p.where, p.begin, p.end});
        }
    }
    m_mentions->collect(doc, article, m_node_requests);
    m_stats.links += doc.links.size();
    m_stats.unresolved += doc.unresolved_links;
    m_stats.urls += doc.external_links;
}

KnowledgeGraph BuildPipeline::freeze() {
    return m_builder.freeze();
}

std::vector<ReductionStep> reduce_graph(KnowledgeGraph& graph, const ReduceSettings& settings,
                                        const ImportOptions& keys) {
    std::vector<ReductionStep> steps;
    auto apply = [&](std::string name, auto&& filter) {
        ReductionStep step;
        graph = filter(step);
        step.filter = std::move(name);
        steps.push_back(std::move(step));
    };
    const ReduceSettings& s = settings;
    if (s.node_kinds)
        apply("--node-kinds",
              [&](ReductionStep& st) { return filter_node_kinds(graph, *s.node_kinds, st); });
    if (s.edge_kinds)
        apply("--edge-kinds",
              [&](ReductionStep& st) { return filter_edge_kinds(graph, *s.edge_kinds, st); });
    if (s.min_weight)
        apply("--min-weight " + std::to_string(*s.min_weight),
              [&](ReductionStep& st) { return filter_min_weight(graph, *s.min_weight, st); });
    if (s.backbone)
        apply("--backbone", [&](ReductionStep& st) { return backbone(graph, *s.backbone, st); });
    if (s.max_edges_per_node)
        apply("--max-edges-per-node " + std::to_string(*s.max_edges_per_node),
              [&](ReductionStep& st) { return strongest_edges(graph, *s.max_edges_per_node, st); });
    if (s.focus) {
        const KeyNormalizer normalizer(keys.case_rule, keys.han_folder);
        const std::string key = normalizer.normalize_target(*s.focus).key;
        std::optional<NodeId> focus;
        for (NodeId v = 0; v < graph.node_count() && !focus; ++v) {
            if (graph.node(v).key == key || graph.node(v).key == *s.focus) focus = v;
        }
        for (NodeId v = 0; v < graph.node_count() && !focus; ++v) {
            if (graph.node(v).label == *s.focus) focus = v;
        }
        if (!focus) {
            throw UsageError("build: --focus '" + *s.focus +
                             "' names no node of the graph: give a key or a title");
        }
        apply("--focus --depth " + std::to_string(s.depth),
              [&](ReductionStep& st) { return ego_network(graph, *focus, s.depth, st); });
    }
    if (s.largest_component)
        apply("--largest-component",
              [&](ReductionStep& st) { return largest_component(graph, st); });
    if (s.top)
        apply("--top " + std::to_string(*s.top),
              [&](ReductionStep& st) { return top_nodes(graph, *s.top, s.rank_by, st); });
    return steps;
}

MetricsReport add_metrics(KnowledgeGraph& graph, MetricsMode mode) {
    MetricsReport report;
    if (mode == MetricsMode::off) return report;
    if (mode == MetricsMode::automatic && graph.edge_count() > metrics_edge_limit) {
        report.skipped = true;
        return report;
    }
    const auto start = std::chrono::steady_clock::now();
    const NodeMetrics metrics = compute_metrics(graph);
    graph.set_metrics(metrics);
    const Communities communities = louvain(graph);
    graph.set_communities(communities.community);
    report.computed = true;
    for (std::size_t v = 0; v < graph.node_count(); ++v) {
        report.components = std::max(report.components, metrics.component[v] + 1);
        report.largest_component = std::max(report.largest_component, metrics.component_size[v]);
    }
    report.pagerank_converged = metrics.pagerank_converged;
    report.pagerank_iterations = metrics.pagerank_iterations;
    report.communities = communities.count;
    report.modularity = communities.modularity;
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

LayoutReport add_layout(KnowledgeGraph& graph, const BuildSettings& settings) {
    LayoutReport report;
    if (!settings.layout) return report;
    if (graph.node_count() > layout_node_limit && !settings.layout_forced) {
        report.skipped = true;
        return report;
    }
    const auto start = std::chrono::steady_clock::now();
    report.stats = compute_layout(graph, settings.layout_options);
    report.computed = true;
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

}  // namespace kg
