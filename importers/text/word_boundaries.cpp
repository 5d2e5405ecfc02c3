// WordBoundaries: answers what ICU's word iterator would: from the two characters alone where
// the rules need no context, with CjkSegmenter inside runs of Chinese and Japanese, and with a
// per-thread ICU iterator on a small window for the rest. Also visible_ranges(), the running
// text that mention spotting and suspect-link checks read. Used by ArticleImporter and
// MentionSpotter.
#include "importers/text/word_boundaries.hpp"

#include <algorithm>
#include <cctype>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "base/error.hpp"
#include "importers/text/cjk_segmenter.hpp"

namespace kg {
namespace {

icu::BreakIterator& word_breaker() {
    thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> b(
            icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status))
            throw Error(std::string("ICU word break iterator: ") + u_errorName(status));
        return b;
    }();
    return *breaker;
}

// Code point before / at a byte offset (valid UTF-8 assumed), or -1 at the ends.
UChar32 code_point_before(std::string_view text, std::size_t offset) {
    if (offset == 0) return -1;
    auto i = static_cast<int32_t>(offset);
    UChar32 c = 0;
    U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
    return c;
}

/// The bytes of `c` in UTF-8; 1 for what is no code point (-1 at an end, or a byte of invalid
/// UTF-8), so that loops stepping by it always move.
std::size_t width(UChar32 c) {
    return c < 0 ? 1 : static_cast<std::size_t>(U8_LENGTH(c));
}

UChar32 code_point_at(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) return -1;
    auto i = static_cast<int32_t>(offset);
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
    return c;
}

bool joins_words(UChar32 c) {
    // ICU's word rules count '@' as a letter (ALetter), unlike UAX #29.
    if (u_isalnum(c) || c == '@') return true;
    switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
        case U_WB_MIDLETTER:
        case U_WB_MIDNUM:
        case U_WB_MIDNUMLET:
        case U_WB_EXTENDNUMLET:
        case U_WB_SINGLE_QUOTE:
        case U_WB_EXTEND:
        case U_WB_FORMAT:
        case U_WB_ZWJ:
            return true;
        default:
            return false;
    }
}

// True when no rule of ICU's word segmentation joins `c` to a Chinese or Japanese character
// next to it: only Extend, Format and ZWJ (which attach to what precedes them), Katakana and
// ExtendNumLet (Katakana × ExtendNumLet) do.
bool separates_from_cjk(UChar32 c) {
    switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
        case U_WB_EXTEND:
        case U_WB_FORMAT:
        case U_WB_ZWJ:
        case U_WB_KATAKANA:
        case U_WB_EXTENDNUMLET:
            return false;
        default:
            return true;
    }
}

// Pairs of characters that join no words yet stay together: CR LF (WB3), spaces (WB3d),
// regional indicators (WB15–16, which pair them).
bool kept_together(UChar32 before, UChar32 after) {
    if (before == '\r' && after == '\n') return true;
    const auto a = u_getIntPropertyValue(before, UCHAR_WORD_BREAK);
    const auto b = u_getIntPropertyValue(after, UCHAR_WORD_BREAK);
    return a == b && (a == U_WB_WSEGSPACE || a == U_WB_REGIONAL_INDICATOR);
}

std::size_t align_back(std::string_view text, std::size_t offset) {
    while (offset > 0 && offset < text.size() &&
           (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
        --offset;
    return offset;
}

bool is_url_char(char c) {
    return c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '<' && c != '>' && c != '"' &&
           c != ')' && static_cast<unsigned char>(c) < 0x80;
}

}  // namespace

WordBoundaries::WordBoundaries(std::string_view text, std::size_t from, std::size_t to)
    : m_text(text), m_from(from), m_to(to) {}

void WordBoundaries::reset(std::string_view text, std::size_t from, std::size_t to) {
    m_text = text;
    m_from = from;
    m_to = to;
    m_boundaries.clear();
    m_trusted_from = 1;
    m_trusted_to = 0;
    m_run_from = 1;
    m_run_to = 0;
    m_run_breaks.clear();
}

bool WordBoundaries::at(std::size_t offset) {
    if (offset <= m_from || offset >= m_to) return true;
    const UChar32 before = code_point_before(m_text, offset);
    const UChar32 after = code_point_at(m_text, offset);
    if (before < 0 || after < 0) return true;
    // Chinese and Japanese: the dictionary segmentation inside a run, the rules at its ends.
    if (const CjkSegmenter* cjk = CjkSegmenter::instance()) {
        const bool cjk_before = cjk->in_run(before);
        const bool cjk_after = cjk->in_run(after);
        if (cjk_before && cjk_after) {
            const bool in_last_run = offset > m_run_from && offset < m_run_to;
            // No dictionary word across the offset: a boundary in any segmentation, so the
            // run need not be segmented (most link ends in Chinese text).
            if (!in_last_run && !word_across(*cjk, offset)) return true;
            if (in_last_run || segment_run(*cjk, offset))
                return std::binary_search(m_run_breaks.begin(), m_run_breaks.end(), offset);
        } else if (cjk_before || cjk_after) {
            if (separates_from_cjk(cjk_before ? after : before)) return true;
        }
    }
    // ASCII on both sides. Two letters or digits: never a boundary (WB5, WB8–WB10 join them,
    // whatever is around), so "apple" in "pineapple" needs no segmentation. A letter or digit
    // next to any other ASCII character: always one, except for those that join words in
    // ICU's rules (' . , ; between letters or digits, _, and @ which ICU counts a letter).
    if (before < 0x80 && after < 0x80) {
        const bool alnum_before = std::isalnum(before) != 0;
        const bool alnum_after = std::isalnum(after) != 0;
        if (alnum_before && alnum_after) return false;
        if (alnum_before != alnum_after &&
            std::string_view("'.,;_@").find(static_cast<char>(alnum_before ? after : before)) ==
                std::string_view::npos)
            return true;
    }
    // A space or plain punctuation on either side is a boundary; between two letters or
    // digits, or next to a character that joins words ("recipes.md", "don't", "a_b", a
    // combining mark), ICU's rules decide.
    if (!joins_words(before) && !joins_words(after) && !kept_together(before, after)) return true;
    if (offset < m_trusted_from || offset > m_trusted_to) segment_around(offset);
    return std::binary_search(m_boundaries.begin(), m_boundaries.end(), offset);
}

bool WordBoundaries::word_across(const CjkSegmenter& cjk, std::size_t offset) const {
    // The run's characters around the offset, as far as a word can reach from it.
    constexpr int reach = CjkSegmenter::max_word - 1;
    char16_t before[reach];
    int count_before = 0;
    for (std::size_t q = offset; count_before < reach && q > m_from;) {
        const UChar32 c = code_point_before(m_text, q);
        if (!cjk.in_run(c)) break;
        if (!cjk.handles(c)) return true;  // not sure: the run goes to ICU
        before[count_before++] = static_cast<char16_t>(c);
        q -= width(c);
    }
    char16_t units[2 * reach];
    int n = 0;
    while (count_before > 0) units[n++] = before[--count_before];
    const int at = n;
    for (std::size_t q = offset; n < at + reach && q < m_to;) {
        const UChar32 c = code_point_at(m_text, q);
        if (!cjk.in_run(c)) break;
        if (!cjk.handles(c)) return true;
        units[n++] = static_cast<char16_t>(c);
        q += width(c);
    }
    return cjk.word_across(units, n, at);
}

bool WordBoundaries::segment_run(const CjkSegmenter& cjk, std::size_t offset) {
    // The run is what ICU hands its CJK engine: all engine characters around the offset.
    std::size_t from = offset;
    while (from > m_from) {
        const UChar32 c = code_point_before(m_text, from);
        if (!cjk.in_run(c)) break;
        if (!cjk.handles(c)) return false;
        from -= width(c);
    }
    std::size_t to = offset;
    while (to < m_to) {
        const UChar32 c = code_point_at(m_text, to);
        if (!cjk.in_run(c)) break;
        if (!cjk.handles(c)) return false;
        to += width(c);
    }
    m_run_breaks.clear();
    cjk.segment(m_text.substr(from, to - from), m_run_breaks);
    for (std::uint32_t& b : m_run_breaks) b += static_cast<std::uint32_t>(from);
    m_run_from = from;
    m_run_to = to;
    return true;
}

void WordBoundaries::segment_around(std::size_t offset) {
    // Segment a stretch from a little before the offset to well after it (queries come in
    // increasing order); answers are trusted only with `context` bytes of text on each side,
    // unless the stretch reaches the end of the range.
    constexpr std::size_t context = 30;
    constexpr std::size_t ahead = 600;
    std::size_t region_from =
        align_back(m_text, std::max(m_from, offset > context ? offset - context : 0));
    std::size_t region_to = align_back(m_text, std::min(m_to, offset + ahead));
    // Where Chinese or Japanese text meets a character that separates from it, the boundary
    // is certain and ICU's rules start afresh: the stretch ends there, trusted to the edge (ICU
    // would otherwise run its dictionary over the Chinese part too).
    bool certain_from = region_from == m_from;
    bool certain_to = region_to == m_to;
    if (const CjkSegmenter* cjk = CjkSegmenter::instance()) {
        for (std::size_t q = offset; q > region_from;) {
            const UChar32 before = code_point_before(m_text, q);
            const UChar32 at = code_point_at(m_text, q);
            if (cjk->in_run(before) && !cjk->in_run(at) && at >= 0 && separates_from_cjk(at)) {
                region_from = q;
                certain_from = true;
                break;
            }
            q -= width(before);
        }
        for (std::size_t q = offset; q < region_to;) {
            const UChar32 before = code_point_before(m_text, q);
            const UChar32 at = code_point_at(m_text, q);
            if (q > offset && cjk->in_run(at) && !cjk->in_run(before) && before >= 0 &&
                separates_from_cjk(before)) {
                region_to = q;
                certain_to = true;
                break;
            }
            q += width(at);
        }
    }
    m_boundaries.clear();
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, m_text.data() + region_from, static_cast<int64_t>(region_to - region_from),
                   &status);
    icu::BreakIterator& breaker = word_breaker();
    breaker.setText(&ut, status);
    if (U_SUCCESS(status)) {
        for (int32_t b = breaker.first(); b != icu::BreakIterator::DONE; b = breaker.next()) {
            m_boundaries.push_back(region_from + static_cast<std::size_t>(b));
        }
    }
    utext_close(&ut);
    m_trusted_from = certain_from ? region_from : region_from + context;
    m_trusted_to = certain_to ? region_to : region_to - context;
    if (m_trusted_from > offset || m_trusted_to < offset) {
        // A stretch too short to trust (tiny range edges): fall back to this one answer.
        m_trusted_from = offset;
        m_trusted_to = offset;
    }
}

bool is_word_boundary(std::string_view text, std::size_t offset, std::size_t from, std::size_t to) {
    WordBoundaries boundaries(text, from, to);
    return boundaries.at(offset);
}

Ranges visible_ranges(std::string_view text, std::size_t begin, const Ranges& hidden) {
    Ranges plain;
    std::size_t at = begin;
    for (const auto& [from, to] : hidden) {
        if (to <= at) continue;
        if (from > at) plain.emplace_back(at, from);
        at = std::max(at, to);
    }
    if (at < text.size()) plain.emplace_back(at, text.size());
    // Take bare URLs out: scheme://… and www.… up to a space or markup.
    Ranges out;
    for (auto [from, to] : plain) {
        const std::string_view range = text.substr(0, to);
        // The next "://" and "www." at or after k, each searched again only once k passed it
        // (a search per URL would be quadratic in a text of URLs of one kind only).
        std::size_t sep = range.find("://", from);
        std::size_t www = range.find("www.", from);
        std::size_t k = from;
        while (k < to) {
            if (sep != std::string_view::npos && sep < k) sep = range.find("://", k);
            if (www != std::string_view::npos && www < k) www = range.find("www.", k);
            std::size_t url = std::string_view::npos;
            if (sep != std::string_view::npos) {
                url = sep;
                while (url > k && std::isalpha(static_cast<unsigned char>(text[url - 1]))) --url;
            }
            if (www != std::string_view::npos && (url == std::string_view::npos || www < url)) {
                url = www;
            }
            if (url == std::string_view::npos) break;
            std::size_t url_end = url;
            while (url_end < to && is_url_char(text[url_end])) ++url_end;
            if (url_end == url) url_end = url + 1;
            if (url > k) out.emplace_back(k, url);
            k = url_end;
        }
        if (k < to) out.emplace_back(k, to);
    }
    return out;
}

}  // namespace kg
