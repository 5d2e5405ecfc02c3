// scan_links: one forward pass with a small amount of look-ahead per construct. Block
// structure is reduced to what decides whether links count: fenced code blocks at line starts
// (also inside lists and block quotes) and paragraph ends for inline code spans.
#include "importers/links/link_scanner.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "base/byte_set.hpp"
#include "base/strings.hpp"
#include "importers/mediawiki/namespaces.hpp"

namespace kg {
namespace {

bool starts_with_at(std::string_view text, std::size_t i, std::string_view what) {
    return text.size() >= i + what.size() && text.compare(i, what.size(), what) == 0;
}

bool iequals_at(std::string_view text, std::size_t i, std::string_view lower) {
    if (text.size() < i + lower.size()) return false;
    for (std::size_t k = 0; k < lower.size(); ++k) {
        if (std::tolower(static_cast<unsigned char>(text[i + k])) != lower[k]) return false;
    }
    return true;
}

std::size_t line_end(std::string_view text, std::size_t i) {
    const std::size_t e = text.find('\n', i);
    return e == std::string_view::npos ? text.size() : e;
}

bool blank_line(std::string_view text, std::size_t start) {
    for (std::size_t i = start; i < text.size() && text[i] != '\n'; ++i) {
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') return false;
    }
    return true;
}

// Skips the indentation and block-quote markers that may stand before a fence.
std::size_t skip_container_prefix(std::string_view text, std::size_t i) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '>')) ++i;
    return i;
}

std::size_t run_length(std::string_view text, std::size_t i, char c) {
    std::size_t k = i;
    while (k < text.size() && text[k] == c) ++k;
    return k - i;
}

// If a fenced code block opens at line start `i`, returns the offset just past its closing
// fence line (or the end of the text: an unclosed fence runs to the end, as in CommonMark).
std::size_t fenced_block_end_impl(std::string_view text, std::size_t i) {
    const std::size_t j = skip_container_prefix(text, i);
    if (j >= text.size() || (text[j] != '`' && text[j] != '~')) return i;
    const char fence = text[j];
    const std::size_t len = run_length(text, j, fence);
    if (len < 3) return i;
    if (fence == '`') {
        const std::size_t e = line_end(text, j);
        if (text.substr(j + len, e - j - len).find('`') != std::string_view::npos) return i;
    }
    std::size_t line = line_end(text, j);
    while (line < text.size()) {
        const std::size_t start = line + 1;
        const std::size_t k = skip_container_prefix(text, start);
        const std::size_t close = run_length(text, k, fence);
        const std::size_t e = line_end(text, start);
        if (close >= len && blank_line(text, k + close)) return std::min(e + 1, text.size());
        line = e;
    }
    return text.size();
}

bool has_url_scheme(std::string_view s) {
    const std::size_t colon = s.substr(0, 33).find(':');  // a scheme is 2 to 32 bytes
    if (colon == std::string_view::npos || colon < 2 || colon > 32) return false;
    if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
    for (std::size_t i = 0; i < colon; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return false;
    }
    return true;
}

// The signs that may start a construct; every other byte is running text, jumped over.
const ByteSet markdown_signs("\n\\`<%![");
const ByteSet wikitext_signs("[<{");
const ByteSet braces("{}");

constexpr std::string_view wikitext_verbatim_tags[] = {"nowiki", "pre", "math", "syntaxhighlight",
                                                       "source"};

void merge_ranges(std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
    // The scanner records most ranges in text order: check before sorting.
    if (!std::is_sorted(ranges.begin(), ranges.end())) std::sort(ranges.begin(), ranges.end());
    std::size_t out = 0;
    for (const auto& r : ranges) {
        if (out > 0 && r.first <= ranges[out - 1].second) {
            ranges[out - 1].second = std::max(ranges[out - 1].second, r.second);
        } else {
            ranges[out++] = r;
        }
    }
    ranges.resize(out);
}

/// The next offset at or after `i` holding a byte of `set` (else the text's size), for queries
/// that mostly move forward: one inside the span the last search crossed is answered at once,
/// so that many openers that each look for the same closer cost linear time, not quadratic.
class NextByte {
public:
    NextByte(std::string_view text, std::string_view set) : m_text(text), m_set(set) {}
    std::size_t operator()(std::size_t i) {
        if (i < m_from || i > m_found) {
            m_from = i;
            m_found = m_set.find(m_text, std::min(i, m_text.size()), m_text.size());
        }
        return m_found;
    }

private:
    std::string_view m_text;
    ByteSet m_set;
    std::size_t m_from = 1;  // nothing searched yet: [1, 0] holds no offset
    std::size_t m_found = 0;
};

/// The same for a string (a closing tag, "-->"); `lower` when compared case-insensitively.
class NextString {
public:
    NextString(std::string_view text, std::string_view what) : m_text(text), m_what(what) {}
    /// The first offset >= i where the closer starts, or npos.
    std::size_t operator()(std::size_t i) {
        if (i < m_from || (m_found != std::string_view::npos && i > m_found)) {
            m_from = i;
            m_found = search(i);
        }
        return m_found;
    }

private:
    std::size_t search(std::size_t i) const {
        for (std::size_t k = m_text.find(m_what[0], i); k != std::string_view::npos;
             k = m_text.find(m_what[0], k + 1)) {
            if (iequals_at(m_text, k, m_what)) return k;
        }
        return std::string_view::npos;
    }

    std::string_view m_text;
    std::string m_what;  // lower case
    std::size_t m_from = std::string_view::npos;
    std::size_t m_found = std::string_view::npos;
};

/// File captions nest links ("[[File:a|b [[c]]]]"); deeper than this, the outer link is
/// read as text, so that a text of nothing but openers costs linear time.
constexpr int max_link_nesting = 32;
/// Parentheses nested in a Markdown link destination, at most (CommonMark lets
/// implementations limit them; cmark takes 32).
constexpr int max_destination_parens = 32;

class Scanner {
public:
    Scanner(std::string_view text, const ScanOptions& options) : m_text(text), m_options(options) {}

    ScanResult run(std::size_t begin) {
        const bool markdown = m_options.dialect == Dialect::markdown;
        std::size_t i = begin;
        bool at_line_start = begin == 0 || m_text[begin - 1] == '\n';
        const ByteSet& signs = markdown ? markdown_signs : wikitext_signs;
        while (i < m_text.size()) {
            while (!m_skips.empty() && i >= m_skips.back().first) {
                i = std::max(i, m_skips.back().second);
                m_skips.pop_back();
            }
            if (i >= m_text.size()) break;
            if (at_line_start) {
                at_line_start = false;
                if (markdown) {
                    const std::size_t after = fenced_block_end_impl(m_text, i);
                    if (after != i) {
                        hide(i, after);
                        i = after;
                        at_line_start = true;
                        continue;
                    }
                }
            }
            const char c = m_text[i];
            if (!signs.contains(c)) {
                // Running text: on to the next sign, but not past a pending skip.
                const std::size_t limit =
                    m_skips.empty() ? m_text.size() : std::min(m_text.size(), m_skips.back().first);
                i = signs.find(m_text, i + 1, std::max(limit, i + 1));
                continue;
            }
            switch (c) {
                case '\n':
                    at_line_start = true;
                    ++i;
                    break;
                case '\\':
                    i += markdown && i + 1 < m_text.size() &&
                                 std::ispunct(static_cast<unsigned char>(m_text[i + 1]))
                             ? 2
                             : 1;
                    break;
                case '`':
                    if (markdown) {
                        const std::size_t end = code_span_end(i);
                        if (end != std::string_view::npos) hide(i, end);
                        i = end != std::string_view::npos ? end : i + run_length(m_text, i, '`');
                    } else {
                        ++i;
                    }
                    break;
                case '<': {
                    const std::size_t after = angle(i);
                    if (after > i + 1) hide(i, after);
                    i = after;
                    break;
                }
                case '%': {
                    const bool comment = markdown && starts_with_at(m_text, i, "%%");
                    const std::size_t after = comment ? obsidian_comment(i) : i + 1;
                    if (after > i + 2) hide(i, after);
                    i = after;
                    break;
                }
                case '{': {
                    const std::size_t end =
                        !markdown && starts_with_at(m_text, i, "{{") ? template_end(i) : 0;
                    if (end == 0) {
                        ++i;
                        break;
                    }
                    hide(i, end);
                    // Without --links-in-templates the template is skipped whole: its links
                    // belong to the template's arguments, which kgraph does not expand.
                    i = m_options.links_in_templates ? i + 1 : end;
                    break;
                }
                case '!':
                    // In wikitext "!" starts a table header cell ("! [[X]]" is a link).
                    if (markdown && starts_with_at(m_text, i, "![[") &&
                        !starts_with_at(m_text, i, "![[[")) {
                        i = wiki_link(i + 1, true);
                    } else if (markdown && starts_with_at(m_text, i, "![")) {
                        i = markdown_link(i + 1, true);
                    } else {
                        ++i;
                    }
                    break;
                case '[':
                    if (starts_with_at(m_text, i, "[[[")) {
                        ++i;  // MediaWiki and Obsidian read "[[[X]]]" as "[" + [[X]] + "]"
                    } else if (starts_with_at(m_text, i, "[[")) {
                        i = wiki_link(i, false);
                    } else if (markdown) {
                        i = markdown_link(i, false);
                    } else {
                        i = wikitext_external_link(i);
                    }
                    break;
                default:
                    ++i;
            }
        }
        for (const RawLink& link : m_result.links) hide(link.offset, link.end);
        merge_ranges(m_result.hidden);
        return std::move(m_result);
    }

private:
    void issue(ProblemKind kind, std::size_t offset, std::string message) {
        const auto k = static_cast<std::size_t>(kind);
        if (m_listed[k] >= m_options.max_issues_per_kind) {
            ++m_result.unlisted[k];
            return;
        }
        ++m_listed[k];
        m_result.issues.push_back(ScanIssue{kind, offset, std::move(message)});
    }

    // `p` is at "[["; `embed` when a '!' stands before it. Returns where scanning goes on.
    std::size_t wiki_link(std::size_t p, bool embed) {
        const std::size_t start = embed ? p - 1 : p;
        std::size_t j = p + 2;
        int depth = 1;
        std::size_t pipe = std::string_view::npos;  // where the target part ends
        std::size_t after_pipe = std::string_view::npos;
        std::size_t close = std::string_view::npos;
        bool may_nest = false;
        bool nest_checked = false;
        // Whether the target (up to `end`) names a file: asked once per link.
        std::optional<bool> file;
        const auto is_file = [&](std::size_t end) {
            if (!file) file = file_link(p, end);
            return *file;
        };
        while (j < m_text.size()) {
            const char c = m_text[j];
            if (c == '\n') {
                // MediaWiki lets a label or caption run over lines (not a paragraph break);
                // a target, and any Obsidian link, ends at the line.
                // A file's caption may even cross blank lines: MediaWiki reads on to its "]]".
                const bool label_may_wrap = m_options.dialect == Dialect::wikitext &&
                                            pipe != std::string_view::npos &&
                                            (!blank_line(m_text, j + 1) || is_file(pipe));
                if (!label_may_wrap) break;
            }
            if (c == '<' && m_options.dialect == Dialect::wikitext &&
                starts_with_at(m_text, j, "<!--")) {
                // A comment inside a link is no part of it (MediaWiki removes comments first).
                const std::size_t end = m_comment_end(j + 4);
                if (end != std::string_view::npos) {
                    j = end + 3;
                    continue;
                }
            }
            if (depth == 1 && pipe == std::string_view::npos &&
                (c == '|' || (c == '\\' && j + 1 < m_text.size() && m_text[j + 1] == '|'))) {
                // Obsidian escapes the pipe inside tables: [[A\|B]] is [[A|B]].
                pipe = j;
                after_pipe = c == '|' ? j + 1 : j + 2;
                j = after_pipe;
                continue;
            }
            if (c == ']' && j + 1 < m_text.size() && m_text[j + 1] == ']') {
                if (--depth == 0) {
                    close = j;
                    break;
                }
                j += 2;
                continue;
            }
            if (c == '[' && j + 1 < m_text.size() && m_text[j + 1] == '[') {
                if (!nest_checked) {
                    nest_checked = true;
                    may_nest = is_file(pipe != std::string_view::npos ? pipe : j);
                }
                if (!may_nest || depth == max_link_nesting) break;
                ++depth;
                j += 2;
                continue;
            }
            ++j;
        }
        if (close == std::string_view::npos) {
            // Quote up to where reading stopped, but not past the first line.
            const std::size_t newline = m_text.substr(p, j - p).find('\n');
            const std::size_t stop = newline == std::string_view::npos ? j : p + newline;
            std::string_view written = m_text.substr(start, stop - start);
            while (!written.empty() && (written.back() == '\r')) written.remove_suffix(1);
            issue(ProblemKind::unclosed_link, start,
                  "unclosed wiki-link '" + shorten(written) + "', expected ']]'");
            return p + 2;
        }
        RawLink link;
        link.syntax = LinkSyntax::wiki;
        link.embed = embed;
        link.offset = start;
        const std::size_t target_end = pipe != std::string_view::npos ? pipe : close;
        std::string_view first = m_text.substr(p + 2, target_end - p - 2);
        std::string_view second = pipe != std::string_view::npos
                                      ? m_text.substr(after_pipe, close - after_pipe)
                                      : std::string_view();
        if (m_options.label_first && pipe != std::string_view::npos) std::swap(first, second);
        link.target = first;
        link.label = second;
        link.end = close + 2;
        m_result.links.push_back(link);
        // A file link's caption may hold links of its own: read on inside it.
        if (may_nest && pipe != std::string_view::npos) return after_pipe;
        return close + 2;
    }

    // Whether the link target between "[[" at `p` and `end` names a file (File:, Datei:, or
    // the wiki's own name for namespace 6).
    bool file_link(std::size_t p, std::size_t end) const {
        const std::string_view target = m_text.substr(p + 2, end - p - 2);
        const std::size_t colon = target.find(':');
        if (colon == std::string_view::npos) return false;
        const std::string_view prefix = trim_view(target.substr(0, colon));
        return is_file_namespace(prefix) ||
               (m_options.site != nullptr && m_options.site->find(prefix) == file_namespace);
    }

    static std::string_view trim_view(std::string_view s) { return trim(s, " \t"); }

    // `q` is at '['. A Markdown inline link [text](dest "title"); anything else is text.
    std::size_t markdown_link(std::size_t q, bool embed) {
        const std::size_t limit = paragraph_end(q);
        const std::size_t k = closing_bracket(q, limit);
        if (k >= limit || k + 1 >= m_text.size() || m_text[k + 1] != '(') return q + 1;
        std::size_t m = k + 2;
        while (m < limit && (m_text[m] == ' ' || m_text[m] == '\t')) ++m;
        std::string_view dest;
        if (m < limit && m_text[m] == '<') {
            // <dest>: no line break inside.
            const std::size_t gt = m_angle_or_line_end(m + 1);
            if (gt >= m_text.size() || m_text[gt] != '>') return q + 1;
            dest = m_text.substr(m + 1, gt - m - 1);
            m = gt + 1;
        } else {
            const std::size_t d = m;
            int parens = 0;
            while (m < limit) {
                const char c = m_text[m];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') break;
                if (c == '\\' && m + 1 < limit) {
                    m += 2;
                    continue;
                }
                if (c == '(' && ++parens > max_destination_parens) return q + 1;
                if (c == ')') {
                    if (parens == 0) break;
                    --parens;
                }
                ++m;
            }
            dest = m_text.substr(d, m - d);
        }
        while (m < limit &&
               (m_text[m] == ' ' || m_text[m] == '\t' || m_text[m] == '\n' || m_text[m] == '\r'))
            ++m;
        if (m < limit && (m_text[m] == '"' || m_text[m] == '\'' || m_text[m] == '(')) {
            const char closer = m_text[m] == '(' ? ')' : m_text[m];
            const std::size_t t = m_text.substr(0, limit).find(closer, m + 1);
            if (t == std::string_view::npos) return q + 1;
            m = t + 1;
            while (m < limit && (m_text[m] == ' ' || m_text[m] == '\t')) ++m;
        }
        if (m >= limit || m_text[m] != ')') return q + 1;
        RawLink link;
        link.syntax = has_url_scheme(dest) ? LinkSyntax::url : LinkSyntax::markdown;
        link.embed = embed;
        link.target = dest;
        link.label = m_text.substr(q + 1, k - q - 1);
        link.offset = embed ? q - 1 : q;
        link.end = m + 1;
        m_result.links.push_back(link);
        // Read on inside the link text (it may hold an image or a wiki-link), then jump
        // over the destination.
        m_skips.emplace_back(k, m + 1);
        return q + 1;
    }

    // Wikitext external link: [https://example.org label]
    std::size_t wikitext_external_link(std::size_t q) {
        const std::size_t close = m_bracket_or_line_end(q + 1);
        if (close >= m_text.size() || m_text[close] != ']') return q + 1;
        const std::string_view inner = m_text.substr(q + 1, close - q - 1);
        if (!has_url_scheme(inner) || inner.find("//") == std::string_view::npos) return q + 1;
        const std::size_t space = inner.find(' ');
        RawLink link;
        link.syntax = LinkSyntax::url;
        link.target = inner.substr(0, space);
        link.label = space == std::string_view::npos ? std::string_view() : inner.substr(space + 1);
        link.offset = q;
        link.end = close + 1;
        if (space != std::string_view::npos && link.label.find("[[") != std::string_view::npos) {
            // "[http://x Birże [[Page|label]]]": MediaWiki reads internal links first, so the
            // wiki-link in the label is a link of its own; scanning goes on after the URL.
            link.label = {};
            link.end = q + 1 + space;
            m_result.links.push_back(link);
            return link.end;
        }
        m_result.links.push_back(link);
        return close + 1;
    }

    std::size_t angle(std::size_t i) {
        if (starts_with_at(m_text, i, "<!--")) {
            const std::size_t end = m_comment_end(i + 4);
            if (end == std::string_view::npos) {
                issue(ProblemKind::unclosed_comment, i,
                      "unclosed HTML comment '<!--', expected '-->'; the rest of the file is "
                      "read as a comment");
                return m_text.size();
            }
            return end + 3;
        }
        if (m_options.dialect == Dialect::markdown) {
            // Autolink <scheme:...> with no spaces or '<' inside (CommonMark 6.5).
            const std::size_t gt = m_angle_or_line_end(i + 1);
            if (gt < m_text.size() && m_text[gt] == '>') {
                const std::string_view inner = m_text.substr(i + 1, gt - i - 1);
                if (has_url_scheme(inner) &&
                    inner.find_first_of(" <\t") == std::string_view::npos) {
                    RawLink link;
                    link.syntax = LinkSyntax::url;
                    link.target = inner;
                    link.offset = i;
                    link.end = gt + 1;
                    m_result.links.push_back(link);
                    return gt + 1;
                }
            }
            return html_tag_end(i);
        }
        if (iequals_at(m_text, i + 1, "ref") && i + 4 < m_text.size() &&
            !std::isalnum(static_cast<unsigned char>(m_text[i + 4]))) {
            // <ref>…</ref>: links inside count, its text is no running text (mentions).
            const std::size_t gt = m_tag_end(i);
            if (gt >= m_text.size()) return i + 1;
            if (m_text[gt - 1] != '/') {
                const std::size_t k = m_closing_tags[ref_tag](gt);
                if (k != std::string_view::npos) {
                    const std::size_t end = m_tag_end(k);
                    hide(i, end >= m_text.size() ? m_text.size() : end + 1);
                }
            }
            hide(i, gt + 1);
            return i + 1;
        }
        for (std::size_t t = 0; t < std::size(wikitext_verbatim_tags); ++t) {
            const std::string_view tag = wikitext_verbatim_tags[t];
            if (!iequals_at(m_text, i + 1, tag)) continue;
            const std::size_t after = i + 1 + tag.size();
            if (after < m_text.size() && std::isalnum(static_cast<unsigned char>(m_text[after])))
                continue;
            const std::size_t gt = m_tag_end(after);
            if (gt >= m_text.size()) return i + 1;
            if (m_text[gt - 1] == '/') return gt + 1;  // <nowiki/>
            // The closing tag, case-insensitively.
            const std::size_t k = m_closing_tags[t](gt);
            if (k != std::string_view::npos) {
                const std::size_t end = m_tag_end(k);
                return end >= m_text.size() ? m_text.size() : end + 1;
            }
            return gt + 1;  // MediaWiki shows an unclosed tag as text
        }
        return i + 1;
    }

    // An HTML tag <name …> or </name> (CommonMark 6.6, simplified: no '<' or blank line
    // inside): its end, or i + 1 when `i` starts no tag.
    std::size_t html_tag_end(std::size_t i) {
        std::size_t k = i + 1;
        if (k < m_text.size() && m_text[k] == '/') ++k;
        if (k >= m_text.size() || !std::isalpha(static_cast<unsigned char>(m_text[k])))
            return i + 1;
        const std::size_t limit = std::min(paragraph_end(i), i + 2048);
        for (; k < limit; ++k) {
            if (m_text[k] == '<') return i + 1;
            if (m_text[k] == '>') return k + 1;
        }
        return i + 1;
    }

    // The end of the template {{…}} at `i` (nested ones included), or 0 when it has no
    // closing "}}" (MediaWiki then shows the braces as text). Braces are matched once per
    // text, with a stack, so that many templates or unclosed ones stay linear.
    std::size_t template_end(std::size_t i) {
        if (!m_templates_matched) {
            m_templates_matched = true;
            std::vector<std::size_t> open;
            const std::size_t n = m_text.size();
            for (std::size_t k = braces.find(m_text, 0, n); k + 1 < n;
                 k = braces.find(m_text, k, n)) {
                if (m_text[k] == '{' && m_text[k + 1] == '{') {
                    open.push_back(k);
                    k += 2;
                } else if (m_text[k] == '}' && m_text[k + 1] == '}' && !open.empty()) {
                    m_templates.emplace(open.back(), k + 2);
                    open.pop_back();
                    k += 2;
                } else {
                    ++k;
                }
            }
        }
        const auto it = m_templates.find(i);
        return it == m_templates.end() ? 0 : it->second;
    }

    void hide(std::size_t from, std::size_t to) { m_result.hidden.emplace_back(from, to); }

    std::size_t obsidian_comment(std::size_t i) {
        const std::size_t end = m_text.find("%%", i + 2);
        return end == std::string_view::npos ? i + 2 : end + 2;
    }

    // A paragraph ends at a blank line; inline code spans and link texts never cross one.
    // Cached: every position before the end found for an earlier one shares that end.
    std::size_t paragraph_end(std::size_t i) {
        if (i >= m_paragraph_from && i < m_paragraph_end) return m_paragraph_end;
        std::size_t e = m_text.find('\n', i);
        while (e != std::string_view::npos && !blank_line(m_text, e + 1)) {
            e = m_text.find('\n', e + 1);
        }
        m_paragraph_from = i;
        m_paragraph_end = e == std::string_view::npos ? m_text.size() : e;
        return m_paragraph_end;
    }

    // The end of the code span opened by the backtick run at `i`, or npos if none closes.
    // A run of N backticks that finds no closer before the paragraph end proves that no run
    // of exactly N follows in that paragraph, so later runs of N are answered at once.
    std::size_t code_span_end(std::size_t i) {
        const std::size_t n = run_length(m_text, i, '`');
        const std::size_t limit = paragraph_end(i);
        const std::size_t slot = std::min<std::size_t>(n, m_no_closer.size() - 1);
        if (slot == n && m_no_closer[slot] == limit) return std::string_view::npos;
        std::size_t k = i + n;
        while (k < limit) {
            const std::size_t next = m_text.find('`', k);
            if (next == std::string_view::npos || next >= limit) break;
            const std::size_t m = run_length(m_text, next, '`');
            if (m == n) return next + m;
            k = next + m;
        }
        if (slot == n) m_no_closer[slot] = limit;
        return std::string_view::npos;
    }

    // The ']' that closes the '[' at `q` (brackets nest; escapes and code spans do not count),
    // or npos. One stack pass matches every bracket from `q` to the paragraph end, so a text
    // full of unmatched '[' costs linear time.
    std::size_t closing_bracket(std::size_t q, std::size_t limit) {
        if (q < m_brackets_from || q >= m_brackets_end) {
            m_brackets.clear();
            m_brackets_from = q;
            m_brackets_end = limit;
            std::vector<std::size_t> open;
            for (std::size_t k = q; k < limit;) {
                const char c = m_text[k];
                if (c == '\\') {
                    k += 2;
                } else if (c == '`') {
                    const std::size_t end = code_span_end(k);
                    k = end != std::string_view::npos ? end : k + run_length(m_text, k, '`');
                } else {
                    if (c == '[') open.push_back(k);
                    if (c == ']' && !open.empty()) {
                        m_brackets.emplace(open.back(), k);
                        open.pop_back();
                    }
                    ++k;
                }
            }
        }
        const auto it = m_brackets.find(q);
        return it == m_brackets.end() ? std::string_view::npos : it->second;
    }

    std::string_view m_text;
    const ScanOptions& m_options;
    ScanResult m_result;
    std::array<std::size_t, problem_kind_count> m_listed{};
    // The closers that openers look for, each search remembered (see NextByte).
    NextByte m_tag_end{m_text, ">"};
    NextByte m_angle_or_line_end{m_text, ">\n"};
    NextByte m_bracket_or_line_end{m_text, "]\n"};
    NextString m_comment_end{m_text, "-->"};
    static constexpr std::size_t ref_tag = std::size(wikitext_verbatim_tags);
    std::array<NextString, ref_tag + 1> m_closing_tags{
        NextString{m_text, "</nowiki"}, NextString{m_text, "</pre"},
        NextString{m_text, "</math"},   NextString{m_text, "</syntaxhighlight"},
        NextString{m_text, "</source"}, NextString{m_text, "</ref"}};
    std::vector<std::pair<std::size_t, std::size_t>> m_skips;
    std::size_t m_paragraph_from = 0;
    std::size_t m_paragraph_end = 0;
    std::array<std::size_t, 16> m_no_closer{};  // run length -> paragraph end without a closer
    std::unordered_map<std::size_t, std::size_t> m_brackets;  // '[' -> matching ']'
    std::size_t m_brackets_from = 0;
    std::size_t m_brackets_end = 0;
    bool m_templates_matched = false;
    std::unordered_map<std::size_t, std::size_t> m_templates;  // "{{" -> just past its "}}"
};

}  // namespace

std::size_t fenced_block_end(std::string_view text, std::size_t line_start) {
    return fenced_block_end_impl(text, line_start);
}

std::string shorten(std::string_view text, std::size_t max_code_points) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (count == max_code_points) return std::string(text.substr(0, i)) + "…";
            ++count;
        }
    }
    return std::string(text);
}

ScanResult scan_links(std::string_view text, std::size_t begin, const ScanOptions& options) {
    return Scanner(text, options).run(begin);
}

}  // namespace kg
