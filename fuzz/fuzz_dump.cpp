// Fuzz target: MediaWiki dump XML (expat, the page splitter, siteinfo) and JSON lines, read
// through ByteSource (so compressed inputs too) as kgraph reads them, every page imported.
// A broken input may end the read with InputError; nothing else may escape.
#include <memory>

#include "base/error.hpp"
#include "fuzz_target.hpp"
#include "importers/article_importer.hpp"
#include "importers/compression/byte_source.hpp"
#include "importers/input_formats.hpp"

using namespace kg;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fuzz::FuzzInput in(data, size);
    try {
        ByteSource bytes(in.payload, "fuzz", 1, ByteSource::InMemory{});
        std::unique_ptr<PageSource> pages =
            open_page_source(in.bit(0) ? InputKind::json_lines : InputKind::mediawiki_dump, bytes);
        ImportOptions options;
        options.wiki_pages = true;
        options.site = nullptr;
        CorpusIndex index(CaseRule::first_letter);
        const ArticleImporter importer(options, index);
        std::vector<WikiPage> out;
        std::vector<Problem> problems;
        std::size_t read = 0;
        while (pages->next(out, problems, 16)) {
            for (const WikiPage& p : out) {
                importer.import_page(p.text, "fuzz", p.title, p.text_line, pages->dialect());
                if (++read > 100000) return 0;
            }
            out.clear();
            problems.clear();
        }
        pages->closing_problems("fuzz");
    } catch (const InputError&) {
        // A positioned message: what kgraph prints for a broken input.
    }
    return 0;
}
