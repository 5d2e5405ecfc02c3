// Fuzz target: a whole article through ArticleImporter — text decoding (BOM, UTF-16, invalid
// UTF-8), front matter, link scanning, heading titles, key normalization, suspect-link checks,
// sentence and paragraph windows — as a Markdown or wikitext file, or as a wiki page.
#include "fuzz_target.hpp"
#include "importers/article_importer.hpp"

using namespace kg;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fuzz::FuzzInput in(data, size);
    ImportOptions options;
    options.case_rule = in.bit(0) ? CaseRule::sensitive : CaseRule::fold;
    options.label_first = in.bit(1);
    options.external = in.bit(2);
    options.suspect_links = in.bit(3);
    options.window = in.bit(4) ? CooccurrenceWindow::paragraph : CooccurrenceWindow::sentence;
    options.links_in_templates = in.bit(5);
    options.retain_text = true;
    const Dialect dialect = in.bit(6) ? Dialect::wikitext : Dialect::markdown;
    CorpusIndex index(options.case_rule);
    index.add("notes/a.md");
    index.add("b.md");
    const ArticleImporter importer(options, index);
    const Document doc = in.bit(7)
                             ? importer.import_page(in.payload, "fuzz", "Fuzz page", 1, dialect)
                             : importer.import(in.payload, "fuzz.md", "notes/a.md", dialect);
    if (doc.key.empty() && !in.bit(7)) fuzz::broken("an article without a key");
    return 0;
}
