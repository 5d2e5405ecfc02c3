// CorpusReader: the front of the pipeline. Expands the inputs the user named (files, folders,
// "-" for stdin) into a sorted list of article files, then reads and imports them on several
// threads and hands the Documents to a sink in input order, so that what follows is the same
// whatever the thread count. Called by BuildPipeline and MentionPass.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <cstdint>

#include "base/worker_pool.hpp"
#include "importers/article_importer.hpp"
#include "importers/input_formats.hpp"

namespace kg {

/// Expands `inputs`: a folder is walked recursively for .md/.markdown/.txt/.wiki files
/// (folders and files whose name starts with '.' are skipped, as vault tools do); a file is
/// taken whatever its extension; "-" is standard input. Every file comes in path order,
/// whatever the order of `inputs`. `forced` overrides the dialect that extensions imply, or
/// makes every input a dump or JSON lines. A subfolder that cannot be read is a problem added
/// to `problems` (its files are left out). Throws UsageError for a path that does not exist,
/// an input folder that cannot be read, or a second "-".
std::vector<InputFile> collect_inputs(const std::vector<std::string>& inputs,
                                      const InputFormat& forced,
                                      std::vector<Problem>* problems = nullptr);

/// Counts of what wiki inputs held beyond the documents.
struct WikiInputStats {
    std::size_t pages = 0;             ///< <page>s or JSON lines read
    std::size_t other_namespaces = 0;  ///< pages skipped: namespace not selected
    std::size_t redirects = 0;
    std::uint64_t xml_bytes = 0;  ///< decompressed bytes of XML or JSON
    std::uint64_t raw_done = 0;   ///< bytes of the current wiki file read (progress)
    std::uint64_t raw_total = 0;  ///< its size (0: unknown, a pipe)
    std::string site;             ///< the last dump's site name and language
};

class CorpusReader {
public:
    /// Precondition: `threads` >= 1.
    CorpusReader(std::vector<InputFile> files, ImportOptions options, unsigned threads);

    /// Reads every file and calls `sink` once per file, in the order of the file list. A file
    /// that cannot be read yields a skipped Document with an `unreadable_file` problem.
    /// Exceptions thrown by `sink` propagate.
    void read(const std::function<void(Document&&)>& sink);

    const CorpusIndex& index() const noexcept { return m_index; }
    const WikiInputStats& wiki_stats() const noexcept { return m_wiki; }

    /// Namespaces of wiki pages that become documents (default: 0 articles, 14 categories).
    void select_namespaces(std::vector<int> namespaces) { m_namespaces = std::move(namespaces); }

private:
    Document import_one(const InputFile& file) const;
    void read_articles(std::size_t first, std::size_t end,
                       const std::function<void(Document&&)>& sink, WorkerPool& pool);
    void read_wiki(const InputFile& file, const std::function<void(Document&&)>& sink,
                   WorkerPool& pool);

    std::vector<InputFile> m_files;
    ImportOptions m_options;
    unsigned m_threads;
    CorpusIndex m_index;
    std::vector<int> m_namespaces{0, 14};
    WikiInputStats m_wiki;
};

}  // namespace kg
