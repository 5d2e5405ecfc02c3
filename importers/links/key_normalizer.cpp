// KeyNormalizer: ASCII fast paths around ICU's Normalizer2 and case folding.
// Whitespace is Unicode White_Space (u_isUWhiteSpace): NBSP and U+3000 fold like a space.
#include "importers/links/key_normalizer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <utility>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "base/strings.hpp"
#include "base/text_util.hpp"
#include "importers/mediawiki/namespaces.hpp"

namespace kg {
namespace {

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

icu::UnicodeString to_unicode(std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string to_utf8(const icu::UnicodeString& u) {
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string nfc(std::string_view s) {
    if (is_ascii(s)) return std::string(s);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return std::string(s);
    const icu::UnicodeString u = to_unicode(s);
    if (normalizer->isNormalized(u, status) && U_SUCCESS(status)) return std::string(s);
    status = U_ZERO_ERROR;
    icu::UnicodeString out = normalizer->normalize(u, status);
    return U_SUCCESS(status) ? to_utf8(out) : std::string(s);
}

// '_' and every run of White_Space become one ASCII space; leading/trailing ones go.
std::string fold_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for_each_code_point(s, [&](UChar32 c, std::string_view bytes) {
        if (c == '_' || (c >= 0 && u_isUWhiteSpace(c))) {
            pending_space = true;
            return;
        }
        if (pending_space && !out.empty()) out += ' ';
        pending_space = false;
        out.append(bytes);
    });
    return out;
}

// Keys are trimmed of spaces only: whitespace runs are already folded to one space.
std::string trim_spaces(std::string_view s) {
    return std::string(trim(s, " "));
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Named references that occur in link targets in practice (HTML 5 has ~2,000; the rest are
// kept as written, which is visible in the output rather than silently wrong).
constexpr std::array<std::pair<std::string_view, UChar32>, 20> named_entities{{
    {"amp", '&'},     {"lt", '<'},       {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
    {"nbsp", 0xA0},   {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"laquo", 0xAB},
    {"raquo", 0xBB},  {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"middot", 0xB7}, {"times", 0xD7},   {"copy", 0xA9},    {"reg", 0xAE},      {"shy", 0xAD},
}};

std::string decode_entities(std::string_view s) {
    if (s.find('&') == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] != '&') {
            out += s[i++];
            continue;
        }
        const std::size_t semi = s.find(';', i + 1);
        if (semi == std::string_view::npos || semi - i > 12) {
            out += s[i++];
            continue;
        }
        const std::string_view name = s.substr(i + 1, semi - i - 1);
        UChar32 c = -1;
        if (name.size() >= 2 && name[0] == '#') {
            const bool hex = name[1] == 'x' || name[1] == 'X';
            const std::string_view digits = name.substr(hex ? 2 : 1);
            long value = 0;
            bool ok = !digits.empty();
            for (char d : digits) {
                const int v = hex ? hex_value(d)
                                  : (std::isdigit(static_cast<unsigned char>(d)) ? d - '0' : -1);
                if (v < 0 || value > 0x10FFFF) {
                    ok = false;
                    break;
                }
                value = value * (hex ? 16 : 10) + v;
            }
            if (ok && value > 0 && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF)) {
                c = static_cast<UChar32>(value);
            }
        } else {
            for (const auto& [n, cp] : named_entities) {
                if (n == name) c = cp;
            }
        }
        if (c < 0) {
            out += s[i++];
            continue;
        }
        append_utf8(out, static_cast<char32_t>(c));
        i = semi + 1;
    }
    return out;
}

std::string decode_percent(std::string_view s) {
    if (s.find('%') == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
            hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    // "100%25 sure" decodes; "50%C0" would make bad UTF-8, so the text is kept as written.
    return is_valid_utf8(out) ? out : std::string(s);
}

}  // namespace

std::string decode_escapes(std::string_view text) {
    return decode_percent(decode_entities(text));
}

namespace {

// What may stand in a text that is its own clean form, besides printable ASCII but '_'.
struct PlainChars {
    bool latin = false;       // U+00C0..U+02FF: Latin letters, IPA, spacing modifiers
    bool han = true;          // CJK Unified Ideographs U+4E00..U+9FFF
    bool first_latin = true;  // a Latin one may come first
    bool link_signs = true;   // % & # : (escapes, sections, prefixes in link targets)
};

// Printable ASCII but '_' (and, in the second table, but % & # :), by byte.
constexpr std::array<std::array<bool, 128>, 2> plain_ascii = [] {
    std::array<std::array<bool, 128>, 2> table{};
    for (int c = ' '; c <= '~'; ++c) {
        table[0][static_cast<std::size_t>(c)] = c != '_';
        table[1][static_cast<std::size_t>(c)] =
            c != '_' && c != '%' && c != '&' && c != '#' && c != ':';
    }
    return table;
}();

// True when `text` is printable ASCII (but '_', and % & # : unless `link_signs`) and the characters
// `allowed` lets in, with single inner spaces: each of these is NFC-stable (NFC_Quick_Check
// Yes, combining class 0) and no White_Space, so clean_title() leaves the text as it is.
bool is_plain_text(std::string_view text, const PlainChars& allowed) noexcept {
    if (text.empty() || text.front() == ' ' || text.back() == ' ') return false;
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    const std::array<bool, 128>& ascii = plain_ascii[allowed.link_signs ? 0 : 1];
    unsigned char previous = 0;
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = s[i];
        if (c >= 0x80) {
            if (c >= 0xC3 && c <= 0xCB) {  // U+00C0..U+02FF (C3 80 .. CB BF)
                if (!allowed.latin || (i == 0 && !allowed.first_latin) || i + 1 >= n ||
                    (s[i + 1] & 0xC0) != 0x80)
                    return false;
                previous = c;
                i += 2;
                continue;
            }
            // A CJK Unified Ideograph, U+4E00..U+9FFF (E4 B8 80 .. E9 BF BF).
            if (!allowed.han || c < 0xE4 || c > 0xE9 || i + 2 >= n) return false;
            const unsigned char b1 = s[i + 1];
            if ((b1 & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 || (c == 0xE4 && b1 < 0xB8))
                return false;
            previous = c;
            i += 3;
            continue;
        }
        if (!ascii[c] || (c == ' ' && previous == ' ')) return false;
        previous = c;
        ++i;
    }
    return true;
}

}  // namespace

std::string KeyNormalizer::clean_title(std::string_view title) const {
    PlainChars allowed;
    allowed.latin = true;
    if (is_plain_text(title, allowed)) return std::string(title);  // most labels and titles
    return fold_spaces(nfc(title));
}

std::string KeyNormalizer::key_of(std::string_view clean) const {
    if (m_han_folder == nullptr || is_ascii(clean)) return apply_case_rule(clean);
    return apply_case_rule(m_han_folder->simplify_han(clean));
}

std::string KeyNormalizer::apply_case_rule(std::string_view clean) const {
    switch (m_rule) {
        case CaseRule::sensitive:
            return std::string(clean);
        case CaseRule::fold: {
            if (is_ascii(clean)) return ascii_lower(clean);
            return nfc(to_utf8(to_unicode(clean).foldCase()));
        }
        case CaseRule::first_letter: {
            if (clean.empty()) return {};
            const auto first = static_cast<unsigned char>(clean[0]);
            if (first < 0x80) {
                std::string out(clean);
                out[0] = static_cast<char>(std::toupper(first));
                return out;
            }
            int32_t i = 0;
            UChar32 c = 0;
            U8_NEXT(reinterpret_cast<const uint8_t*>(clean.data()), i,
                    static_cast<int32_t>(clean.size()), c);
            std::string out;
            if (c >= 0) {
                out = to_utf8(icu::UnicodeString(c).toUpper());
            } else {
                out.assign(clean.data(), static_cast<std::size_t>(i));
            }
            out.append(clean.substr(static_cast<std::size_t>(i)));
            return nfc(out);
        }
    }
    return std::string(clean);
}

bool KeyNormalizer::is_plain(std::string_view raw) const noexcept {
    PlainChars allowed;
    // Ideographs would change under Han folding. Accented letters keep their case only by
    // the exact rule, or after the first letter by MediaWiki's (folding needs ICU).
    allowed.han = m_han_folder == nullptr;
    allowed.latin = m_han_folder == nullptr && m_rule != CaseRule::fold;
    allowed.first_latin = m_rule == CaseRule::sensitive;
    allowed.link_signs = false;
    return is_plain_text(raw, allowed);
}

NormalizedTarget KeyNormalizer::normalize_plain(std::string_view raw) const {
    NormalizedTarget result;
    // Only ASCII letters have case here: the case rule works on bytes.
    result.key = std::string(raw);
    if (m_rule == CaseRule::fold) {
        for (char& c : result.key) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
    } else if (m_rule == CaseRule::first_letter && result.key[0] >= 'a' && result.key[0] <= 'z') {
        result.key[0] = static_cast<char>(result.key[0] - 'a' + 'A');
    }
    result.surface = std::string(raw);
    return result;
}

std::optional<std::string_view> KeyNormalizer::plain_target(std::string_view raw) const noexcept {
    if (is_plain(raw)) return raw;
    const std::size_t hash = raw.find('#');
    if (hash == std::string_view::npos) return std::nullopt;
    std::string_view head = raw.substr(0, hash);
    while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
    if (is_plain(head)) return head;
    return std::nullopt;
}

NormalizedTarget KeyNormalizer::normalize_target(std::string_view raw) const {
    if (const auto plain = plain_target(raw)) return normalize_plain(*plain);
    NormalizedTarget result;
    std::string text = clean_title(decode_escapes(raw));

    // Dendron cross-vault links: dendron://vault-name/note.name
    if (text.rfind("dendron://", 0) == 0) {
        const std::size_t slash = text.find('/', 10);
        text = slash == std::string::npos ? std::string() : text.substr(slash + 1);
    }
    if (!text.empty() && text[0] == ':') {
        result.leading_colon = true;
        text = trim_spaces(std::string_view(text).substr(1));
    }
    const std::size_t hash = text.find('#');
    if (hash != std::string::npos) text = trim_spaces(std::string_view(text).substr(0, hash));
    if (text.empty()) return result;  // same-page link

    const std::size_t colon = text.find(':');
    if (colon != std::string::npos && colon > 0) {
        const std::string prefix = trim_spaces(std::string_view(text).substr(0, colon));
        const std::string rest = trim_spaces(std::string_view(text).substr(colon + 1));
        const std::optional<int> site_ns =
            m_site != nullptr ? m_site->find(prefix) : std::optional<int>{};
        if (!rest.empty() && site_ns && *site_ns != 0) {
            const int id = *site_ns;
            const std::string name = m_site->name(id);
            result.surface = name + ':' + rest;
            if (id == category_namespace) {
                result.ns = TargetNamespace::category;
                result.key = "category:" + key_of(rest);
            } else if (id == file_namespace || id == -2) {
                result.ns = TargetNamespace::file;
                result.key = "file:" + key_of(rest);
            } else {
                result.ns = TargetNamespace::other;
                result.key = name + ':' + key_of(rest);
            }
            return result;
        }
        if (!rest.empty()) {
            // Without a wiki's own namespaces, the built-in names of the common ones.
            if (m_site == nullptr && is_category_namespace(prefix)) {
                result.ns = TargetNamespace::category;
                result.surface = prefix + ':' + rest;
                result.key = "category:" + key_of(rest);
                return result;
            }
            if (m_site == nullptr && is_file_namespace(prefix)) {
                result.ns = TargetNamespace::file;
                result.surface = prefix + ':' + rest;
                result.key = "file:" + key_of(rest);
                return result;
            }
            if (is_language_code(prefix)) {
                std::string lang = ascii_lower(prefix);
                result.lang = lang;
                result.surface = rest;
                result.key = lang + ':' + key_of(rest);
                return result;
            }
        }
    }
    result.key = key_of(text);
    result.surface = std::move(text);
    return result;
}

}  // namespace kg
