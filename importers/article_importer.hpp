// ArticleImporter: one article file (Markdown, plain text or wikitext) -> Document. Decodes the
// bytes, reads front matter and the title, scans the links and resolves them to keys: wiki-links
// by the normalized target, Markdown links by the path of the corpus file they name.
// Thread-safe: one importer serves every worker of a CorpusReader.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "importers/document.hpp"
#include "importers/links/key_normalizer.hpp"
#include "importers/links/link_scanner.hpp"
#include "importers/text/match_text.hpp"
#include "importers/text/windows.hpp"

namespace kg {

struct ImportOptions {
    CaseRule case_rule = CaseRule::fold;
    bool case_forced = false;  ///< --case given: wiki pages keep it instead of their site's rule
    bool label_first = false;  ///< Dendron's [[Label|note.name]]
    bool external = false;     ///< make URLs `external` nodes
    const MatchFolder* han_folder = nullptr;   ///< fold Traditional Chinese keys to Simplified
    const CandidateFinder* spotter = nullptr;  ///< when set, fill Document::candidates
    CooccurrenceWindow window = CooccurrenceWindow::off;  ///< fill Document::window_breaks
    bool suspect_links = true;  ///< check whether link texts cut words (ExtractedLink::suspect)
    /// Article files: keep the decoded text, its running-text ranges and body offset in the
    /// Document (Document::text), so that a second pass over it need not read it again.
    bool retain_text = false;
    bool links_in_templates = false;  ///< wikitext: count links written inside {{templates}}
    /// --evidence K: keep the passage of the first K links of each (target, kind) of a
    /// document (Document::link_passages).
    unsigned evidence = 0;
    /// Wiki pages (dumps, JSON lines): the wiki's namespaces decide what a prefix is; links
    /// with a language prefix are `interlanguage` edges (or dropped: keep_interlanguage).
    const SiteNamespaces* site = nullptr;
    bool wiki_pages = false;
    bool keep_interlanguage = true;
    /// Problems of one kind itemized per input at most (--max-reports): the rest are counted
    /// in Problem::more, so that a file of a million unclosed links costs no million messages.
    std::size_t max_problems_per_kind = SIZE_MAX;
    /// A page's text, a JSON line or an article file over this is skipped and reported
    /// (--max-page-mb).
    std::size_t max_page_bytes = std::size_t{256} << 20;
};

/// The files of the corpus by path, so that [label](../other.md) and [[folder/note]] find the
/// article they name. Paths are relative to the input root, '/'-separated, without extension.
class CorpusIndex {
public:
    explicit CorpusIndex(CaseRule rule, const MatchFolder* han_folder = nullptr)
        : m_normalizer(rule, han_folder) {}

    /// Registers a corpus file by its relative path (with extension); returns its article key:
    /// its normalized stem, or — when an earlier file already has that stem (Obsidian allows
    /// one name in several folders) — its normalized path without extension.
    std::string add(std::string_view relative_path);

    /// The article key of the corpus file at `relative_path` (extension optional), or "" .
    std::string find(std::string_view relative_path) const;

    /// The article key of a registered file, else its normalized stem.
    std::string key_for(std::string_view relative_path) const;

private:
    std::string path_key(std::string_view relative_path) const;

    KeyNormalizer m_normalizer;
    std::unordered_map<std::string, std::string> m_by_path;  // path key -> article key
    std::unordered_map<std::string, std::string> m_stems;    // stem key -> path key of owner
};

class ArticleImporter {
public:
    ArticleImporter(ImportOptions options, const CorpusIndex& index);

    /// Builds the Document of the file at `relative_path` (used for its key and to resolve
    /// its relative links) from its raw `bytes`. `source` names it in messages. Never throws
    /// on bad input: problems go into Document::problems.
    Document import(std::string_view bytes, const std::string& source,
                    std::string_view relative_path, Dialect dialect) const;

    /// Builds the Document of one wiki page (MediaWiki dump or JSON-lines input): the key is
    /// the normalized `title`; the text is wikitext in dumps. `first_line` is the line of the
    /// input where the text starts, so that problems point into the dump (0: unknown). Never
    /// throws on bad input.
    Document import_page(std::string_view text, const std::string& source, std::string_view title,
                         std::size_t first_line, Dialect dialect = Dialect::wikitext) const;

    const KeyNormalizer& normalizer() const noexcept { return m_normalizer; }

private:
    void add_wiki_link(Document& doc, const RawLink& raw, std::string_view text, bool wikitext,
                       std::vector<ScanIssue>& issues) const;
    void add_markdown_link(Document& doc, const RawLink& raw, std::string_view relative_path) const;
    void report_invalid_utf8(Document& doc, const struct DecodedText& decoded,
                             const std::string& text, std::size_t first_line) const;
    void report_nul_bytes(Document& doc, const struct DecodedText& decoded, const std::string& text,
                          std::size_t first_line) const;
    void extract(Document& doc, std::string_view text, std::size_t body_offset, Dialect dialect,
                 std::string_view relative_path, std::size_t first_line) const;
    std::string heading_title(std::string_view text, std::size_t begin, Dialect dialect) const;
    std::pair<std::string, bool> visible_text(std::string_view line, Dialect dialect) const;
    NormalizedTarget normalized(std::string_view raw) const;

    ImportOptions m_options;
    KeyNormalizer m_normalizer;
    const CorpusIndex& m_index;
};

/// Longest link target kgraph accepts, in bytes (MediaWiki's title limit).
inline constexpr std::size_t max_target_bytes = 255;

}  // namespace kg
