// MediaWikiDumpReader: streams the pages of a MediaWiki XML export (export-0.8 to 0.11,
// https://www.mediawiki.org/xml/export-0.11.xsd; the schemas are in tests/data/schema) with
// expat, in UTF-8 or UTF-16 with a BOM, from a ByteSource (so .bz2/.gz/.zst/.xz too). Reads
// <siteinfo> (site name, database name, base URL, the case rule, the namespaces) and, per
// <page>, its title, <ns>, <id>, <redirect title=…> and the text of its last <revision>.
// Memory holds one chunk of input and the pages of one batch. A PageSource.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "importers/compression/byte_source.hpp"
#include "importers/page_source.hpp"

namespace kg {

class MediaWikiDumpReader : public PageSource {
public:
    /// `source` must outlive the reader. `lift_text`: the content of <text> elements is
    /// decoded by TextElementSplitter and the rest parsed by expat (fast); false: expat parses
    /// all (the same pages and messages, slower; tests compare the two).
    explicit MediaWikiDumpReader(ByteSource& source, bool lift_text = true);
    ~MediaWikiDumpReader();
    MediaWikiDumpReader(const MediaWikiDumpReader&) = delete;
    MediaWikiDumpReader& operator=(const MediaWikiDumpReader&) = delete;

    /// Parses on until `out` holds at least `max_pages` pages or the dump ends; returns false
    /// once the dump has ended (and `out` has its last pages). A malformed or truncated dump
    /// or broken compression: the pages completed before it are returned first, then the next
    /// call throws InputError with line, column, byte offset and the page being read.
    bool next(std::vector<WikiPage>& out, std::size_t max_pages);

    /// Filled from <siteinfo>, which comes before the first page.
    const SiteInfo& site_info() const noexcept;

    // PageSource: the pages above; the site when the dump has <siteinfo>; wikitext; a problem
    // names its page; invalid UTF-8 repaired is one closing problem.
    bool next(std::vector<WikiPage>& out, std::vector<Problem>& problems,
              std::size_t max_pages) override;
    const SiteInfo* site() const noexcept override;
    Dialect dialect() const noexcept override { return Dialect::wikitext; }
    void place(Problem& problem, const WikiPage& page) const override;
    std::vector<Problem> closing_problems(const std::string& source) const override;

    /// Decompressed bytes parsed so far, and the raw progress of the source.
    std::uint64_t bytes_parsed() const noexcept;

    /// Invalid UTF-8 in a UTF-8 dump is replaced with U+FFFD before expat sees it (expat
    /// would stop at the first bad byte and lose the rest): how many sequences, the byte
    /// offset of the first, and the last page title read before it.
    struct Repairs {
        std::uint64_t count = 0;
        std::uint64_t first_offset = 0;
        std::string near_page;
    };
    const Repairs& repairs() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

/// The language of a wiki from its database name ("zhwiki" -> "zh", "zh_yuewiki" ->
/// "zh-yue") or else the host of its base URL ("https://ja.wikipedia.org/…" -> "ja"); "" when
/// neither says.
std::string site_language(const std::string& dbname, const std::string& base);

}  // namespace kg
