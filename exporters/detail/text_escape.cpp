// Escaping with ICU's U8_NEXT for decoding (Char production: XML 1.0 section 2.2).
#include "exporters/detail/text_escape.hpp"

#include <cstdint>

#include <unicode/utf8.h>

namespace kg {

namespace {
constexpr std::string_view replacement = "\xEF\xBF\xBD";
}

void append_xml_escaped(std::string& out, std::string_view text) {
    // Stretches that need nothing are copied whole (an append a character made labels and
    // keys the costliest part of writing GraphML).
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    const auto n = static_cast<int32_t>(text.size());
    int32_t kept = 0;  // start of the stretch not yet copied
    auto put = [&](int32_t upto, std::string_view instead, int32_t resume) {
        out.append(text.data() + kept, static_cast<std::size_t>(upto - kept));
        out.append(instead);
        kept = resume;
    };
    for (int32_t i = 0; i < n;) {
        const uint8_t b = p[i];
        if (b < 0x80) {
            switch (b) {
                case '&':
                    put(i, "&amp;", i + 1);
                    break;
                case '<':
                    put(i, "&lt;", i + 1);
                    break;
                case '>':
                    put(i, "&gt;", i + 1);
                    break;
                case '"':
                    put(i, "&quot;", i + 1);
                    break;
                case '\'':
                    put(i, "&apos;", i + 1);
                    break;
                case '\r':
                    put(i, "&#13;", i + 1);  // a raw CR would be normalized away by parsers
                    break;
                case '\t':
                case '\n':
                    break;
                default:
                    // C0 controls XML 1.0 forbids.
                    if (b < 0x20) put(i, replacement, i + 1);
            }
            ++i;
            continue;
        }
        // Ill-formed UTF-8 (-1) and the non-characters XML 1.0 forbids.
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c < 0 || c == 0xFFFE || c == 0xFFFF) put(start, replacement, i);
    }
    out.append(text.data() + kept, static_cast<std::size_t>(n - kept));
}

}  // namespace kg
