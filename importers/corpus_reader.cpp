// CorpusReader: folder walking (std::filesystem) and batch-parallel import with std::thread.
#include "importers/corpus_reader.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <thread>

#include "graph/error.hpp"

namespace kg {
namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& name) {
    const std::string s = name.filename().string();
    return !s.empty() && s[0] == '.' && s != "." && s != "..";
}

bool read_file(const std::string& path, std::string& out, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::error_code(errno, std::generic_category()).message();
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        error = "read error";
        return false;
    }
    out = std::move(buffer).str();
    return true;
}

}  // namespace

std::vector<InputFile> collect_inputs(const std::vector<std::string>& inputs,
                                      std::optional<Dialect> forced) {
    std::vector<InputFile> files;
    bool have_stdin = false;
    for (const std::string& input : inputs) {
        if (input == "-") {
            if (have_stdin) throw UsageError("standard input '-' named twice: name it once");
            have_stdin = true;
            files.push_back(InputFile{"-", "<stdin>", "stdin", forced.value_or(Dialect::markdown)});
            continue;
        }
        std::error_code ec;
        const fs::file_status status = fs::status(input, ec);
        if (ec || !fs::exists(status)) {
            throw UsageError("input '" + input + "' does not exist: check the path");
        }
        if (fs::is_directory(status)) {
            std::vector<InputFile> found;
            const fs::path root(input);
            fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied,
                                                ec);
            if (ec) throw UsageError("cannot read folder '" + input + "': " + ec.message());
            for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (ec) break;
                const fs::path& p = it->path();
                if (hidden(p)) {
                    if (it->is_directory(ec)) it.disable_recursion_pending();
                    continue;
                }
                if (!it->is_regular_file(ec) || !is_article_extension(p.extension().string()))
                    continue;
                const std::string relative = p.lexically_relative(root).generic_string();
                found.push_back(
                    InputFile{p.string(), p.string(), relative,
                              forced.value_or(dialect_for_extension(p.extension().string()))});
            }
            if (ec) throw UsageError("cannot read folder '" + input + "': " + ec.message());
            std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) {
                return a.relative < b.relative;
            });
            std::move(found.begin(), found.end(), std::back_inserter(files));
        } else {
            const fs::path p(input);
            files.push_back(
                InputFile{input, input, p.filename().generic_string(),
                          forced.value_or(dialect_for_extension(p.extension().string()))});
        }
    }
    return files;
}

CorpusReader::CorpusReader(std::vector<InputFile> files, ImportOptions options, unsigned threads)
    : m_files(std::move(files)),
      m_options(options),
      m_threads(std::max(1u, threads)),
      m_index(options.case_rule, options.han_folder) {
    for (const InputFile& f : m_files) m_index.add(f.relative);
}

Document CorpusReader::import_one(const InputFile& file) const {
    const ArticleImporter importer(m_options, m_index);
    std::string bytes;
    std::string error;
    bool ok = true;
    if (file.path == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        bytes = std::move(buffer).str();
    } else {
        ok = read_file(file.path, bytes, error);
    }
    if (!ok) {
        Document doc;
        doc.source = file.source;
        doc.key = m_index.key_for(file.relative);
        doc.skipped = true;
        doc.problems.push_back(
            Problem{ProblemKind::unreadable_file, file.source, 0, 0, "cannot read file: " + error});
        return doc;
    }
    return importer.import(bytes, file.source, file.relative, file.dialect);
}

void CorpusReader::read(const std::function<void(Document&&)>& sink) {
    // Batches keep memory bounded; within one, workers take files by an atomic counter and
    // the sink sees the batch in file order.
    const std::size_t batch_size = 64 * static_cast<std::size_t>(m_threads);
    std::vector<Document> batch;
    for (std::size_t first = 0; first < m_files.size(); first += batch_size) {
        const std::size_t count = std::min(batch_size, m_files.size() - first);
        batch.assign(count, Document{});
        std::atomic<std::size_t> next{0};
        std::vector<std::exception_ptr> errors(m_threads);
        auto work = [&](unsigned worker) {
            try {
                for (std::size_t i = next++; i < count; i = next++) {
                    batch[i] = import_one(m_files[first + i]);
                }
            } catch (...) {
                errors[worker] = std::current_exception();
            }
        };
        const unsigned workers = static_cast<unsigned>(std::min<std::size_t>(m_threads, count));
        std::vector<std::thread> pool;
        for (unsigned w = 1; w < workers; ++w) pool.emplace_back(work, w);
        work(0);
        for (auto& t : pool) t.join();
        for (const auto& e : errors) {
            if (e) std::rethrow_exception(e);
        }
        for (Document& doc : batch) sink(std::move(doc));
    }
}

}  // namespace kg
