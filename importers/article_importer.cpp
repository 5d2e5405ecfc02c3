// ArticleImporter: decoding, front matter, title, link scanning and key resolution for one file.
#include "importers/article_importer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <memory>
#include <tuple>
#include <unordered_map>
#include <utility>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "base/strings.hpp"
#include "base/text_util.hpp"
#include "importers/input_formats.hpp"
#include "importers/links/char_references.hpp"
#include "importers/markdown/front_matter.hpp"
#include "importers/text/line_index.hpp"
#include "importers/text/passages.hpp"
#include "importers/text/text_decoder.hpp"
#include "importers/text/windows.hpp"

namespace kg {
namespace {

// "a/b/Note.md" -> "a/b/Note"; the extension is dropped only when it names an article file.
std::string_view strip_article_extension(std::string_view path) {
    const std::size_t dot = path.rfind('.');
    const std::size_t slash = path.rfind('/');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
        return path;
    return is_article_extension(path.substr(dot)) ? path.substr(0, dot) : path;
}

std::string_view stem_of(std::string_view path) {
    path = strip_article_extension(path);
    const std::size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool has_letter_or_digit(std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c >= 0 && u_isalnum(c)) return true;
    }
    return false;
}

std::string percent_decoded_path(std::string_view dest) {
    // Destinations are URLs: %20 is a space. decode_escapes also decodes &amp;, harmless here.
    return decode_escapes(dest);
}

// Up to 3 code points of running text next to a link, stopping at a line end or markup:
// enough for the dictionary segmenter to see a word of up to 4 characters across the edge
// (as many suspects on GNews as 5 or 8, at 13 % fewer instructions).
constexpr int context_code_points = 3;

std::string_view context_before(std::string_view text, std::size_t offset) {
    std::size_t from = offset;
    for (int n = 0; n < context_code_points && from > 0; ++n) {
        std::size_t k = from - 1;
        while (k > 0 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
        const char c = text[k];
        if (c == '\n' || c == '\r' || c == ']' || c == '[') break;
        from = k;
    }
    return text.substr(from, offset - from);
}

std::string_view context_after(std::string_view text, std::size_t offset) {
    std::size_t to = offset;
    for (int n = 0; n < context_code_points && to < text.size(); ++n) {
        const char c = text[to];
        if (c == '\n' || c == '\r' || c == ']' || c == '[') break;
        ++to;
        while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
    }
    return text.substr(offset, to - offset);
}

// A link whose visible text, read with the words around it, starts or ends inside a word of
// ICU's segmentation: 聊[[zh:天机]]器人 reads 聊天机器人 = 聊天|机器人, so 天机 cuts both.
// MediaWiki's link trail: the letters right after "]]" join the link's text ([[apple]]s reads
// "apples"). Wikis set the letters per language; this takes every letter except those of
// scripts written without spaces (Han, Kana, Hangul, Thai, …), whose wikis have no trail.
std::size_t link_trail_end(std::string_view text, std::size_t from) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    std::int32_t i = static_cast<std::int32_t>(from);
    while (i < n) {
        UChar32 c = 0;
        std::int32_t next = i;
        U8_NEXT(p, next, n, c);
        if (c < 0 || !u_isalpha(c)) break;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
            script == USCRIPT_HANGUL || script == USCRIPT_THAI || script == USCRIPT_LAO ||
            script == USCRIPT_KHMER || script == USCRIPT_MYANMAR)
            break;
        i = next;
    }
    return static_cast<std::size_t>(i);
}

// True when UAX #29 puts a word boundary between ASCII `left` and ASCII `right` whatever
// surrounds them: one is a space or a bracket-like sign and the other no space (the rules that
// join words across a sign, WB6–WB13b, involve ' . : , ; _ " and letters or digits only; WB3d
// joins spaces; WB4 attaches only non-ASCII marks).
bool certain_ascii_boundary(char left, char right) {
    auto unsigned_byte = [](char c) { return static_cast<unsigned char>(c); };
    if (unsigned_byte(left) >= 0x80 || unsigned_byte(right) >= 0x80) return false;
    auto separator = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
               std::string_view("()[]{}<>!?#$%&*+/=@\\^`|~-").find(c) != std::string_view::npos;
    };
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    return (separator(left) && !space(right)) || (separator(right) && !space(left));
}

bool cuts_a_word(std::string_view text, const RawLink& raw, std::string_view display) {
    if (display.empty()) return false;
    const std::string_view before = context_before(text, raw.offset);
    const std::string_view after = context_after(text, raw.end);
    if (before.empty() && after.empty()) return false;
    // Most links sit between spaces or brackets: no segmentation needed to see their ends are
    // word boundaries (ICU's dictionary segmentation is the costliest step of a dump).
    const bool start_certain = before.empty() || certain_ascii_boundary(before.back(), display[0]);
    const bool end_certain = after.empty() || certain_ascii_boundary(display.back(), after[0]);
    if (start_certain && end_certain) return false;
    thread_local std::string rendered;
    rendered.clear();
    rendered.append(before).append(display).append(after);
    thread_local WordBoundaries boundaries({}, 0, 0);
    boundaries.reset(rendered, 0, rendered.size());
    // "[[Homer]]'s": ICU reads the possessive as part of the word; the link names the word.
    const bool possessive = after.rfind("'", 0) == 0 || after.rfind("\u2019", 0) == 0;
    return !boundaries.at(before.size()) ||
           (!possessive && !boundaries.at(before.size() + display.size()));
}

}  // namespace

std::string CorpusIndex::path_key(std::string_view relative_path) const {
    std::string path(strip_article_extension(relative_path));
    std::replace(path.begin(), path.end(), '\\', '/');
    while (path.rfind("./", 0) == 0) path.erase(0, 2);
    return m_normalizer.key_of(m_normalizer.clean_title(path));
}

std::string CorpusIndex::key_for(std::string_view relative_path) const {
    const auto it = m_by_path.find(path_key(relative_path));
    if (it != m_by_path.end()) return it->second;
    return m_normalizer.key_of(m_normalizer.clean_title(stem_of(relative_path)));
}

std::string CorpusIndex::add(std::string_view relative_path) {
    const std::string path = path_key(relative_path);
    const auto known = m_by_path.find(path);
    if (known != m_by_path.end()) return known->second;
    std::string key = m_normalizer.key_of(m_normalizer.clean_title(stem_of(relative_path)));
    const auto [owner, first] = m_stems.try_emplace(key, path);
    if (!first && owner->second != path) key = path;
    m_by_path.emplace(path, key);
    return key;
}

std::string CorpusIndex::find(std::string_view relative_path) const {
    const auto it = m_by_path.find(path_key(relative_path));
    return it == m_by_path.end() ? std::string() : it->second;
}

namespace {

// A per-thread memo of normalize_target() for the targets that are not plain: open addressing
// over power-of-two slots, each a hash tag and an entry index; emptied when full. (A
// std::unordered_map cost a division, a node chase and a key copy per lookup.)
class TargetMemo {
public:
    const NormalizedTarget* find(std::string_view raw, std::size_t hash) const {
        for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
            const std::uint64_t s = m_slots[slot];
            if (s == 0) return nullptr;
            const Entry& e = m_entries[static_cast<std::uint32_t>(s) - 1];
            if ((s >> 32) == tag(hash) && e.raw == raw) return &e.value;
        }
    }

    void add(std::string_view raw, std::size_t hash, const NormalizedTarget& value) {
        if (m_entries.size() >= capacity) clear();
        m_entries.push_back(Entry{std::string(raw), value});
        std::size_t slot = hash & mask;
        while (m_slots[slot] != 0) slot = (slot + 1) & mask;
        m_slots[slot] = (tag(hash) << 32) | m_entries.size();
    }

    void clear() {
        std::fill(m_slots.begin(), m_slots.end(), 0);
        m_entries.clear();
    }

private:
    static constexpr std::size_t capacity = 65536;
    static constexpr std::size_t mask = 2 * capacity - 1;  // at most half full
    static std::uint64_t tag(std::size_t hash) { return static_cast<std::uint64_t>(hash) >> 32; }
    struct Entry {
        std::string raw;
        NormalizedTarget value;
    };
    std::vector<std::uint64_t> m_slots = std::vector<std::uint64_t>(mask + 1);
    std::vector<Entry> m_entries;
};

}  // namespace

NormalizedTarget ArticleImporter::normalized(std::string_view raw) const {
    // Plain titles take a few instructions to normalize: a memo lookup would cost more.
    if (const auto plain = m_normalizer.plain_target(raw))
        return m_normalizer.normalize_plain(*plain);
    // Other targets repeat (中国 is linked hundreds of times): remember results per thread,
    // keyed by this importer's settings, so importers with other rules never share entries.
    // (A wiki's namespaces are among them, by content: two dumps of one run may name them
    // differently, and their tables may live at one address in turn.)
    struct Memo {
        const void* han_folder = nullptr;
        bool has_site = false;
        std::uint64_t site = 0;
        CaseRule rule = CaseRule::fold;
        TargetMemo targets;
    };
    thread_local Memo memo;
    const bool has_site = m_options.site != nullptr;
    const std::uint64_t site = has_site ? m_options.site->fingerprint() : 0;
    if (memo.han_folder != m_options.han_folder || memo.has_site != has_site || memo.site != site ||
        memo.rule != m_options.case_rule) {
        memo.targets.clear();
        memo.han_folder = m_options.han_folder;
        memo.has_site = has_site;
        memo.site = site;
        memo.rule = m_options.case_rule;
    }
    const std::size_t hash = std::hash<std::string_view>{}(raw);
    if (const NormalizedTarget* known = memo.targets.find(raw, hash)) return *known;
    NormalizedTarget result = m_normalizer.normalize_target(raw);
    memo.targets.add(raw, hash, result);
    return result;
}

ArticleImporter::ArticleImporter(ImportOptions options, const CorpusIndex& index)
    : m_options(options), m_normalizer(options.case_rule, options.han_folder), m_index(index) {
    m_normalizer.use_site_namespaces(options.site);
}

Document ArticleImporter::import(std::string_view bytes, const std::string& source,
                                 std::string_view relative_path, Dialect dialect) const {
    Document doc;
    doc.source = source;
    doc.bytes = bytes.size();
    const std::string stem = m_normalizer.clean_title(stem_of(relative_path));
    doc.key = m_index.key_for(relative_path);

    if (looks_binary(bytes)) {
        doc.skipped = true;
        doc.problems.push_back(Problem{ProblemKind::binary_file, source, 0, 0,
                                       "binary file skipped (NUL byte in the first 8 KiB)"});
        return doc;
    }
    DecodedText decoded = decode_text(bytes);
    const std::string& text = decoded.text;
    report_invalid_utf8(doc, decoded, text, 0);
    report_nul_bytes(doc, decoded, text, 0);
    const FrontMatter fm = dialect == Dialect::markdown ? parse_front_matter(text) : FrontMatter{};
    doc.aliases = fm.aliases;
    doc.lang = fm.lang;
    doc.title = m_normalizer.clean_title(fm.title);
    if (doc.title.empty()) doc.title = heading_title(text, fm.body_offset, dialect);
    if (doc.title.empty()) doc.title = stem;
    extract(doc, text, fm.body_offset, dialect, relative_path, 0);
    if (m_options.retain_text) doc.text = std::move(decoded.text);
    return doc;
}

Document ArticleImporter::import_page(std::string_view wikitext, const std::string& source,
                                      std::string_view title, std::size_t first_line,
                                      Dialect dialect) const {
    Document doc;
    doc.source = source;
    doc.bytes = wikitext.size();
    doc.title = m_normalizer.clean_title(title);
    const NormalizedTarget target = m_normalizer.normalize_target(title);
    doc.key = target.key;
    if (dialect == Dialect::wikitext && is_valid_utf8(wikitext) &&
        wikitext.find('\0') == std::string_view::npos) {
        // A dump's text comes from expat, which accepts only well-formed UTF-8 (or UTF-16 it
        // converts): no repair pass is needed. (Checked all the same: the scanners rely on it.)
        extract(doc, wikitext, 0, dialect, {}, first_line);
        return doc;
    }
    DecodedText decoded = decode_text(wikitext);
    report_invalid_utf8(doc, decoded, decoded.text, first_line);
    report_nul_bytes(doc, decoded, decoded.text, first_line);
    extract(doc, decoded.text, 0, dialect, {}, first_line);
    return doc;
}

namespace {
// Line and column of `offset` in `text`, the text's first line being `first_line` of its file.
std::pair<std::size_t, std::size_t> shifted(std::pair<std::size_t, std::size_t> p,
                                            std::size_t first_line) {
    if (first_line > 1) p.first += first_line - 1;
    return p;
}
}  // namespace

void ArticleImporter::report_invalid_utf8(Document& doc, const DecodedText& decoded,
                                          const std::string& text, std::size_t first_line) const {
    if (decoded.invalid_sequences == 0) return;
    const LineIndex lines(text);
    const auto [line, column] = shifted(lines.position(decoded.first_invalid_in_text), first_line);
    std::string message = "invalid UTF-8 at byte offset " +
                          std::to_string(decoded.first_invalid_offset) + " replaced with U+FFFD";
    if (decoded.invalid_sequences > 1) {
        message += " (and " + std::to_string(decoded.invalid_sequences - 1) + " more in this file)";
    }
    doc.problems.push_back(Problem{ProblemKind::invalid_utf8, doc.source, line, column, message});
}

void ArticleImporter::report_nul_bytes(Document& doc, const DecodedText& decoded,
                                       const std::string& text, std::size_t first_line) const {
    if (decoded.nul_bytes == 0) return;
    const LineIndex lines(text);
    const auto [line, column] = shifted(lines.position(decoded.first_nul_in_text), first_line);
    std::string message = "a NUL byte replaced with U+FFFD";
    if (decoded.nul_bytes > 1)
        message += " (and " + std::to_string(decoded.nul_bytes - 1) + " more in this file)";
    doc.problems.push_back(Problem{ProblemKind::nul_byte, doc.source, line, column, message});
}

namespace {
// The passages of the first `per_edge` links of each (target, kind) of `doc`, in order.
template <typename Position>
void add_link_passages(Document& doc, std::string_view text, unsigned per_edge,
                       Position& position) {
    std::unordered_map<std::string_view, std::array<unsigned, edge_kind_count>> seen;
    for (std::size_t i = 0; i < doc.links.size(); ++i) {
        const ExtractedLink& link = doc.links[i];
        if (link.offset >= text.size()) continue;
        unsigned& count = seen[link.key()][static_cast<std::size_t>(link.kind)];
        if (count >= per_edge) continue;
        ++count;
        const std::size_t end = markup_end(text, link.offset);
        const PassageRange r = passage_around(text, link.offset, end);
        const auto [line, column] = position(link.offset);
        doc.link_passages.push_back(LinkPassage{static_cast<std::uint32_t>(i),
                                                static_cast<std::uint32_t>(link.offset - r.begin),
                                                static_cast<std::uint32_t>(end - r.begin),
                                                std::string(text.substr(r.begin, r.end - r.begin)),
                                                format_position(doc.source, line, column)});
    }
}
}  // namespace

void ArticleImporter::extract(Document& doc, std::string_view text, std::size_t body_offset,
                              Dialect dialect, std::string_view relative_path,
                              std::size_t first_line) const {
    const std::string& source = doc.source;
    std::unique_ptr<LineIndex> lines;
    auto position = [&](std::size_t offset) {
        if (!lines) lines = std::make_unique<LineIndex>(text);
        return shifted(lines->position(offset), first_line);
    };
    ScanOptions scan_options;
    scan_options.dialect = dialect;
    scan_options.label_first = m_options.label_first;
    scan_options.links_in_templates = m_options.links_in_templates;
    scan_options.site = m_options.site;
    scan_options.max_issues_per_kind = std::max<std::size_t>(1, m_options.max_problems_per_kind);
    const ScanResult scanned = scan_links(text, body_offset, scan_options);
    std::array<std::size_t, problem_kind_count> unlisted = scanned.unlisted;
    for (const ScanIssue& issue : scanned.issues) {
        const auto [line, column] = position(issue.offset);
        doc.problems.push_back(Problem{issue.kind, source, line, column, issue.message});
    }
    std::vector<ScanIssue> link_issues;
    doc.links.reserve(doc.links.size() + scanned.links.size());
    for (const RawLink& raw : scanned.links) {
        if (raw.syntax == LinkSyntax::wiki) {
            add_wiki_link(doc, raw, text, dialect == Dialect::wikitext, link_issues);
        } else {
            add_markdown_link(doc, raw, relative_path);
        }
    }
    std::array<std::size_t, problem_kind_count> listed{};
    for (const Problem& p : doc.problems) ++listed[static_cast<std::size_t>(p.kind)];
    for (const ScanIssue& issue : link_issues) {
        const auto k = static_cast<std::size_t>(issue.kind);
        if (listed[k] >= scan_options.max_issues_per_kind) {
            ++unlisted[k];
            continue;
        }
        ++listed[k];
        const auto [line, column] = position(issue.offset);
        doc.problems.push_back(Problem{issue.kind, source, line, column, issue.message});
    }
    if (m_options.evidence > 0) add_link_passages(doc, text, m_options.evidence, position);
    for (ExtractedLink& link : doc.links) {
        if (!link.suspect) continue;
        const auto [line, column] = position(link.offset);
        link.line = static_cast<std::uint32_t>(line);  // inputs are under 4 GiB (--max-page-mb)
        link.column = static_cast<std::uint32_t>(column);
    }
    if (m_options.spotter != nullptr || m_options.retain_text) {
        Ranges visible = visible_ranges(text, body_offset, scanned.hidden);
        if (m_options.spotter != nullptr) m_options.spotter->spot(text, visible, doc.candidates);
        if (m_options.retain_text) {
            doc.visible = std::move(visible);
            doc.body_offset = body_offset;
        }
    }
    doc.window_breaks = window_breaks(text, body_offset, m_options.window);
    std::stable_sort(doc.problems.begin(), doc.problems.end(),
                     [](const Problem& a, const Problem& b) {
                         return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
    // The problems not itemized are counted on the last itemized one of their kind.
    for (auto p = doc.problems.rbegin(); p != doc.problems.rend(); ++p)
        p->more += std::exchange(unlisted[static_cast<std::size_t>(p->kind)], 0);
}

void ArticleImporter::add_wiki_link(Document& doc, const RawLink& raw, std::string_view text,
                                    bool wikitext, std::vector<ScanIssue>& issues) const {
    auto problem = [&](ProblemKind kind, std::string message) {
        issues.push_back(ScanIssue{kind, raw.offset, std::move(message)});
    };
    const std::string written(raw.embed ? "![[" : "[[");
    if (raw.target.size() > max_target_bytes * 4) {
        problem(ProblemKind::long_target,
                "wiki-link target longer than " + std::to_string(max_target_bytes) +
                    " bytes skipped: '" + written + shorten(raw.target) + "'");
        return;
    }
    // MediaWiki drops comments before it reads links: [[A<!-- note -->|b]] links to A.
    std::string uncommented;
    std::string_view raw_target = raw.target;
    if (raw_target.find("<!--") != std::string_view::npos) {
        for (std::size_t from = 0; from < raw_target.size();) {
            const std::size_t open = raw_target.find("<!--", from);
            uncommented.append(raw_target.substr(from, open - from));
            if (open == std::string_view::npos) break;
            const std::size_t close = raw_target.find("-->", open + 4);
            from = close == std::string_view::npos ? raw_target.size() : close + 3;
        }
        raw_target = uncommented;
    }
    // MediaWiki decodes character references first: [[Caf&eacute;]] is [[Café]].
    std::string decoded;
    if (wikitext && raw_target.find('&') != std::string_view::npos) {
        decoded = decode_char_references(raw_target);
        raw_target = decoded;
    }
    NormalizedTarget target = normalized(raw_target);
    if (target.same_page()) {
        // [[#Section]] points inside the article itself; [[]] and [[ |x]] point nowhere.
        const bool has_anchor = raw.target.find('#') != std::string_view::npos;
        if (!has_anchor) {
            problem(ProblemKind::empty_link,
                    "empty wiki-link target in '" + written +
                        shorten(std::string(raw.target) + (raw.label.empty() ? "" : "|") +
                                std::string(raw.label)) +
                        "]]'");
        }
        return;
    }
    if (target.key.size() > max_target_bytes) {
        problem(ProblemKind::long_target,
                "wiki-link target longer than " + std::to_string(max_target_bytes) +
                    " bytes skipped: '" + written + shorten(raw.target) + "'");
        return;
    }
    ExtractedLink link;
    link.offset = raw.offset;
    link.set(target.key, target.surface, target.lang, m_normalizer.clean_title(raw.label));
    switch (target.ns) {
        case TargetNamespace::category:
            link.target_kind = NodeKind::category;
            link.kind = target.leading_colon ? EdgeKind::link : EdgeKind::category;
            break;
        case TargetNamespace::file:
            link.kind = target.leading_colon ? EdgeKind::link : EdgeKind::embed;
            break;
        case TargetNamespace::other:
            link.kind = EdgeKind::link;
            break;
        case TargetNamespace::none: {
            link.kind = raw.embed ? EdgeKind::embed : EdgeKind::link;
            if (m_options.wiki_pages) {
                // On a wiki, [[zh:香港]] says "this page in Chinese", not "see also".
                if (!link.lang().empty() && !target.leading_colon) {
                    if (!m_options.keep_interlanguage) return;
                    link.kind = EdgeKind::interlanguage;
                }
                break;
            }
            if (link.lang().empty() &&
                link.surface().find_first_of("/.") != std::string_view::npos) {
                // [[folder/Note]] and [[Note.md]] name a corpus file by path.
                const std::string by_path = m_index.find(link.surface());
                if (!by_path.empty()) link.set_key(by_path);
            }
            break;
        }
    }
    if (raw.embed && link.kind == EdgeKind::link) link.kind = EdgeKind::embed;
    if (m_options.suspect_links && link.kind == EdgeKind::link &&
        target.ns == TargetNamespace::none) {
        RawLink shown = raw;
        if (m_options.wiki_pages) {
            const std::size_t trail = link_trail_end(text, raw.end);
            if (trail > raw.end) {
                link.set_label(std::string(link.shown()) +
                               std::string(text.substr(raw.end, trail - raw.end)));
                shown.end = trail;
            }
        }
        link.suspect = cuts_a_word(text, shown, link.shown());
    }
    doc.links.push_back(std::move(link));
}

void ArticleImporter::add_markdown_link(Document& doc, const RawLink& raw,
                                        std::string_view relative_path) const {
    if (raw.syntax == LinkSyntax::url) {
        ++doc.external_links;
        if (!m_options.external) return;
        ExtractedLink link;
        link.kind = raw.embed ? EdgeKind::embed : EdgeKind::link;
        link.target_kind = NodeKind::external;
        link.set(raw.target, raw.target, "", m_normalizer.clean_title(raw.label));
        link.offset = raw.offset;
        doc.links.push_back(std::move(link));
        return;
    }
    std::string dest = percent_decoded_path(raw.target);
    const std::size_t hash = dest.find('#');
    if (hash != std::string::npos) dest.erase(hash);
    const std::size_t query = dest.find('?');
    if (query != std::string::npos) dest.erase(query);
    if (dest.empty()) return;  // [x](#section): same page
    // Resolve against the folder of the linking file; '/...' is relative to the input root.
    namespace fs = std::filesystem;
    const fs::path base = fs::path(std::string(relative_path)).parent_path();
    std::string normal;
    std::string key;
    if (dest[0] == '/') {
        // Site-absolute (/content/gnews/2444750.md): the input folder may sit anywhere below
        // the site root, so try the path, then ever shorter tails of it.
        std::string_view tail = dest;
        while (key.empty() && !tail.empty()) {
            tail.remove_prefix(1);
            normal = fs::path(std::string(tail)).lexically_normal().generic_string();
            key = m_index.find(normal);
            const std::size_t slash = tail.find('/');
            tail = slash == std::string_view::npos ? std::string_view() : tail.substr(slash);
        }
    } else {
        normal = (base / dest).lexically_normal().generic_string();
        if (normal.rfind("..", 0) != 0) key = m_index.find(normal);
    }
    if (key.empty()) {
        ++doc.unresolved_links;
        return;
    }
    ExtractedLink link;
    link.kind = raw.embed ? EdgeKind::embed : EdgeKind::link;
    link.target_kind = NodeKind::article;
    link.set(key, m_normalizer.clean_title(stem_of(normal)), "",
             m_normalizer.clean_title(raw.label));
    link.offset = raw.offset;
    doc.links.push_back(std::move(link));
}

std::pair<std::string, bool> ArticleImporter::visible_text(std::string_view line,
                                                           Dialect dialect) const {
    // Each link replaced by its visible text; `more` when something outside the links has a
    // letter or digit (a line or heading of links only is navigation).
    ScanOptions options;
    options.dialect = dialect;
    options.label_first = m_options.label_first;
    options.max_issues_per_kind = 0;  // the body's own scan reports them
    const ScanResult scanned = scan_links(line, 0, options);
    std::string title;
    std::string outside_links;
    std::size_t at = 0;
    for (const RawLink& link : scanned.links) {
        if (link.offset < at) continue;  // nested inside a previous link
        const std::string_view before = line.substr(at, link.offset - at);
        title += before;
        outside_links += before;
        if (!link.label.empty()) {
            title += link.label;
        } else if (link.syntax == LinkSyntax::wiki) {
            title += m_normalizer.normalize_target(link.target).surface;
        }
        at = link.end;
    }
    title += line.substr(std::min(at, line.size()));
    outside_links += line.substr(std::min(at, line.size()));
    return {std::move(title), has_letter_or_digit(outside_links)};
}

std::string ArticleImporter::heading_title(std::string_view text, std::size_t begin,
                                           Dialect dialect) const {
    // The first heading names the note only when it comes first: before it, nothing but blank
    // lines, thematic breaks and lines of links (navigation). A heading after body text is a
    // section ("## Settings" in a note that starts with its own text).
    std::size_t pos = begin;
    while (pos < text.size()) {
        if (dialect == Dialect::markdown && fenced_block_end(text, pos) != pos) return {};
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

        std::string_view heading;
        bool is_heading = false;
        if (dialect == Dialect::markdown) {
            std::size_t i = 0;
            while (i < line.size() && i < 3 && line[i] == ' ') ++i;
            std::size_t hashes = 0;
            while (i + hashes < line.size() && line[i + hashes] == '#') ++hashes;
            is_heading =
                hashes >= 1 && hashes <= 6 &&
                (i + hashes == line.size() || line[i + hashes] == ' ' || line[i + hashes] == '\t');
            if (is_heading) {
                heading = line.substr(std::min(line.size(), i + hashes));
                while (!heading.empty() && (heading.back() == '#' || heading.back() == ' '))
                    heading.remove_suffix(1);
            }
        } else if (line.size() >= 2 && line.front() == '=' && line.back() == '=') {
            // == Heading == in wikitext
            is_heading = true;
            heading = line;
            while (!heading.empty() && heading.front() == '=') heading.remove_prefix(1);
            while (!heading.empty() && heading.back() == '=') heading.remove_suffix(1);
        }
        if (!is_heading) {
            const std::string_view bare = trim(line);
            const bool thematic_break = bare.size() >= 3 &&
                                        bare.find_first_not_of(bare[0]) == std::string_view::npos &&
                                        (bare[0] == '-' || bare[0] == '*' || bare[0] == '_');
            if (bare.empty() || thematic_break || !visible_text(bare, dialect).second) continue;
            return {};  // body text first: no heading names the note
        }
        auto [title, more] = visible_text(heading, dialect);
        if (!more) continue;  // a heading of links only is navigation
        title.erase(
            std::remove_if(title.begin(), title.end(), [](char c) { return c == '*' || c == '`'; }),
            title.end());
        std::string clean = m_normalizer.clean_title(title);
        if (!clean.empty()) return clean;
    }
    return {};
}

}  // namespace kg
