// Escaping with ICU's U8_NEXT for decoding (Char production: XML 1.0 section 2.2).
#include "exporters/text_escape.hpp"

#include <unicode/utf8.h>

namespace kg {

namespace {
constexpr std::string_view replacement = "\xEF\xBF\xBD";
}

void append_xml_escaped(std::string& out, std::string_view text) {
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    const auto n = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < n;) {
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            case '\t':
            case '\n':
                out += static_cast<char>(c);
                break;
            case '\r':
                out += "&#13;";
                break;  // a raw CR would be normalized away by parsers
            default:
                if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                    out.append(replacement);
                } else {
                    out.append(text.data() + start, static_cast<std::size_t>(i - start));
                }
        }
    }
}

}  // namespace kg
