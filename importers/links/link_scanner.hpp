// scan_links(): finds the links written in an article's text — wiki-links ([[T|label]],
// ![[embed]], nested [[File:…|caption [[X]]]]), Markdown links [label](dest) and <autolinks> —
// and skips what must not count: fenced code, inline code, HTML comments, Obsidian %%comments%%,
// and in wikitext <nowiki>, <pre>, <math>, <syntaxhighlight>, <source>. Knows syntax, not
// files or graphs. Specs: CommonMark 0.31 (code spans, fences, links, autolinks), Obsidian
// "Internal links" and "Embed files", MediaWiki Help:Links.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "importers/mediawiki/site_namespaces.hpp"
#include "importers/problem.hpp"

namespace kg {

enum class Dialect { markdown, wikitext };

enum class LinkSyntax {
    wiki,      ///< [[target|label]]
    markdown,  ///< [label](destination)
    url,       ///< <https://…> autolink (Markdown) or [https://… label] (wikitext)
};

/// One link as written. Views point into the scanned text.
struct RawLink {
    LinkSyntax syntax = LinkSyntax::wiki;
    bool embed = false;       ///< ![[…]] or ![alt](…)
    std::string_view target;  ///< wiki target as written, Markdown destination, or URL
    std::string_view label;   ///< the text after '|', or the Markdown link text
    std::size_t offset = 0;   ///< byte offset of the link's first character
    std::size_t end = 0;      ///< byte offset just past its last character
};

/// A defect found while scanning, with the byte offset it starts at.
struct ScanIssue {
    ProblemKind kind{};
    std::size_t offset = 0;
    std::string message;
};

struct ScanOptions {
    Dialect dialect = Dialect::markdown;
    bool label_first = false;  ///< Dendron's [[Label|note.name]] order
    /// Wikitext: links inside {{templates}} count. Off, a template's text is skipped whole
    /// (links in its arguments are the template's, which kgraph does not expand).
    bool links_in_templates = true;
    /// A wiki's namespaces (dump input): a File link of the wiki may hold nested links in its
    /// caption whatever the wiki calls the namespace.
    const SiteNamespaces* site = nullptr;
    /// Issues itemized per kind at most; the rest are only counted (ScanResult::unlisted).
    std::size_t max_issues_per_kind = SIZE_MAX;
};

struct ScanResult {
    std::vector<RawLink> links;
    std::vector<ScanIssue> issues;
    /// Sorted, disjoint byte ranges that are no running text: links, code, comments, HTML
    /// tags, and in wikitext templates and <ref>s. Mentions are spotted only outside them.
    std::vector<std::pair<std::size_t, std::size_t>> hidden;
    /// Issues past ScanOptions::max_issues_per_kind, by kind.
    std::array<std::size_t, problem_kind_count> unlisted{};
};

/// Scans `text` from byte `begin` to its end. Precondition: `text` is valid UTF-8. Never
/// throws on malformed input: an unclosed `[[` is reported and read as plain text.
ScanResult scan_links(std::string_view text, std::size_t begin, const ScanOptions& options);

/// If a fenced code block (``` or ~~~, CommonMark 4.5) opens on the line starting at
/// `line_start`, the offset just past its closing fence (or the text's end); else `line_start`.
std::size_t fenced_block_end(std::string_view text, std::size_t line_start);

/// `text` shortened to at most `max_code_points`, with "…" when cut (for messages).
std::string shorten(std::string_view text, std::size_t max_code_points = 40);

}  // namespace kg
