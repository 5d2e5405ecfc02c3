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

/// The same file or folder: one inode, or (for paths not there yet) one absolute path.
bool same_path(const std::string& a, const std::string& b) {
    std::error_code ec;
    if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
    return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

// Refuses, before anything is read: an output that exists without -O, or that is not a regular
// file kgraph may replace (a device, FIFO, symlink, a folder that holds other files), or that
// is one of the inputs; the report and the outputs at one path.
std::vector<std::pair<std::string, std::string>> check_outputs(const BuildOptions& options) {
    std::vector<std::pair<std::string, std::string>> paths;  // what ("output", "report"), path
    for (const OutputRequest& o : options.outputs) {
        if (o.path == "-") continue;
        const std::string why =
            refuse_output_path(o.path, o.format->is_folder(), o.format->folder_files);
        if (!why.empty())
            throw UsageError("build: output '" + o.path + "' " + why + "; name another path");
        std::error_code ec;
        if (!options.overwrite && fs::exists(fs::symlink_status(o.path, ec)))
            throw UsageError("build: output '" + o.path +
                             "' exists: add -O/--overwrite to replace it");
        if (!o.format->is_folder()) {
            paths.emplace_back("output", o.path);
            continue;
        }
        for (std::string_view name : o.format->folder_files)
            paths.emplace_back("output", (fs::path(o.path) / name).string());
    }
    if (!options.report_path.empty()) {
        const std::string why = refuse_output_path(options.report_path, false, {});
        if (!why.empty())
            throw UsageError("build: report '" + options.report_path + "' " + why +
                             "; name another path");
        std::error_code ec;
        if (!options.overwrite && fs::exists(fs::symlink_status(options.report_path, ec)))
            throw UsageError("build: report '" + options.report_path +
                             "' exists: add -O/--overwrite to replace it");
        for (const auto& [what, path] : paths) {
            if (same_path(path, options.report_path))
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
    std::map<std::pair<dev_t, ino_t>, const std::pair<std::string, std::string>*> existing;
    for (const auto& p : paths) {
        struct stat st {};
        if (::stat(p.second.c_str(), &st) == 0) existing[{st.st_dev, st.st_ino}] = &p;
    }
    if (existing.empty()) return;
    for (const InputFile& input : inputs) {
        struct stat st {};
        if (input.path == "-" || ::stat(input.path.c_str(), &st) != 0) continue;
        const auto hit = existing.find({st.st_dev, st.st_ino});
        if (hit == existing.end()) continue;
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
WrittenOutput write_output(const KnowledgeGraph& graph, OpenOutput& out,
                           const WriteOptions& options) {
    const std::vector<OutputFile*> files =
        out.folder ? out.folder->files() : std::vector<OutputFile*>{out.file.get()};
    out.request.format->write(graph, files, options);
    WrittenOutput written{out.request.path, out.request.format->name, 0};
    if (out.folder) {
        out.folder->close();
        written.bytes = out.folder->bytes_written();
    } else {
        out.file->close();
        written.bytes = out.file->bytes_written();
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
        const double read_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        KnowledgeGraph graph = m_pipeline->freeze();
        const BuildSettings& settings = m_pipeline->settings();
        std::string after_graph =
            reduction_lines(reduce_graph(graph, settings.reduce, settings.import), graph);
        after_graph += metrics_line(add_metrics(graph, settings.metrics), graph.edge_count());
        after_graph +=
            layout_line(add_layout(graph, settings), settings.layout_options, graph.node_count());
        std::vector<WrittenOutput> written;
        for (OpenOutput& o : m_outputs) written.push_back(write_output(graph, o, m_options.write));
        if (!m_options.quiet) {
            std::cerr << reporter.unprinted();
            std::cerr << build_summary(SummaryParts{*m_pipeline, graph, reporter,
                                                    std::move(after_graph), std::move(written),
                                                    read_seconds});
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
