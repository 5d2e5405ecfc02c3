// TextElementSplitter: takes the character data of a MediaWiki dump's <text> elements out of
// the byte stream before expat parses it, and decodes it itself. Expat still parses everything
// else (every tag and attribute, comments, the structure) and sees each lifted element as an
// empty `<text …>` whose start tag holds, as white space, the line breaks and the last line's
// width of the content taken out, so that expat's lines and columns stay the original's.
// Why: wikitext is ~95 % of a dump and expat's tokenizer (~400 MB/s here) was the slowest step
// of link extraction; this decoder skips to the few bytes that matter 16 at a time.
// Used by MediaWikiDumpReader on UTF-8 input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

/// Decodes character data as XML 1.0 (Fifth Edition, https://www.w3.org/TR/xml/) says:
/// end-of-line handling (§2.11: CR LF and a lone CR read as LF), the predefined entities (§4.6)
/// and character references (§4.1); literal characters must be Chars (§2.2) and `]]>` may not
/// appear (§2.4). Whatever it is not sure of goes to expat unchanged, which parses or reports
/// it exactly as without the splitter: a child element, comment, CDATA section or processing
/// instruction inside <text>, an undefined entity, a forbidden character, `]]>`, an end tag
/// other than a plain `</text>`, the input ending inside the element, or an element over
/// 64 MiB. A document type declaration (which could declare entities) or an XML declaration
/// naming an encoding other than UTF-8 turns lifting off for the rest of the stream.
class TextElementSplitter {
public:
    /// A <text> element whose content was taken out of the stream.
    struct Lifted {
        std::uint64_t fed_offset = 0;  ///< offset of its start tag's '<' in what expat is fed
        std::string text;              ///< its character data, decoded
    };

    /// Everything passes to expat unchanged from now on (UTF-16 input).
    void disable() noexcept { m_off = true; }

    /// Appends to `fed` (empty on entry) what expat should parse for the next bytes `raw` of
    /// UTF-8 input: `raw` with the content of complete <text> elements taken out (they go to
    /// lifted()), less a tail that waits for more input. `last`: the input ends with `raw`,
    /// and everything still held is fed.
    void split(std::string_view raw, bool last, std::string& fed);

    /// Lifted elements, oldest first, whose start tags have been fed; the reader takes each
    /// when expat reports its start tag (at `fed_offset`).
    std::deque<Lifted>& lifted() noexcept { return m_lifted; }

    /// The offset in the input of `fed_offset` in the fed stream, for positions expat reports
    /// within the latest split()'s output (or later).
    std::uint64_t raw_offset(std::uint64_t fed_offset) const noexcept;

private:
    enum class Scan { done, more, fallback };
    Scan scan_content(std::string_view work, bool last);
    bool markup(std::string_view work, std::size_t at, bool last, std::size_t& next);
    void lift(std::string_view work, std::size_t end_tag, std::string& fed);

    bool m_off = false;
    bool m_first = true;      // the next token is the stream's first (an XML declaration?)
    std::string m_held;       // input not yet fed: an unfinished token or an open <text>
    std::size_t m_depth = 0;  // inside a <text> fed unchanged: elements open within it + 1

    // The open <text> element; offsets into the bytes being split (held: m_held starts at '<').
    bool m_open = false;
    std::size_t m_tag_start = 0;   // its start tag's '<' in the bytes being split
    std::size_t m_tag_end = 0;     // its start tag's '>'
    std::size_t m_at = 0;          // content read and decoded up to here
    std::size_t m_lone_cr = 0;     // lone CRs in the content (each a line break)
    std::size_t m_line_start = 0;  // after the last lone CR (LFs are found at the end)
    std::string m_text;

    std::deque<Lifted> m_lifted;
    std::uint64_t m_fed_total = 0;  // bytes fed before this split()'s output
    // Input bytes minus fed bytes: in all, before the latest split(), and from each lift of
    // the latest split() on ({fed offset after the lift, difference}).
    std::int64_t m_delta = 0;
    std::int64_t m_delta_before = 0;
    std::vector<std::pair<std::uint64_t, std::int64_t>> m_deltas;
};

}  // namespace kg
