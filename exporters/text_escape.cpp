// Escaping with ICU's U8_NEXT for decoding (Char production: XML 1.0 section 2.2).
#include "exporters/text_escape.hpp"

#include "graph/text_util.hpp"

namespace kg {

namespace {
constexpr std::string_view replacement = "\xEF\xBF\xBD";
}

void append_xml_escaped(std::string& out, std::string_view text) {
    for_each_code_point(text, [&](UChar32 c, std::string_view bytes) {
        switch (c) {
            case '&':
                out += "&amp;";
                return;
            case '<':
                out += "&lt;";
                return;
            case '>':
                out += "&gt;";
                return;
            case '"':
                out += "&quot;";
                return;
            case '\'':
                out += "&apos;";
                return;
            case '\r':
                out += "&#13;";
                return;  // a raw CR would be normalized away by parsers
            case '\t':
            case '\n':
                out += static_cast<char>(c);
                return;
            default:
                // Ill-formed UTF-8 (-1), C0 controls and the non-characters XML 1.0 forbids.
                out.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? replacement : bytes);
        }
    });
}

}  // namespace kg
