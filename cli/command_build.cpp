// `kgraph build`: options -> BuildSettings (cli/build_options.cpp) -> BuildPipeline -> the
// output format table (exporters/formats.hpp) -> the summary (cli/build_summary.cpp). Checks
// every option and output before reading anything; prints problems and the summary on stderr.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <thread>
#include <variant>

#include <sys/stat.h>
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
    std::unique_ptr<OutputFile> file;
    std::unique_ptr<OutputFolder> folder;
};

/// What names a file: its inode when it exists, else (not there yet) its absolute path.
using FileId = std::variant<std::pair<dev_t, ino_t>, std::string>;

FileId file_id(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) return std::make_pair(st.st_dev, st.st_ino);
    std::error_code ec;
    return fs::weakly_canonical(path, ec).string();
}

/// Refuses an output path that is not a regular file kgraph may replace (a device, FIFO,
/// symlink, a folder that holds other files), or that exists without -O.
void check_output_path(std::string_view what, const std::string& path, bool folder,
                       const std::vector<std::string_view>& folder_files, bool overwrite) {
    const std::string why = refuse_output_path(path, folder, folder_files);
    const std::string named = "build: " + std::string(what) + " '" + path + "' ";
    if (!why.empty()) throw UsageError(named + why + "; name another path");
    std::error_code ec;
    if (!overwrite && fs::exists(fs::symlink_status(path, ec)))
        throw UsageError(named + "exists: add -O/--overwrite to replace it");
}

// Refuses, before anything is read, what check_output_path refuses for every output and the
// report, and the report at an output's path. Returns what ("output", "report") and path of
// every file to be written.
std::vector<std::pair<std::string, std::string>> check_outputs(const BuildOptions& options) {
    std::vector<std::pair<std::string, std::string>> paths;
    for (const OutputRequest& o : options.outputs) {
        if (o.path == "-") continue;
        check_output_path("output", o.path, o.format->is_folder(), o.format->folder_files,
                          options.overwrite);
        if (!o.format->is_folder()) {
            paths.emplace_back("output", o.path);
            continue;
        }
        for (std::string_view name : o.format->folder_files)
            paths.emplace_back("output", (fs::path(o.path) / name).string());
    }
    if (!options.report_path.empty()) {
        check_output_path("report", options.report_path, false, {}, options.overwrite);
        const FileId report = file_id(options.report_path);
        for (const auto& [what, path] : paths) {
            if (file_id(path) == report)
                throw UsageError("build: --report '" + options.report_path +
                                 "' is also an output: name another file");
        }
        paths.emplace_back("report", options.report_path);
    }
    return paths;
}

// Refuses an output (or the report) that is one of the input files, a folder's files included.
void refuse_inputs_as_outputs(const std::vector<std::pair<std::string, std::string>>& paths,
                              const std::vector<InputFile>& inputs) {
    std::map<FileId, const std::pair<std::string, std::string>*> outputs;
    for (const auto& p : paths) outputs.emplace(file_id(p.second), &p);
    for (const InputFile& input : inputs) {
        if (input.path == "-") continue;
        const auto hit = outputs.find(file_id(input.path));
        if (hit == outputs.end()) continue;
        throw UsageError("build: " + hit->second->first + " '" + hit->second->second +
                         "' is an input: writing it would destroy what is read; name another path");
    }
}

std::unique_ptr<OutputFile> open_file(const std::string& path) {
    try {
        return std::make_unique<OutputFile>(path);
    } catch (const OutputError& e) {
        throw UsageError(std::string("build: ") + e.what());
    }
}

OpenOutput open_output(const OutputRequest& request) {
    OpenOutput out{request, {}, {}};
    if (!request.format->is_folder()) {
        out.file = open_file(request.path);
        return out;
    }
    try {
        out.folder = std::make_unique<OutputFolder>(request.path, request.format->folder_files);
    } catch (const OutputError& e) {
        throw UsageError(std::string("build: ") + e.what());
    }
    return out;
}

// Writes the graph in its format and puts it in place (a folder's files together).
double seconds_between(std::chrono::steady_clock::time_point a,
                       std::chrono::steady_clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

WrittenOutput write_output(const KnowledgeGraph& graph, OpenOutput& out,
                           const WriteOptions& options) {
    const std::vector<OutputFile*> files =
        out.folder ? out.folder->files() : std::vector<OutputFile*>{out.file.get()};
    const auto start = std::chrono::steady_clock::now();
    std::string note = out.request.format->write(graph, files, options);
    WrittenOutput written{out.request.path, out.request.format->name, 0, 0.0, std::move(note)};
    if (out.folder) {
        out.folder->close();
        written.bytes = out.folder->bytes_written();
    } else {
        out.file->close();
        written.bytes = out.file->bytes_written();
    }
    written.seconds = seconds_between(start, std::chrono::steady_clock::now());
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
        const auto output_paths = check_outputs(m_options);
        // Inputs are checked before outputs are created, so a typo leaves no temp files behind.
        m_pipeline = std::make_unique<BuildPipeline>(m_options.build);
        refuse_inputs_as_outputs(output_paths, m_pipeline->files());
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
        // The "read … in T s" line times the reading (both passes), not the layout or writing.
        const auto read_end = std::chrono::steady_clock::now();
        const double read_seconds = seconds_between(started, read_end);
        KnowledgeGraph graph = m_pipeline->freeze();
        const double freeze_seconds = seconds_between(read_end, std::chrono::steady_clock::now());
        const BuildSettings& settings = m_pipeline->settings();
        std::string after_graph =
            reduction_lines(reduce_graph(graph, settings.reduce, settings.import), graph);
        after_graph += metrics_line(add_metrics(graph, settings.metrics), graph.edge_count(),
                                    m_options.timings);
        after_graph +=
            layout_line(add_layout(graph, settings), settings.layout_options, graph.node_count());
        std::vector<WrittenOutput> written;
        m_options.write.evidence = m_pipeline->evidence();
        for (OpenOutput& o : m_outputs) written.push_back(write_output(graph, o, m_options.write));
        if (!m_options.quiet) {
            std::cerr << reporter.unprinted();
            std::cerr << build_summary(SummaryParts{
                *m_pipeline, graph, reporter, std::move(after_graph), std::move(written),
                read_seconds, m_mention_seconds, freeze_seconds, m_options.timings});
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
        const auto mentions_start = std::chrono::steady_clock::now();
        m_pipeline->spot_mentions();
        m_mention_seconds = seconds_between(mentions_start, std::chrono::steady_clock::now());
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
    double m_mention_seconds = 0.0;
};

}  // namespace

std::unique_ptr<Command> make_build_command() {
    return std::make_unique<BuildCommand>();
}

}  // namespace kg::cli
