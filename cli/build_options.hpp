// BuildOptions: `kgraph build`'s command line as one value, and the pure function that parses
// it (no file is looked at: inputs and outputs are checked by BuildPipeline and the command).
// Every bad value is a UsageError that says what was found and what to give instead. Tested in
// tests/unit/cli/test_build_options.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "exporters/formats.hpp"
#include "pipeline/build_settings.hpp"

namespace kg::cli {

struct OutputRequest {
    std::string path;  ///< a file, "-" for stdout, or a folder for a folder format
    const OutputFormat* format = nullptr;
};

struct BuildOptions {
    bool show_help = false;
    bool verbose = false;
    bool quiet = false;
    bool progress = false;  ///< --progress, or stderr is a terminal and not --quiet
    bool timings = false;   ///< every stage's time in the summary, not only those over 1 s
    bool strict = false;
    std::size_t max_reports = 10;
    BuildSettings build;
    std::vector<OutputRequest> outputs;  ///< at least one, no path twice, "-" at most once
    bool overwrite = false;
    WriteOptions write;
    std::string report_path;  ///< --report, or empty
};

/// Parses the words after `build`. `terminal`: stderr is a terminal (progress by default).
/// `cores`: the default thread count. Throws UsageError.
BuildOptions parse_build_options(const std::vector<std::string>& args, bool terminal,
                                 unsigned cores);

/// `kgraph help build`.
std::string build_help();

}  // namespace kg::cli
