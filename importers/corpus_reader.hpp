// CorpusReader: the front of the pipeline. Expands the inputs the user named (files, folders,
// "-" for stdin) into a sorted list of article files, then reads and imports them on several
// threads and hands the Documents to a sink in input order, so that what follows is the same
// whatever the thread count. Called by the CLI's build command.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "importers/article_importer.hpp"

namespace kg {

struct InputFile {
    std::string path;      ///< file system path ("-" for stdin)
    std::string source;    ///< how messages name it: the path as given, or "<stdin>"
    std::string relative;  ///< '/'-separated path below its input folder (the file name for a
                           ///< file named directly); decides the key and resolves links
    Dialect dialect = Dialect::markdown;
};

/// Expands `inputs`: a folder is walked recursively for .md/.markdown/.txt/.wiki files
/// (folders and files whose name starts with '.' are skipped, as vault tools do), sorted by
/// path; a file is taken whatever its extension; "-" is standard input. `forced` overrides
/// the dialect that extensions imply.
/// Throws UsageError for a path that does not exist or a second "-".
std::vector<InputFile> collect_inputs(const std::vector<std::string>& inputs,
                                      std::optional<Dialect> forced);

class CorpusReader {
public:
    /// Precondition: `threads` >= 1.
    CorpusReader(std::vector<InputFile> files, ImportOptions options, unsigned threads);

    /// Reads every file and calls `sink` once per file, in the order of the file list. A file
    /// that cannot be read yields a skipped Document with an `unreadable_file` problem.
    /// Exceptions thrown by `sink` propagate.
    void read(const std::function<void(Document&&)>& sink);

    const CorpusIndex& index() const noexcept { return m_index; }

private:
    Document import_one(const InputFile& file) const;

    std::vector<InputFile> m_files;
    ImportOptions m_options;
    unsigned m_threads;
    CorpusIndex m_index;
};

}  // namespace kg
