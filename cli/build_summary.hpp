// The text `kgraph build` prints on stderr: the progress line while pass 1 reads, and the
// summary at the end (what was read, the graph, reduction, metrics, layout, problems, what was
// written). Formatting only: the figures come from BuildPipeline and its reports.
#pragma once

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "cli/problem_reporter.hpp"
#include "graph/reduction.hpp"
#include "pipeline/build_pipeline.hpp"

namespace kg::cli {

/// Prints "kgraph: read 12 of 40 files" or, for a dump of known size, MB, pages and the time
/// left, at most every 200 ms, over itself (\r).
class ProgressLine {
public:
    ProgressLine(std::ostream& out, std::chrono::steady_clock::time_point started)
        : m_out(out), m_started(started), m_last(started) {}
    void update(const ReadProgress& progress);
    /// Clears the line.
    void finish();

private:
    std::ostream& m_out;
    std::chrono::steady_clock::time_point m_started;
    std::chrono::steady_clock::time_point m_last;
};

/// One written output for the summary's last line.
struct WrittenOutput {
    std::string path;  ///< "-" for stdout
    std::string_view format;
    std::size_t bytes = 0;
    double seconds = 0.0;  ///< formatting and writing it
    std::string note;      ///< what the writer says about it (the HTML display layer), or empty
};

/// "kgraph: --min-weight 2 removed …" per step, then the note on sizes viewers handle badly.
std::string reduction_lines(const std::vector<ReductionStep>& steps, const KnowledgeGraph& graph);
std::string metrics_line(const MetricsReport& report, std::size_t edges, bool timings = false);
std::string layout_line(const LayoutReport& report, const LayoutOptions& options,
                        std::size_t nodes);

struct SummaryParts {
    const BuildPipeline& pipeline;
    const KnowledgeGraph& graph;
    const ProblemReporter& problems;
    std::string after_graph;  ///< reduction, metrics and layout lines
    std::vector<WrittenOutput> written;
    double seconds = 0.0;          ///< the reading: both passes over the inputs
    double mention_seconds = 0.0;  ///< the mention pass, a part of `seconds`
    double freeze_seconds = 0.0;   ///< the graph built from what was read
    bool timings = false;          ///< --timings: every stage's time
};

/// ", 1.23 s" for a stage that took at least a second, else nothing: the summary says where
/// the time of a long run went, and short runs print the same bytes every time.
std::string stage_time(double seconds, bool always = false);

/// The whole summary, from "kgraph: read …" to "kgraph: wrote …".
std::string build_summary(const SummaryParts& parts);

}  // namespace kg::cli
