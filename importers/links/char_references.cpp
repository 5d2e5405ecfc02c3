// decode_char_references: a scan for '&', a name or number up to ';', a binary search of the
// sorted entity table.
#include "importers/links/char_references.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace kg {
namespace {

struct Entity {
    std::string_view name;
    std::uint32_t code;
};

constexpr Entity entities[] = {
#include "importers/links/html_entities.inc"
};

void append_utf8(std::string& out, std::uint32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool is_character(std::uint32_t c) {
    return c != 0 && c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF);
}

// The code point of the reference `body` (what stands between '&' and ';'), or 0.
std::uint32_t code_of(std::string_view body) {
    if (body.size() >= 2 && body[0] == '#') {
        const bool hex = body[1] == 'x' || body[1] == 'X';
        const std::string_view digits = body.substr(hex ? 2 : 1);
        if (digits.empty() || digits.size() > 8) return 0;
        std::uint32_t value = 0;
        for (char d : digits) {
            std::uint32_t v = 0;
            if (d >= '0' && d <= '9') {
                v = static_cast<std::uint32_t>(d - '0');
            } else if (hex && d >= 'a' && d <= 'f') {
                v = static_cast<std::uint32_t>(d - 'a' + 10);
            } else if (hex && d >= 'A' && d <= 'F') {
                v = static_cast<std::uint32_t>(d - 'A' + 10);
            } else {
                return 0;
            }
            value = value * (hex ? 16 : 10) + v;
            if (value > 0x10FFFF) return 0;
        }
        return is_character(value) ? value : 0;
    }
    const auto it =
        std::lower_bound(std::begin(entities), std::end(entities), body,
                         [](const Entity& e, std::string_view n) { return e.name < n; });
    return it != std::end(entities) && it->name == body ? it->code : 0;
}

}  // namespace

std::string decode_char_references(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t from = 0;
    for (std::size_t amp = text.find('&'); amp != std::string_view::npos;
         amp = text.find('&', amp + 1)) {
        // The longest name is 8 bytes ("thetasym"), the longest number 10 ("#x" + 8).
        const std::size_t semi = text.substr(amp + 1, 11).find(';');
        if (semi == std::string_view::npos) continue;
        const std::uint32_t code = code_of(text.substr(amp + 1, semi));
        if (code == 0) continue;
        out.append(text, from, amp - from);
        append_utf8(out, code);
        from = amp + semi + 2;
        amp = from - 1;
    }
    out.append(text, from, std::string_view::npos);
    return out;
}

}  // namespace kg
