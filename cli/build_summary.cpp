// The summary and progress text of `kgraph build`.
#include "cli/build_summary.hpp"

#include <algorithm>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "base/number_format.hpp"

namespace kg::cli {

void ProgressLine::update(const ReadProgress& progress) {
    const auto now = std::chrono::steady_clock::now();
    if (now - m_last <= std::chrono::milliseconds(200)) return;
    m_last = now;
    const WikiInputStats& wiki = progress.wiki;
    if (wiki.raw_total > 0 && wiki.raw_done > 0) {
        // A dump: bytes of the file read, pages, and the time left at this rate.
        const double elapsed = std::chrono::duration<double>(now - m_started).count();
        const double share =
            static_cast<double>(wiki.raw_done) / static_cast<double>(wiki.raw_total);
        const auto left = static_cast<long>(elapsed / std::max(share, 1e-9) - elapsed);
        m_out << "\rkgraph: " << grouped(wiki.raw_done / 1000000) << " of "
              << grouped(wiki.raw_total / 1000000) << " MB (" << static_cast<int>(share * 100)
              << " %), " << grouped(wiki.pages) << " pages, ETA " << left / 60 << ":"
              << (left % 60 < 10 ? "0" : "") << left % 60 << "\033[K" << std::flush;
    } else {
        m_out << "\rkgraph: read " << grouped(progress.documents) << " of "
              << grouped(progress.files) << " files" << std::flush;
    }
}

void ProgressLine::finish() {
    m_out << "\r\033[K" << std::flush;
}

std::string reduction_lines(const std::vector<ReductionStep>& steps, const KnowledgeGraph& graph) {
    std::ostringstream s;
    for (const ReductionStep& step : steps) {
        s << "kgraph: " << step.filter << " removed " << grouped(step.nodes_removed) << " nodes, "
          << grouped(step.edges_removed) << " edges (" << std::fixed << std::setprecision(1)
          << 100.0 * step.weight_share_removed << " % of the weight)\n";
    }
    const std::size_t nodes = graph.node_count();
    const std::size_t edges = graph.edge_count();
    const char* limits = nullptr;
    if (nodes > 100000 || edges > 1000000) {
        limits =
            " edges are more than Gephi and Cytoscape desktop handle well (~10^5 nodes, 10^6 "
            "edges);";
    } else if (nodes > 10000 || edges > 100000) {
        limits =
            " edges are more than Sigma.js and Cytoscape.js handle well (~10^4 nodes, 10^5 "
            "edges);";
    }
    if (limits) {
        s << "kgraph: note: " << grouped(nodes) << " nodes and " << grouped(edges) << limits
          << " reduce with --top N, --min-weight W, --backbone 0.05, --edge-kinds link\n";
    }
    return s.str();
}

std::string stage_time(double seconds, bool always) {
    if (seconds < 1.0 && !always) return {};
    std::ostringstream s;
    s << std::fixed << std::setprecision(2) << ", " << seconds << " s";
    return s.str();
}

std::string metrics_line(const MetricsReport& report, std::size_t edges, bool timings) {
    if (report.skipped) {
        return "kgraph: metrics skipped: " + grouped(edges) + " edges (more than " +
               grouped(metrics_edge_limit) +
               ", where communities and k-cores take ~110 bytes an "
               "edge more; --metrics on forces them, or reduce with --top N)\n";
    }
    if (!report.computed) return {};
    std::ostringstream q;
    q << std::fixed << std::setprecision(3) << report.modularity;
    return "kgraph: metrics: PageRank " +
           std::string(report.pagerank_converged ? "converged" : "did NOT converge") + " in " +
           counted(report.pagerank_iterations, "iteration") + "; " +
           counted(report.components, "weakly connected component") + ", the largest " +
           counted(report.largest_component, "node") + "; " +
           counted(report.communities, "community", "communities") + " (Louvain, modularity " +
           q.str() + ")" + stage_time(report.seconds, timings) + "\n";
}

std::string layout_line(const LayoutReport& report, const LayoutOptions& options,
                        std::size_t nodes) {
    if (report.skipped) {
        return "kgraph: layout skipped: " + grouped(nodes) + " nodes (more than " +
               grouped(layout_node_limit) +
               "; --layout fa2 forces it, about 5 s for 10^5 nodes on two cores, or reduce with "
               "--top N)\n";
    }
    if (!report.computed) return {};
    const bool fa2 = options.algorithm == LayoutAlgorithm::force_atlas2;
    std::ostringstream l;
    l << std::fixed << std::setprecision(2)
      << "kgraph: layout: " << (fa2 ? "ForceAtlas2 (Barnes-Hut)" : "Fruchterman-Reingold") << ", ";
    if (report.stats.levels > 1) {
        l << report.stats.levels << " levels: " << grouped(options.iterations)
          << " iterations on the coarsest (" << grouped(report.stats.coarsest_nodes) << " nodes), "
          << grouped(report.stats.finer_iterations) << " on each finer one, ";
    } else {
        l << grouped(options.iterations) << " iterations, ";
    }
    l << report.seconds << " s\n";
    return l.str();
}

namespace {

void read_lines(std::ostream& s, const SummaryParts& parts) {
    const ReadStats& read = parts.pipeline.read_stats();
    const BuildSettings& settings = parts.pipeline.settings();
    const double seconds = parts.seconds;
    s << "kgraph: read " << counted(read.articles, "article") << " ("
      << counted(read.bytes, "byte");
    if (read.skipped > 0) s << ", " << counted(read.skipped, "file") << " skipped";
    s << ") in " << seconds << " s, "
      << (seconds > 0 ? static_cast<double>(read.bytes) / 1e6 / seconds : 0.0) << " MB/s, "
      << counted(settings.threads, "thread") << "\n";
    const WikiInputStats& wiki = parts.pipeline.wiki_stats();
    const RedirectSummary& redirected = parts.pipeline.redirect_summary();
    if (wiki.pages > 0) {
        s << "kgraph: wiki pages " << grouped(wiki.pages);
        if (!wiki.site.empty()) s << " of " << wiki.site;
        s << " (" << grouped(wiki.xml_bytes)
          << " bytes of XML or JSON): " << grouped(wiki.redirects) << " redirects ("
          << grouped(redirected.resolved) << " resolved, " << grouped(redirected.dangling)
          << " to missing pages, " << grouped(redirected.loops) << " in loops), "
          << grouped(wiki.other_namespaces) << " in other namespaces skipped (--namespaces)\n";
    }
    s << "kgraph: links " << grouped(read.links) << " extracted";
    if (read.unresolved > 0)
        s << ", " << counted(read.unresolved, "Markdown link") << " to files outside the corpus";
    if (read.urls > 0)
        s << ", " << counted(read.urls, "URL")
          << (settings.import.external ? "" : " (nodes with --external)");
    s << '\n';
}

void graph_lines(std::ostream& s, const KnowledgeGraph& graph) {
    s << "kgraph: nodes " << grouped(graph.node_count()) << ":";
    const char* sep = " ";
    for (NodeKind k : all_node_kinds) {
        s << sep << to_string(k) << ' ' << grouped(graph.node_count(k));
        sep = ", ";
    }
    s << "\nkgraph: edges " << grouped(graph.edge_count()) << ":";
    sep = " ";
    for (EdgeKind k : all_edge_kinds) {
        // Interlanguage and redirect edges exist only for wiki input: named when there.
        if ((k == EdgeKind::interlanguage || k == EdgeKind::redirect) && graph.edge_count(k) == 0)
            continue;
        s << sep << to_string(k) << ' ' << grouped(graph.edge_count(k)) << " (weight "
          << grouped(graph.edge_weight(k)) << ')';
        sep = ", ";
    }
    s << '\n';
}

}  // namespace

std::string build_summary(const SummaryParts& parts) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(2);
    read_lines(s, parts);
    graph_lines(s, parts.graph);
    s << parts.pipeline.mention_pass().summary();
    if (const EvidenceIndex* evidence = parts.pipeline.evidence()) {
        s << "kgraph: evidence: " << counted(evidence->passages(), "passage") << " on "
          << counted(evidence->edges(), "edge") << " (" << evidence->per_edge() << " at most each, "
          << static_cast<double>(evidence->bytes()) / 1e6 << " MB)";
        const std::size_t skipped = parts.pipeline.mention_pass().evidence_skipped();
        if (skipped > 0)
            s << "; the mentions of " << counted(skipped, "text")
              << " read again have none (raise --keep-texts)";
        s << '\n';
    }
    if (parts.timings || parts.mention_seconds >= 1.0 || parts.freeze_seconds >= 1.0) {
        s << "kgraph: times: mention pass " << parts.mention_seconds << " s (part of the read), "
          << "graph built " << parts.freeze_seconds << " s\n";
    }
    s << parts.after_graph;
    s << "kgraph: problems " << grouped(parts.problems.total());
    if (parts.problems.total() > 0) s << ": " << parts.problems.breakdown();
    s << "\nkgraph: wrote";
    const char* sep = " ";
    for (const WrittenOutput& o : parts.written) {
        s << sep << (o.path == "-" ? "<stdout>" : o.path) << " (" << o.format << ", "
          << grouped(o.bytes) << " bytes" << stage_time(o.seconds, parts.timings) << ")";
        sep = ", ";
    }
    s << '\n';
    for (const WrittenOutput& o : parts.written)
        if (!o.note.empty())
            s << "kgraph: " << (o.path == "-" ? "<stdout>" : o.path) << ": " << o.note << '\n';
    return s.str();
}

}  // namespace kg::cli
