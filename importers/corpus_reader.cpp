// CorpusReader: folder walking (std::filesystem) and batch-parallel import with std::thread.
#include "importers/corpus_reader.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <optional>
#include <sstream>
#include <system_error>
#include <thread>
#include <tuple>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/error.hpp"
#include "base/text_util.hpp"
#include "importers/compression/byte_source.hpp"

namespace kg {
namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& name) {
    const std::string s = name.filename().string();
    return !s.empty() && s[0] == '.' && s != "." && s != "..";
}

// The whole file in one read where it can (its size from fstat): no stream buffer, no copy.
bool read_file(const std::string& path, std::string& out, std::string& error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::error_code(errno, std::generic_category()).message();
        return false;
    }
    struct stat info {};
    std::size_t capacity = 0;
    if (::fstat(fd, &info) == 0 && info.st_size > 0)
        capacity = static_cast<std::size_t>(info.st_size);
    // One byte more than the size, so that the end is seen without growing (a file that grew
    // since fstat is read to its end all the same).
    out.resize(capacity + 1);
    std::size_t used = 0;
    for (;;) {
        if (used == out.size()) out.resize(out.size() * 2);
        const ssize_t n = ::read(fd, out.data() + used, out.size() - used);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            error =
                "read error (" + std::error_code(errno, std::generic_category()).message() + ")";
            ::close(fd);
            return false;
        }
        used += static_cast<std::size_t>(n);
    }
    ::close(fd);
    out.resize(used);
    return true;
}

}  // namespace

namespace {

// The article files below `root`, and a problem for each folder that cannot be read (its
// files are left out, and the run says so). Symbolic links to folders are not followed.
void walk_folder(const fs::path& root, const std::optional<Dialect>& forced,
                 std::vector<InputFile>& found, std::vector<Problem>& problems) {
    std::vector<fs::path> folders{root};
    std::size_t wiki_files = 0;
    const std::size_t found_before = found.size();
    while (!folders.empty()) {
        const fs::path folder = std::move(folders.back());
        folders.pop_back();
        std::error_code ec;
        fs::directory_iterator it(folder, ec);
        const auto unreadable = [&](const std::error_code& why) {
            if (folder == root)
                throw UsageError("cannot read folder '" + root.string() + "': " + why.message());
            problems.push_back(
                Problem{ProblemKind::unreadable_file, folder.string(), 0, 0,
                        "cannot read folder: " + why.message() + "; the files in it are left out"});
        };
        if (ec) {
            unreadable(ec);
            continue;
        }
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            const fs::path& p = it->path();
            if (hidden(p)) continue;
            std::error_code type_ec;
            if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) {
                folders.push_back(p);
                continue;
            }
            if (!it->is_regular_file(type_ec)) continue;
            if (!is_article_extension(p.extension().string())) {
                wiki_files += input_kind_for_name(p.filename().string()) != InputKind::article;
                continue;
            }
            const std::string relative = p.lexically_relative(root).generic_string();
            found.push_back(
                InputFile{p.string(), p.string(), relative,
                          forced.value_or(dialect_for_extension(p.extension().string()))});
        }
        if (ec) unreadable(ec);
    }
    // A folder of dumps or JSON lines and no notes: say why the graph is empty. (Beside
    // notes, a .json file is more likely data of the vault than pages.)
    if (wiki_files > 0 && found.size() == found_before && !forced)
        problems.push_back(Problem{
            ProblemKind::wiki_in_folder, root.string(), 0, 0,
            "no notes, and " + std::to_string(wiki_files) +
                " dump or JSON-lines file(s) that a folder does not give: name them as inputs "
                "(kgraph build " +
                (fs::path(root) / "*.jsonl").string() + " …)"});
}

// A file named on the command line resolves links and takes its key by the path as given
// ("notes/x.md"), as a file in a folder does by its path below the folder: two named files
// with one stem stay two articles.
std::string named_relative(const fs::path& p) {
    std::string relative = p.lexically_normal().generic_string();
    while (!relative.empty() && relative.front() == '/') relative.erase(0, 1);
    return relative.empty() ? p.filename().generic_string() : relative;
}

}  // namespace

std::vector<InputFile> collect_inputs(const std::vector<std::string>& inputs,
                                      const InputFormat& format, std::vector<Problem>* problems) {
    const std::optional<Dialect> forced = format.dialect;
    std::vector<InputFile> files;
    std::vector<Problem> folder_problems;
    bool have_stdin = false;
    for (const std::string& input : inputs) {
        if (input == "-") {
            if (have_stdin) throw UsageError("standard input '-' named twice: name it once");
            have_stdin = true;
            files.push_back(InputFile{"-", "<stdin>", "stdin", forced.value_or(Dialect::markdown),
                                      format.kind.value_or(InputKind::article)});
            files.back().read_once = true;
            continue;
        }
        std::error_code ec;
        const fs::file_status status = fs::status(input, ec);
        if (ec || !fs::exists(status)) {
            throw UsageError("input '" + input + "' does not exist: check the path");
        }
        if (fs::is_directory(status)) {
            walk_folder(fs::path(input), forced, files, folder_problems);
        } else {
            const fs::path p(input);
            const InputKind kind = format.kind.value_or(
                forced ? InputKind::article : input_kind_for_name(p.filename().string()));
            files.push_back(InputFile{
                input, input,
                kind == InputKind::article ? named_relative(p) : p.filename().generic_string(),
                forced.value_or(dialect_for_extension(p.extension().string())), kind});
            // A pipe or a device (`<(cmd)`, /dev/stdin) gives its bytes once.
            files.back().read_once = !fs::is_regular_file(status);
        }
    }
    // Path order, whatever order the inputs were named in: which of two files with one stem
    // keeps it, and every output byte, do not depend on the command line's order.
    std::stable_sort(files.begin(), files.end(), [](const InputFile& a, const InputFile& b) {
        return std::tie(a.relative, a.path) < std::tie(b.relative, b.path);
    });
    std::sort(folder_problems.begin(), folder_problems.end(),
              [](const Problem& a, const Problem& b) { return a.source < b.source; });
    if (problems != nullptr)
        problems->insert(problems->end(), folder_problems.begin(), folder_problems.end());
    return files;
}

CorpusReader::CorpusReader(std::vector<InputFile> files, ImportOptions options, unsigned threads)
    : m_files(std::move(files)),
      m_options(options),
      m_threads(std::max(1u, threads)),
      m_index(options.case_rule, options.han_folder) {
    // The shallowest file claims a stem first: "x.md" owns "x", and "b/x.md" is keyed "b/x"
    // (were "b/x.md" first, "x.md" would fall back to its path, "x", and the two collide).
    std::vector<const InputFile*> articles;
    for (const InputFile& f : m_files)
        if (f.kind == InputKind::article) articles.push_back(&f);
    const auto depth = [](const InputFile* f) {
        return std::count(f->relative.begin(), f->relative.end(), '/');
    };
    std::stable_sort(articles.begin(), articles.end(),
                     [&](const InputFile* a, const InputFile* b) { return depth(a) < depth(b); });
    for (const InputFile* f : articles) m_index.add(f->relative);
}

Document CorpusReader::import_one(const InputFile& file) const {
    const ArticleImporter importer(m_options, m_index);
    std::string bytes;
    std::string error;
    bool ok = true;
    bool too_large = false;
    if (file.path == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        bytes = std::move(buffer).str();
    } else {
        struct stat info {};
        too_large = ::stat(file.path.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
                    static_cast<std::uint64_t>(info.st_size) > m_options.max_page_bytes;
        if (!too_large) ok = read_file(file.path, bytes, error);
    }
    too_large = too_large || (ok && bytes.size() > m_options.max_page_bytes);
    const auto skipped = [&](ProblemKind kind, std::string message) {
        Document doc;
        doc.source = file.source;
        doc.key = m_index.key_for(file.relative);
        doc.skipped = true;
        doc.problems.push_back(Problem{kind, file.source, 0, 0, std::move(message)});
        return doc;
    };
    if (too_large)
        return skipped(ProblemKind::too_large, "a file over " +
                                                   std::to_string(m_options.max_page_bytes >> 20) +
                                                   " MiB (--max-page-mb) is skipped");
    if (!ok) return skipped(ProblemKind::unreadable_file, "cannot read file: " + error);
    if (file.path == "-" && file.kind == InputKind::article) {
        // A dump piped in without -F: say how to read it, rather than import its bytes as text.
        const Compression compression = detect_compression(bytes);
        if (compression != Compression::none || bytes.rfind("<mediawiki", 0) == 0) {
            const std::string what = compression != Compression::none
                                         ? std::string(to_string(compression)) + "-compressed data"
                                         : std::string("MediaWiki XML");
            return skipped(ProblemKind::binary_file,
                           what +
                               " on standard input is not read as an article: "
                               "add -F mediawiki (or -F jsonl) to read it");
        }
    }
    return importer.import(bytes, file.source, file.relative, file.dialect);
}

void CorpusReader::read(const std::function<void(Document&&)>& sink) {
    // The caller's thread imports too (in finish()), so a pool has one thread fewer; for
    // dumps and JSON lines one more thread reads (and imports while its queue is full).
    std::unique_ptr<WorkerPool> article_pool;
    std::unique_ptr<WorkerPool> wiki_pool;
    std::size_t i = 0;
    while (i < m_files.size()) {
        if (m_files[i].kind != InputKind::article) {
            if (!wiki_pool)
                wiki_pool = std::make_unique<WorkerPool>(m_threads >= 2 ? m_threads - 2 : 0);
            read_wiki(m_files[i], sink, *wiki_pool);
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < m_files.size() && m_files[end].kind == InputKind::article) ++end;
        if (!article_pool) article_pool = std::make_unique<WorkerPool>(m_threads - 1);
        read_articles(i, end, sink, *article_pool);
        i = end;
    }
}

namespace {
// However a reading function ends (a sink may throw under --strict), the pool's jobs, which
// fill that function's locals, end first.
struct FinishJob {
    WorkerPool& pool;
    ~FinishJob() {
        try {
            pool.finish_all();
        } catch (...) {
            // already unwinding, or the results are no longer wanted
        }
    }
};
}  // namespace

void CorpusReader::read_articles(std::size_t first_file, std::size_t end_file,
                                 const std::function<void(Document&&)>& sink, WorkerPool& pool) {
    // Batches keep memory bounded; the sink sees each batch in file order. While the pool
    // imports batch k + 1, this thread finishes batch k (helping) and hands it on.
    const std::size_t batch_size = 64 * static_cast<std::size_t>(m_threads);
    std::deque<std::vector<Document>> flights;
    const FinishJob finish_first{pool};  // ends before the documents the jobs fill
    auto land = [&] {
        pool.finish();  // the oldest job: flights.front()'s
        for (Document& doc : flights.front()) sink(std::move(doc));
        flights.pop_front();
    };
    for (std::size_t first = first_file; first < end_file; first += batch_size) {
        const std::size_t count = std::min(batch_size, end_file - first);
        std::vector<Document>& docs = flights.emplace_back(count);
        pool.start(count, [this, &docs, first](std::size_t i) {
            docs[i] = import_one(m_files[first + i]);
        });
        if (flights.size() > 1) land();
    }
    while (!flights.empty()) land();
}

void CorpusReader::read_wiki(const InputFile& file, const std::function<void(Document&&)>& sink,
                             WorkerPool& pool) {
    auto broken = [&](const InputError& e) {
        Document doc;
        doc.source = file.source;
        doc.skipped = true;
        doc.broken = true;
        doc.problems.push_back(
            Problem{ProblemKind::broken_input, e.source(), e.line(), e.column(), e.message()});
        sink(std::move(doc));
    };
    std::unique_ptr<ByteSource> bytes;
    try {
        bytes = std::make_unique<ByteSource>(file.path, file.source, m_threads);
    } catch (const InputError& e) {
        Document doc;
        doc.source = file.source;
        doc.skipped = true;
        doc.problems.push_back(
            Problem{ProblemKind::unreadable_file, file.source, 0, 0, e.message()});
        sink(std::move(doc));
        return;
    }
    const std::unique_ptr<PageSource> pages = open_page_source(file.kind, *bytes);
    if (pages) pages->limit_page_bytes(m_options.max_page_bytes);
    // The wiki's own rules, known once <siteinfo> is read (before the first page).
    SiteNamespaces namespaces;
    std::string lang;
    ImportOptions options = m_options;
    options.wiki_pages = true;
    std::unique_ptr<ArticleImporter> importer;
    // Pages a batch, whatever the thread count: a bad JSON line is reported before the
    // documents of its batch, so messages come in the same order for any -j.
    const std::size_t batch_size = 64;
    // Batches being imported, oldest first: while the pool imports batch k + 1, this thread
    // finishes batch k (helping) and hands it on.
    struct Flight {
        std::vector<WikiPage> pages;
        std::vector<Document> docs;
        std::vector<Problem> problems;  // bad JSON lines, before the pages' documents
        std::uint64_t raw_done = 0;
    };
    std::deque<Flight> flights;
    auto land = [&] {
        pool.finish();  // the oldest job: flights.front()'s
        Flight& f = flights.front();
        // Bad JSON lines of a batch come first, as they were read before its last pages.
        for (Problem& p : f.problems) {
            Document doc;
            doc.source = file.source;
            doc.skipped = true;
            doc.problems.push_back(std::move(p));
            sink(std::move(doc));
        }
        for (Document& doc : f.docs) {
            if (doc.skipped && doc.problems.empty()) {
                ++m_wiki.other_namespaces;
                continue;
            }
            if (!doc.redirect.empty()) ++m_wiki.redirects;
            sink(std::move(doc));
        }
        m_wiki.raw_done = f.raw_done;
        m_wiki.raw_total = bytes->raw_size();
        flights.pop_front();
    };
    // A producer thread decompresses and parses the next batches while this thread imports
    // and hands on the current one (two batches in the queue at most).
    struct PageBatch {
        std::vector<WikiPage> pages;
        std::vector<Problem> problems;
        std::optional<InputError> error;
        std::uint64_t raw_done = 0;
        std::uint64_t produced = 0;
        bool last = false;
    };
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<PageBatch> queue;
    bool stop = false;
    auto produce = [&] {
        PageBatch b;
        bool more = false;
        try {
            more = pages->next(b.pages, b.problems, batch_size);
        } catch (const InputError& e) {
            b.error = e;
        }
        b.raw_done = bytes->raw_offset();
        b.produced = bytes->offset();
        b.last = !more;
        return b;
    };
    // With two threads or more, one of them reads (see read()); with one, this thread reads
    // a batch, then imports it.
    const bool reader_thread = m_threads >= 2;
    std::thread producer;
    if (reader_thread) {
        producer = std::thread([&] {
            for (bool more = true; more;) {
                PageBatch b = produce();
                more = !b.last;
                std::unique_lock<std::mutex> lock(mutex);
                // A full queue: import pages of the batches in the pool rather than wait, so
                // that two threads keep two cores busy (reading takes about a third of the time).
                while (queue.size() >= 2 && !stop) {
                    lock.unlock();
                    const bool helped = pool.help();
                    lock.lock();
                    if (!helped) changed.wait(lock, [&] { return queue.size() < 2 || stop; });
                }
                if (stop) return;
                queue.push_back(std::move(b));
                changed.notify_all();
            }
        });
    }
    // However this function ends (a sink may throw under --strict), the producer stops first.
    struct Join {
        std::thread& thread;
        std::mutex& mutex;
        std::condition_variable& changed;
        bool& stop;
        ~Join() {
            {
                const std::lock_guard<std::mutex> lock(mutex);
                stop = true;
            }
            changed.notify_all();
            if (thread.joinable()) thread.join();
        }
    } join{producer, mutex, changed, stop};
    const FinishJob finish_first{pool};  // ends before the vectors the job fills
    std::uint64_t produced = 0;
    for (bool more = true; more;) {
        PageBatch next;
        if (reader_thread) {
            std::unique_lock<std::mutex> lock(mutex);
            changed.wait(lock, [&] { return !queue.empty(); });
            next = std::move(queue.front());
            queue.pop_front();
            changed.notify_all();
        } else {
            next = produce();
        }
        more = !next.last;
        produced = next.produced;
        if (next.error) {
            while (!flights.empty()) land();
            m_wiki.xml_bytes += produced;
            broken(*next.error);
            return;
        }
        if (!importer) {
            if (const SiteInfo* site_info = pages->site()) {
                const SiteInfo& site = *site_info;
                namespaces = site.namespaces;
                lang = site.lang;
                if (!m_options.case_forced) {
                    options.case_rule = site.case_rule == "case-sensitive" ? CaseRule::sensitive
                                                                           : CaseRule::first_letter;
                }
                m_wiki.site = site.sitename + (lang.empty() ? "" : " (" + lang + ")");
            } else if (!m_options.case_forced) {
                options.case_rule = CaseRule::first_letter;  // pages of a wiki, by default
            }
            namespaces.add_canonical();
            // Without <siteinfo> (JSON lines, a bare dump) the built-in namespace names,
            // which include the common translations, decide.
            options.site = pages->site() ? &namespaces : nullptr;
            importer = std::make_unique<ArticleImporter>(options, m_index);
        }
        m_wiki.pages += next.pages.size();
        flights.push_back(
            Flight{std::move(next.pages), {}, std::move(next.problems), next.raw_done});
        Flight& flight = flights.back();  // a deque's elements stay put as it grows and shrinks
        flight.docs.assign(flight.pages.size(), Document{});
        pool.start(flight.pages.size(), [&, &flight = flight](std::size_t i) {
            const WikiPage& page = flight.pages[i];
            Document& doc = flight.docs[i];
            if (std::find(m_namespaces.begin(), m_namespaces.end(), page.ns) ==
                m_namespaces.end()) {
                doc.skipped = true;  // counted below, not a problem
                return;
            }
            if (page.too_large) {
                doc.source = file.source;
                doc.skipped = true;
                Problem p{ProblemKind::too_large, file.source, 0, 0,
                          "a page over " + std::to_string(m_options.max_page_bytes >> 20) +
                              " MiB of text (--max-page-mb) is skipped"};
                pages->place(p, page);
                doc.problems.push_back(std::move(p));
                return;
            }
            if (importer->normalizer().normalize_target(page.title).key.empty()) {
                // No title (or one of blanks only): no node can be keyed by it.
                doc.source = file.source;
                doc.skipped = true;
                Problem p{ProblemKind::bad_record, file.source, 0, 0,
                          "a page without a title is skipped"};
                pages->place(p, page);
                doc.problems.push_back(std::move(p));
                return;
            }
            if (!page.redirect.empty()) {
                doc.source = file.source;
                doc.key = importer->normalizer().normalize_target(page.title).key;
                doc.title = importer->normalizer().clean_title(page.title);
                doc.redirect = importer->normalizer().normalize_target(page.redirect).key;
                doc.bytes = page.text.size();
                doc.lang = lang;
                return;
            }
            doc = importer->import_page(page.text, file.source, page.title, page.text_line,
                                        pages->dialect());
            doc.lang = lang;
            if (page.ns == category_namespace) doc.kind = NodeKind::category;
            for (Problem& p : doc.problems) pages->place(p, page);
        });
        if (flights.size() > 1) land();
    }
    while (!flights.empty()) land();
    m_wiki.xml_bytes += produced;
    for (Problem& p : pages->closing_problems(file.source)) {
        Document doc;
        doc.source = file.source;
        doc.skipped = true;
        doc.problems.push_back(std::move(p));
        sink(std::move(doc));
    }
}

}  // namespace kg
