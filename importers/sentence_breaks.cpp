// Sentence boundaries (UAX #29): every boundary comes from SB4 (after a paragraph separator)
// or SB11 (after a sentence terminator, its closing punctuation and spaces) unless SB6–SB8a
// keep the sentence going; Extend and Format characters belong to what precedes them (SB5).
#include "importers/sentence_breaks.hpp"

#include <array>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace kg {
namespace {

// Sentence_Break classes, as ICU reports them.
using Class = std::uint8_t;

// The class of every BMP code point, looked up once.
const std::vector<Class>& bmp_classes() {
    static const std::vector<Class> classes = [] {
        std::vector<Class> t(0x10000);
        for (UChar32 c = 0; c < 0x10000; ++c)
            t[static_cast<std::size_t>(c)] =
                static_cast<Class>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
        return t;
    }();
    return classes;
}

Class class_of(UChar32 c, const std::vector<Class>& bmp) {
    if (c >= 0 && c < 0x10000) return bmp[static_cast<std::size_t>(c)];
    return static_cast<Class>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
}

bool is_para_sep(Class k) {
    return k == U_SB_SEP || k == U_SB_CR || k == U_SB_LF;
}
bool is_sa_term(Class k) {
    return k == U_SB_STERM || k == U_SB_ATERM;
}

// One character with the Extend and Format characters that follow it (SB5).
struct Item {
    std::uint32_t offset;  // where it starts
    Class kind;
};

}  // namespace

void sentence_breaks(std::string_view text, std::size_t begin, std::vector<std::uint32_t>& breaks) {
    const std::vector<Class>& bmp = bmp_classes();
    thread_local std::vector<Item> items;
    items.clear();
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < n;) {
        const auto at = static_cast<std::uint32_t>(i);
        UChar32 c = p[i];
        if (c < 0x80) {
            ++i;
        } else {
            U8_NEXT(p, i, n, c);
            if (c < 0) c = 0xFFFD;
        }
        const Class k = class_of(c, bmp);
        // SB5: Extend and Format join the character before them, unless that is a paragraph
        // separator (SB4 breaks after it) or there is none.
        if ((k == U_SB_EXTEND || k == U_SB_FORMAT) && !items.empty() &&
            !is_para_sep(items.back().kind))
            continue;
        items.push_back(Item{at, k});
    }
    const std::size_t count = items.size();
    auto kind = [&](std::size_t j) { return j < count ? items[j].kind : Class{U_SB_OTHER}; };
    auto emit = [&](std::size_t j) {
        if (j < count && items[j].offset > begin) breaks.push_back(items[j].offset);
    };
    for (std::size_t j = 0; j < count; ++j) {
        const Class k = items[j].kind;
        if (k == U_SB_CR && kind(j + 1) == U_SB_LF) continue;  // SB3
        if (is_para_sep(k)) {                                  // SB4
            emit(j + 1);
            continue;
        }
        if (!is_sa_term(k)) continue;
        // SB6, SB7: right after an ATerm.
        if (k == U_SB_ATERM && j + 1 < count) {
            const Class next = kind(j + 1);
            if (next == U_SB_NUMERIC) continue;
            if (next == U_SB_UPPER && j > 0 &&
                (kind(j - 1) == U_SB_UPPER || kind(j - 1) == U_SB_LOWER))
                continue;
        }
        // SB9, SB10: SATerm Close* Sp* stays together, and with a paragraph separator after.
        std::size_t e = j + 1;
        while (e < count && kind(e) == U_SB_CLOSE) ++e;
        while (e < count && kind(e) == U_SB_SP) ++e;
        if (e >= count) break;
        const Class next = kind(e);
        if (is_para_sep(next)) {
            j = e - 1;  // the separator breaks after itself (SB4, SB11)
            continue;
        }
        // SB8a: another terminator or a continuation (comma, colon…) keeps the sentence.
        if (next == U_SB_SCONTINUE || is_sa_term(next)) {
            j = e - 1;
            continue;
        }
        // SB8: after an ATerm, a lower-case letter before any letter, separator or terminator.
        if (k == U_SB_ATERM) {
            std::size_t look = e;
            while (look < count) {
                const Class l = kind(look);
                if (l == U_SB_OLETTER || l == U_SB_UPPER || l == U_SB_LOWER || is_para_sep(l) ||
                    is_sa_term(l))
                    break;
                ++look;
            }
            if (look < count && kind(look) == U_SB_LOWER) {
                j = e - 1;
                continue;
            }
        }
        emit(e);  // SB11
        j = e - 1;
    }
}

}  // namespace kg
