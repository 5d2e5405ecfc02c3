// TextElementSplitter: a scanner of markup at '<' (comments, CDATA sections, processing
// instructions, quoted attribute values) that finds <text> start tags, and a decoder of their
// content that jumps, 16 bytes at a time (SSE2), to the next byte needing a look.
#include "importers/mediawiki/text_element_splitter.hpp"

#include <algorithm>
#include <cstring>

#include "base/text_util.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kg {
namespace {

// Held input beyond this (an open <text>, an unfinished comment or tag) goes to expat as it is.
constexpr std::size_t max_held = 64u << 20;

// Bytes of character data that need a look: '<' (the end), '&' (a reference), '\r' (end of
// line handling), '>' (part of "]]>"?), 0xEF (U+FFFE, U+FFFF are no Chars) and the controls
// XML forbids (all below 0x20 but tab, LF and CR).
bool needs_look(unsigned char c) {
    return c == '<' || c == '&' || c == '>' || c == 0xEF || (c < 0x20 && c != '\t' && c != '\n');
}

std::size_t next_look(const char* data, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
    const __m128i lt = _mm_set1_epi8('<');
    const __m128i amp = _mm_set1_epi8('&');
    const __m128i gt = _mm_set1_epi8('>');
    const __m128i ef = _mm_set1_epi8(static_cast<char>(0xEF));
    const __m128i below20 = _mm_set1_epi8(0x1F);
    const __m128i tab = _mm_set1_epi8('\t');
    const __m128i lf = _mm_set1_epi8('\n');
    while (i + 16 <= n) {
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
        __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(b, below20), b);  // b <= 0x1F
        control =
            _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(b, tab), _mm_cmpeq_epi8(b, lf)), control);
        const __m128i hit =
            _mm_or_si128(_mm_or_si128(control, _mm_cmpeq_epi8(b, lt)),
                         _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, amp), _mm_cmpeq_epi8(b, gt)),
                                      _mm_cmpeq_epi8(b, ef)));
        const int mask = _mm_movemask_epi8(hit);
        if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(mask));
        i += 16;
    }
#endif
    while (i < n && !needs_look(static_cast<unsigned char>(data[i]))) ++i;
    return i;
}

bool is_xml_char(std::uint32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

enum class Reference { ok, more, bad };

// The reference at text[0] ('&'): its length and code point.
Reference read_reference(std::string_view text, std::size_t& length, std::uint32_t& code) {
    // Character references may carry leading zeros; past 32 bytes it is not worth the trouble.
    const std::size_t semicolon = text.substr(0, 32).find(';');
    if (semicolon == std::string_view::npos)
        return text.size() < 32 ? Reference::more : Reference::bad;
    const std::string_view name = text.substr(1, semicolon - 1);
    length = semicolon + 1;
    if (name == "lt")
        code = '<';
    else if (name == "gt")
        code = '>';
    else if (name == "amp")
        code = '&';
    else if (name == "quot")
        code = '"';
    else if (name == "apos")
        code = '\'';
    else if (name.size() >= 2 && name[0] == '#') {
        const bool hex = name[1] == 'x';
        const std::string_view digits = name.substr(hex ? 2 : 1);
        if (digits.empty()) return Reference::bad;
        std::uint32_t value = 0;
        for (const char d : digits) {
            std::uint32_t v = 0;
            if (d >= '0' && d <= '9')
                v = static_cast<std::uint32_t>(d - '0');
            else if (hex && d >= 'a' && d <= 'f')
                v = static_cast<std::uint32_t>(d - 'a' + 10);
            else if (hex && d >= 'A' && d <= 'F')
                v = static_cast<std::uint32_t>(d - 'A' + 10);
            else
                return Reference::bad;
            value = value * (hex ? 16 : 10) + v;
            if (value > 0x10FFFF) return Reference::bad;
        }
        if (!is_xml_char(value)) return Reference::bad;
        code = value;
    } else {
        return Reference::bad;  // an entity only a DTD could declare: expat reports it
    }
    return Reference::ok;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// An XML declaration naming an encoding other than UTF-8 (`decl` is "<?xml …?>").
bool declares_other_encoding(std::string_view decl) {
    const std::size_t at = decl.find("encoding");
    if (at == std::string_view::npos) return false;
    std::size_t q = decl.find_first_of("\"'", at);
    if (q == std::string_view::npos) return true;
    const std::size_t end = decl.find(decl[q], q + 1);
    if (end == std::string_view::npos) return true;
    const std::string name = ascii_lower(decl.substr(q + 1, end - q - 1));
    return name != "utf-8" && name != "utf8";
}

// The value of a start tag's bytes="N" (MediaWiki writes the text's length), 0 if none.
std::size_t declared_bytes(std::string_view tag) {
    const std::size_t at = tag.find(" bytes=\"");
    if (at == std::string_view::npos) return 0;
    std::size_t value = 0;
    for (std::size_t i = at + 8; i < tag.size() && tag[i] >= '0' && tag[i] <= '9'; ++i) {
        value = value * 10 + static_cast<std::size_t>(tag[i] - '0');
        if (value > max_held) return max_held;
    }
    return value;
}

}  // namespace

std::uint64_t TextElementSplitter::raw_offset(std::uint64_t fed_offset) const noexcept {
    std::int64_t delta = m_delta_before;
    for (const auto& [from, d] : m_deltas) {
        if (from > fed_offset) break;
        delta = d;
    }
    return static_cast<std::uint64_t>(static_cast<std::int64_t>(fed_offset) + delta);
}

TextElementSplitter::Scan TextElementSplitter::scan_content(std::string_view work, bool last) {
    const char* data = work.data();
    const std::size_t n = work.size();
    std::size_t run = m_at;  // decoded up to here
    std::size_t i = m_at;
    auto wait = [&](std::size_t at) {
        m_text.append(data + run, at - run);
        m_at = at;
        return last || n - m_tag_start > max_held ? Scan::fallback : Scan::more;
    };
    for (;;) {
        i = next_look(data, i, n);
        if (i >= n) return wait(n);
        switch (static_cast<unsigned char>(data[i])) {
            case '<':
                if (n - i < 7) return wait(i);
                if (work.compare(i, 7, "</text>") != 0) return Scan::fallback;
                m_text.append(data + run, i - run);
                m_at = i;
                return Scan::done;
            case '&': {
                std::size_t length = 0;
                std::uint32_t code = 0;
                const Reference r = read_reference(work.substr(i), length, code);
                if (r == Reference::more) return wait(i);
                if (r == Reference::bad) return Scan::fallback;
                m_text.append(data + run, i - run);
                append_utf8(m_text, static_cast<char32_t>(code));
                i += length;
                run = i;
                break;
            }
            case '\r':
                if (i + 1 >= n) return wait(i);
                m_text.append(data + run, i - run);
                if (data[i + 1] != '\n') {  // a lone CR is a line break of its own
                    m_text.push_back('\n');
                    ++m_lone_cr;
                    m_line_start = i + 1;
                }
                ++i;  // a CR LF leaves the LF to the run
                run = i;
                break;
            case '>':
                if (i >= m_tag_end + 3 && data[i - 1] == ']' && data[i - 2] == ']')
                    return Scan::fallback;  // "]]>" may not appear in content
                ++i;
                break;
            case 0xEF:
                if (i + 2 >= n) return wait(i);
                if (data[i + 1] == static_cast<char>(0xBF) &&
                    (data[i + 2] == static_cast<char>(0xBE) ||
                     data[i + 2] == static_cast<char>(0xBF)))
                    return Scan::fallback;  // U+FFFE, U+FFFF
                ++i;
                break;
            default:
                return Scan::fallback;  // a control character XML forbids
        }
    }
}

void TextElementSplitter::lift(std::string_view work, std::size_t end_tag, std::string& fed) {
    const char* data = work.data();
    const std::size_t begin = m_tag_end + 1;
    const std::size_t breaks = count_byte(work.substr(begin, end_tag - begin), '\n') + m_lone_cr;
    std::size_t line_start = std::max(begin, m_line_start);
    if (const void* lf = end_tag > begin ? memrchr(data + begin, '\n', end_tag - begin) : nullptr) {
        line_start =
            std::max(line_start, static_cast<std::size_t>(static_cast<const char*>(lf) - data) + 1);
    }
    // Expat counts columns in characters: bytes that are no UTF-8 continuation.
    const std::size_t chars =
        static_cast<std::size_t>(std::count_if(data + line_start, data + end_tag, [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }));
    const std::size_t fed_before = fed.size();
    m_lifted.push_back(Lifted{m_fed_total + fed_before, std::move(m_text)});
    m_text = std::string();
    // The content's line breaks, then its last line's width, as white space before the '>':
    // expat's lines and columns after the element stay the original's.
    fed.append(data + m_tag_start, m_tag_end - m_tag_start);
    if (breaks > 0 && chars == 0) {
        fed.append(breaks - 1, '\n');
        fed += ">\n</text>";
    } else {
        fed.append(breaks, '\n');
        fed.append(breaks > 0 ? chars - 1 : chars, ' ');
        fed += "></text>";
    }
    const std::size_t raw_length = end_tag + 7 - m_tag_start;
    m_delta +=
        static_cast<std::int64_t>(raw_length) - static_cast<std::int64_t>(fed.size() - fed_before);
    m_deltas.emplace_back(m_fed_total + fed.size(), m_delta);
}

bool TextElementSplitter::markup(std::string_view work, std::size_t p, bool last,
                                 std::size_t& next) {
    const char* data = work.data();
    const std::size_t n = work.size();
    auto unfinished = [&] {
        if (!last && n - p <= max_held) return false;
        m_off = true;  // the rest goes to expat as it is
        next = n;
        return true;
    };
    auto skip_to = [&](std::size_t from, std::string_view end) {
        const std::size_t at = work.find(end, from);
        if (at == std::string_view::npos) return unfinished();
        next = at + end.size();
        return true;
    };
    if (p + 1 >= n) return unfinished();
    const char c = data[p + 1];
    if (c == '!') {
        if (n - p < 4) return unfinished();
        if (work.compare(p, 4, "<!--") == 0) return skip_to(p + 4, "-->");
        if (n - p < 9) return unfinished();
        if (work.compare(p, 9, "<![CDATA[") == 0) return skip_to(p + 9, "]]>");
        m_off = true;  // a document type declaration may declare entities: expat decides
        next = n;
        return true;
    }
    if (c == '?') {
        if (!skip_to(p + 2, "?>")) return false;
        if (m_first && work.compare(p, 5, "<?xml") == 0 &&
            declares_other_encoding(work.substr(p, next - p)))
            m_off = true;
        return true;
    }
    if (c == '/') {
        if (!skip_to(p + 2, ">")) return false;
        if (m_depth > 0) --m_depth;
        return true;
    }
    // A start tag: its '>' is the first outside quoted attribute values.
    std::size_t gt = p + 1;
    for (;;) {
        while (gt < n && data[gt] != '>' && data[gt] != '"' && data[gt] != '\'') ++gt;
        if (gt >= n) return unfinished();
        if (data[gt] == '>') break;
        const void* quote = std::memchr(data + gt + 1, data[gt], n - gt - 1);
        if (quote == nullptr) return unfinished();
        gt = static_cast<std::size_t>(static_cast<const char*>(quote) - data) + 1;
    }
    next = gt + 1;
    const bool empty = data[gt - 1] == '/';
    if (m_depth > 0) {
        if (!empty) ++m_depth;
        return true;
    }
    std::size_t name_end = p + 1;
    while (name_end < gt && !is_space(data[name_end]) && data[name_end] != '/') ++name_end;
    if (!empty && work.substr(p + 1, name_end - p - 1) == "text") {
        m_open = true;
        m_tag_start = p;
        m_tag_end = gt;
        m_at = gt + 1;
        m_line_start = gt + 1;
        m_lone_cr = 0;
        m_text.clear();
        m_text.reserve(declared_bytes(work.substr(p, gt - p)));
    }
    return true;
}

void TextElementSplitter::split(std::string_view raw, bool last, std::string& fed) {
    m_delta_before = m_delta;
    m_deltas.clear();
    std::string_view work = raw;
    if (!m_held.empty()) {
        m_held.append(raw);
        work = m_held;
    }
    std::size_t emitted = 0;         // work[0, emitted) is fed or lifted
    std::size_t keep = work.size();  // work[keep, end) waits for more input
    std::size_t i = 0;
    while (!m_off) {
        if (m_open) {
            const Scan s = scan_content(work, last);
            if (s == Scan::more) {
                keep = m_tag_start;
                break;
            }
            m_open = false;
            if (s == Scan::done) {
                fed.append(work.data() + emitted, m_tag_start - emitted);
                const std::size_t end_tag = m_at;
                lift(work, end_tag, fed);
                emitted = end_tag + 7;
                i = emitted;
            } else {
                m_text.clear();  // expat reads the element as it is
                m_depth = 1;
                i = m_tag_end + 1;
            }
            continue;
        }
        if (i >= work.size()) break;  // (an empty view may have no data() for memchr)
        const void* lt = std::memchr(work.data() + i, '<', work.size() - i);
        if (lt == nullptr) break;
        const std::size_t p = static_cast<std::size_t>(static_cast<const char*>(lt) - work.data());
        std::size_t next = 0;
        if (!markup(work, p, last, next)) {
            keep = p;
            break;
        }
        m_first = false;
        i = next;
    }
    if (last) keep = work.size();
    fed.append(work.data() + emitted, keep - emitted);
    if (keep < work.size()) {
        if (m_open) {
            m_tag_start -= keep;
            m_tag_end -= keep;
            m_at -= keep;
            m_line_start -= keep;
        }
        if (work.data() == m_held.data()) {
            m_held.erase(0, keep);
        } else {
            m_held.assign(work.substr(keep));
        }
    } else {
        m_held.clear();
    }
    m_fed_total += fed.size();
}

}  // namespace kg
