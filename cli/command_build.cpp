// `kgraph build`: options -> BuildSettings (cli/build_options.cpp) -> BuildPipeline -> the
// output format table (exporters/formats.hpp) -> the summary (cli/build_summary.cpp). Checks
// every option and output before reading anything; prints problems and the summary on stderr.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include <unistd.h>

#include "base/error.hpp"
#include "cli/build_options.hpp"
#include "cli/build_summary.hpp"
#include "cli/command.hpp"
#include "cli/problem_reporter.hpp"
#include "exporters/output_file.hpp"
#include "pipeline/build_pipeline.hpp"

namespace kg::cli {
namespace {

namespace fs = std::filesystem;

/// An output being written: one file, or a folder format's files in its folder_files order.
struct OpenOutput {
    OutputRequest request;
    std::vector<std::unique_ptr<OutputFile>> files;
};

void refuse_existing(const std::string& what, const std::string& path, bool overwrite) {
    std::error_code ec;
    if (!overwrite && fs::exists(path, ec))
        throw UsageError("build: " + what + " '" + path +
                         "' exists: add -O/--overwrite to replace it");
}

// Refuses outputs that would replace a file without -O, or that name a folder.
void check_outputs(const BuildOptions& options) {
    for (const OutputRequest& o : options.outputs) {
        if (o.format->is_folder()) {
            for (std::string_view name : o.format->folder_files)
                refuse_existing("output", (fs::path(o.path) / name).string(), options.overwrite);
            continue;
        }
        if (o.path == "-") continue;
        std::error_code ec;
        if (fs::is_directory(o.path, ec))
            throw UsageError("build: output '" + o.path + "' is a folder: name a file");
        refuse_existing("output", o.path, options.overwrite);
    }
    if (!options.report_path.empty())
        refuse_existing("report", options.report_path, options.overwrite);
}

std::unique_ptr<OutputFile> open_file(const std::string& path) {
    try {
        return std::make_unique<OutputFile>(path);
    } catch (const OutputError& e) {
        throw UsageError(std::string("build: ") + e.what());
    }
}

OpenOutput open_output(const OutputRequest& request) {
    OpenOutput out{request, {}};
    if (!request.format->is_folder()) {
        out.files.push_back(open_file(request.path));
        return out;
    }
    std::error_code ec;
    fs::create_directories(request.path, ec);
    for (std::string_view name : request.format->folder_files)
        out.files.push_back(open_file((fs::path(request.path) / name).string()));
    return out;
}

// Writes the graph in its format; a folder format's files are closed last to first.
WrittenOutput write_output(const KnowledgeGraph& graph, OpenOutput& out,
                           const WriteOptions& options) {
    std::vector<OutputFile*> files;
    for (const auto& f : out.files) files.push_back(f.get());
    out.request.format->write(graph, files, options);
    WrittenOutput written{out.request.path, out.request.format->name, 0};
    for (auto f = files.rbegin(); f != files.rend(); ++f) {
        (*f)->close();
        written.bytes += (*f)->bytes_written();
    }
    return written;
}

class BuildCommand : public Command {
public:
    std::string_view name() const override { return "build"; }
    std::string_view summary() const override {
        return "read articles, write their link graph (GraphML, JSON)";
    }
    std::string help() const override { return build_help(); }

    void setup(const std::vector<std::string>& args) override {
        m_options = parse_build_options(args, ::isatty(STDERR_FILENO) != 0,
                                        std::max(1u, std::thread::hardware_concurrency()));
        if (m_options.show_help) return;
        check_outputs(m_options);
        // Inputs are checked before outputs are created, so a typo leaves no temp files behind.
        m_pipeline = std::make_unique<BuildPipeline>(m_options.build);
        for (const OutputRequest& o : m_options.outputs) m_outputs.push_back(open_output(o));
        if (!m_options.report_path.empty()) m_report = open_file(m_options.report_path);
    }

    int run() override {
        if (m_options.show_help) {
            std::cout << help();
            return 0;
        }
        const auto started = std::chrono::steady_clock::now();
        ProblemReporter reporter(std::cerr, m_options.max_reports, m_options.strict);
        read(reporter, started);
        KnowledgeGraph graph = m_pipeline->freeze();
        const BuildSettings& settings = m_pipeline->settings();
        std::string after_graph =
            reduction_lines(reduce_graph(graph, settings.reduce, settings.import), graph);
        after_graph += metrics_line(add_metrics(graph, settings.metrics), graph.edge_count());
        after_graph +=
            layout_line(add_layout(graph, settings), settings.layout_options, graph.node_count());
        std::vector<WrittenOutput> written;
        for (OpenOutput& o : m_outputs) written.push_back(write_output(graph, o, m_options.write));
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (!m_options.quiet) {
            std::cerr << reporter.unprinted();
            std::cerr << build_summary(SummaryParts{
                *m_pipeline, graph, reporter, std::move(after_graph), std::move(written), seconds});
        }
        if (m_pipeline->read_stats().broken) {
            std::cerr << "kgraph: an input broke off (see above): the graph holds what was read "
                         "before it\n";
            return 1;
        }
        return 0;
    }

private:
    // The two passes and the redirects between them, and the --report of suspect links.
    void read(ProblemReporter& reporter, std::chrono::steady_clock::time_point started) {
        ProgressLine progress(std::cerr, started);
        if (m_options.progress) {
            m_pipeline->read_documents(reporter,
                                       [&](const ReadProgress& p) { progress.update(p); });
            progress.finish();
        } else {
            m_pipeline->read_documents(reporter);
        }
        m_pipeline->resolve_redirects(reporter);
        m_pipeline->spot_mentions();
        if (m_report) {
            for (const SuspectLink& l : m_pipeline->mention_pass().suspects()) {
                m_report->write(l.where + ": link text '" + l.text + "' (to '" + l.key +
                                "') cuts a word\n");
            }
            m_report->close();
        }
    }

    BuildOptions m_options;
    std::unique_ptr<BuildPipeline> m_pipeline;
    std::vector<OpenOutput> m_outputs;
    std::unique_ptr<OutputFile> m_report;
};

}  // namespace

std::unique_ptr<Command> make_build_command() {
    return std::make_unique<BuildCommand>();
}

}  // namespace kg::cli
