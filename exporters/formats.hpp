// The output format table: one row per format kgraph writes (name, aliases, suffixes, file or
// folder, writer). Name and suffix lookup, the -f help text, the error messages and the dispatch
// in `kgraph build` all come from it. Adding a format: one writer file and one row in
// formats.cpp (docs/ARCHITECTURE.md, "How to add an exporter").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/html_writer.hpp"
#include "exporters/output_file.hpp"
#include "graph/evidence.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

/// What a writer may be asked beyond the graph.
struct WriteOptions {
    bool yed = false;  ///< GraphML: yEd's node graphics
    HtmlOptions html;  ///< HTML: the display layer's size, the size warning
    /// --evidence: the passages behind the edges (written when set and not empty).
    const EvidenceIndex* evidence = nullptr;
    /// --evidence was given: every format writes the passages; else only HTML does (its
    /// default is 2, the other formats' 0).
    bool evidence_asked = false;
    const EvidenceIndex* data_evidence() const { return evidence_asked ? evidence : nullptr; }
};

struct OutputFormat {
    std::string_view name;                   ///< for -f, the summary and messages
    std::vector<std::string_view> aliases;   ///< other names -f takes
    std::vector<std::string_view> suffixes;  ///< lower-case, with the dot; longest match wins
    /// A folder format writes these files inside the folder named by -o (empty: one file).
    std::vector<std::string_view> folder_files;
    /// Writes the graph: one OutputFile, or one per folder_files entry in that order. Does not
    /// close them. Returns a note for the summary (empty: none). Throws OutputError.
    std::string (*write)(const KnowledgeGraph& graph, const std::vector<OutputFile*>& files,
                         const WriteOptions& options);

    bool is_folder() const noexcept { return !folder_files.empty(); }
};

/// Every format, in the order help texts list them.
const std::vector<OutputFormat>& output_formats();

/// The format named `name` or one of its aliases, case-insensitive.
const OutputFormat* output_format_named(std::string_view name);

/// The file format whose suffix ends `path` (case-insensitive, the longest suffix wins), if any.
const OutputFormat* output_format_for_path(std::string_view path);

/// The names, in table order (for help texts and messages).
std::vector<std::string_view> output_format_names();

/// Every suffix, in table order.
std::vector<std::string_view> output_format_suffixes();

}  // namespace kg
