// PageSource: a stream of wiki pages, whatever holds them — a MediaWiki XML dump
// (mediawiki/mediawiki_dump_reader.hpp) or JSON lines (jsonl/json_lines_reader.hpp). The
// corpus reader reads every wiki input through it (batches, a reader thread, the pages
// imported in parallel); the input format table (input_formats.hpp) says which one opens a
// file. Adding a page format: one class behind this interface and one table row.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "importers/links/link_scanner.hpp"
#include "importers/mediawiki/site_namespaces.hpp"
#include "importers/problem.hpp"

namespace kg {

/// What a dump's <siteinfo> says; `present` is false without one (and for JSON lines).
struct SiteInfo {
    bool present = false;
    std::string sitename;
    std::string dbname;                      ///< "enwiki", "zhwiki", …
    std::string base;                        ///< the main page's URL
    std::string case_rule = "first-letter";  ///< <case>: first-letter or case-sensitive
    std::string lang;  ///< from dbname ("zhwiki" -> "zh") or the base URL's host
    SiteNamespaces namespaces;
};

/// One page as read.
struct WikiPage {
    std::string title;
    int ns = 0;
    std::uint64_t id = 0;
    std::string redirect;       ///< the redirect's target title, empty for no redirect
    std::string text;           ///< the (last revision's) text
    std::size_t line = 0;       ///< line of the page in the (decompressed) input
    std::size_t text_line = 0;  ///< line where the text starts
    bool too_large = false;     ///< its text passed the page limit: not kept, to be skipped
};

class PageSource {
public:
    virtual ~PageSource() = default;

    /// A page's text (a JSON line) longer than this is not kept: the page comes with
    /// `too_large` set (the line is reported as a problem). --max-page-mb.
    void limit_page_bytes(std::size_t bytes) noexcept { m_max_page_bytes = bytes; }

    /// Reads on until `out` holds at least `max_pages` pages or the input ends; records that
    /// are no page go to `problems`. Returns false once the input has ended (and `out` has its
    /// last pages). Broken input: the pages before it come first, then the next call throws
    /// InputError (with its position).
    virtual bool next(std::vector<WikiPage>& out, std::vector<Problem>& problems,
                      std::size_t max_pages) = 0;

    /// The site's rules, once known (before the first page), or nullptr.
    virtual const SiteInfo* site() const noexcept { return nullptr; }

    /// How the texts are written.
    virtual Dialect dialect() const noexcept = 0;

    /// Turns `problem`, found in `page`'s text (its line and column in that text), into one
    /// that points into the input and names the page.
    virtual void place(Problem& problem, const WikiPage& page) const = 0;

    /// Problems known only at the end of the input (named `source`), such as repaired bytes.
    virtual std::vector<Problem> closing_problems(const std::string& source) const {
        (void)source;
        return {};
    }

protected:
    std::size_t m_max_page_bytes = SIZE_MAX;
};

}  // namespace kg
