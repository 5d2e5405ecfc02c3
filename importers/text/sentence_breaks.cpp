// Sentence boundaries (UAX #29): every boundary comes from SB4 (after a paragraph separator)
// or SB11 (after a sentence terminator, its closing punctuation and spaces) unless SB6–SB8a
// keep the sentence going; Extend and Format characters belong to what precedes them (SB5).
// So the text is scanned for terminators and separators only (a byte table of the lead bytes
// that can start one skips the rest, e.g. all of Han), and the rules read the characters
// around each.
#include "importers/text/sentence_breaks.hpp"

#include <array>

#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/utf8.h>

#include "base/bmp_bits.hpp"

namespace kg {
namespace {

// Sentence_Break classes, as ICU reports them.
using Class = std::uint8_t;

bool is_para_sep(Class k) {
    return k == U_SB_SEP || k == U_SB_CR || k == U_SB_LF;
}
bool is_sa_term(Class k) {
    return k == U_SB_STERM || k == U_SB_ATERM;
}
bool is_extend(Class k) {
    return k == U_SB_EXTEND || k == U_SB_FORMAT;
}

struct Tables {
    std::vector<Class> bmp = std::vector<Class>(0x10000);  // the class of every BMP code point
    BmpBits stop;  // terminators and separators (8 KB, where the classes take 64)
    std::array<std::uint8_t, 256> trigger{};  // 1: lead bytes that may start a terminator or
                                              // separator
};

const Tables& tables() {
    static const Tables built = [] {
        Tables t;
        for (UChar32 c = 0; c < 0x10000; ++c) {
            const auto k = static_cast<Class>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
            t.bmp[static_cast<std::size_t>(c)] = k;
            if (is_para_sep(k) || is_sa_term(k)) t.stop.set(static_cast<std::uint32_t>(c));
        }
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeSet triggers(
            u"[[:Sentence_Break=STerm:][:Sentence_Break=ATerm:][:Sentence_Break=Sep:]\\r\\n]",
            status);
        for (std::int32_t r = 0; U_SUCCESS(status) && r < triggers.getRangeCount(); ++r) {
            for (UChar32 c = triggers.getRangeStart(r); c <= triggers.getRangeEnd(r); ++c) {
                std::uint8_t bytes[4];
                std::int32_t length = 0;
                UBool error = false;
                U8_APPEND(bytes, length, 4, c, error);
                if (!error) t.trigger[bytes[0]] = 1;
            }
        }
        if (U_FAILURE(status)) t.trigger.fill(1);  // look at every character instead
        return t;
    }();
    return built;
}

class Scanner {
public:
    Scanner(std::string_view text, const Tables& t)
        : m_p(reinterpret_cast<const std::uint8_t*>(text.data())),
          m_n(static_cast<std::int32_t>(text.size())),
          m_t(t) {}

    std::int32_t size() const { return m_n; }
    /// The first i' >= i (or the end) whose byte may start a terminator or separator: eight
    /// bytes a test.
    std::int32_t next_trigger(std::int32_t i) const {
        const auto& t = m_t.trigger;
        const std::uint8_t* p = m_p;
        while (i + 8 <= m_n && (t[p[i]] | t[p[i + 1]] | t[p[i + 2]] | t[p[i + 3]] | t[p[i + 4]] |
                                t[p[i + 5]] | t[p[i + 6]] | t[p[i + 7]]) == 0)
            i += 8;
        while (i < m_n && t[p[i]] == 0) ++i;
        return i;
    }

    // The character at i (U+FFFD for a malformed sequence), and where the next one starts.
    UChar32 decode(std::int32_t i, std::int32_t& next) const {
        UChar32 c = m_p[i];
        next = i + 1;
        if (c >= 0x80) {
            next = i;
            U8_NEXT(m_p, next, m_n, c);
            if (c < 0) c = 0xFFFD;
        }
        return c;
    }
    // False when the character at i is no terminator or separator (true for any character
    // outside the BMP: at() tells); where the next character starts.
    bool may_stop(std::int32_t i, std::int32_t& next) const {
        const UChar32 c = decode(i, next);
        return c >= 0x10000 || m_t.stop.test(c);
    }
    // The class of the character at i, and where the next one starts.
    Class at(std::int32_t i, std::int32_t& next) const {
        const UChar32 c = decode(i, next);
        if (c < 0x10000) return m_t.bmp[static_cast<std::size_t>(c)];
        return static_cast<Class>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    }
    // The class of the character before i (i > 0), and where it starts.
    Class before(std::int32_t i, std::int32_t& start) const {
        start = i;
        UChar32 c = 0;
        U8_PREV(m_p, 0, start, c);
        if (c < 0) c = 0xFFFD;
        if (c < 0x10000) return m_t.bmp[static_cast<std::size_t>(c)];
        return static_cast<Class>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    }
    // The item (SB5: a character with the Extend and Format characters after it) at i: its
    // class, and where the next item starts.
    Class item(std::int32_t i, std::int32_t& next) const {
        const Class k = at(i, next);
        if (is_para_sep(k)) return k;
        std::int32_t after = next;
        while (next < m_n && is_extend(at(next, after))) next = after;
        return k;
    }

private:
    const std::uint8_t* m_p;
    std::int32_t m_n;
    const Tables& m_t;
};

}  // namespace

void sentence_breaks(std::string_view text, std::size_t begin, std::vector<std::uint32_t>& breaks) {
    const Scanner s(text, tables());
    const std::int32_t n = s.size();
    auto emit = [&](std::int32_t at) {
        if (at<n&& static_cast<std::size_t>(at)> begin)
            breaks.push_back(static_cast<std::uint32_t>(at));
    };
    std::int32_t i = 0;
    while (i < n) {
        i = s.next_trigger(i);
        if (i >= n) break;
        std::int32_t after = 0;
        if (!s.may_stop(i, after)) {
            i = after;
            continue;
        }
        const Class k = s.at(i, after);
        if (is_para_sep(k)) {
            std::int32_t next = 0;
            if (k == U_SB_CR && after < n && s.at(after, next) == U_SB_LF) {  // SB3
                i = after;
                continue;
            }
            emit(after);  // SB4
            i = after;
            continue;
        }
        if (!is_sa_term(k)) {
            i = after;
            continue;
        }
        // The terminator's item: with the Extend and Format characters after it.
        std::int32_t e = 0;
        s.item(i, e);
        if (e >= n) break;
        // SB6, SB7: right after an ATerm.
        if (k == U_SB_ATERM) {
            std::int32_t unused = 0;
            const Class next = s.item(e, unused);
            if (next == U_SB_NUMERIC) {
                i = e;
                continue;
            }
            if (next == U_SB_UPPER) {
                // The item before the ATerm: its base character (Extend and Format belong to
                // it), unless that is a separator or the start (then it is no letter).
                std::int32_t j = i;
                Class previous = U_SB_OTHER;
                while (j > 0) {
                    std::int32_t start = 0;
                    const Class b = s.before(j, start);
                    j = start;
                    if (!is_extend(b)) {
                        previous = b;
                        break;
                    }
                }
                if (previous == U_SB_UPPER || previous == U_SB_LOWER) {
                    i = e;
                    continue;
                }
            }
        }
        // SB9, SB10: SATerm Close* Sp* stays together, and with a separator after it.
        Class next = U_SB_OTHER;
        std::int32_t after_next = 0;
        while (e < n && (next = s.item(e, after_next)) == U_SB_CLOSE) e = after_next;
        while (e < n && (next = s.item(e, after_next)) == U_SB_SP) e = after_next;
        if (e >= n) break;
        // SB9/SB10 (a separator: it breaks after itself), SB8a (another terminator or a
        // continuation keeps the sentence): scanning goes on from there.
        if (is_para_sep(next) || next == U_SB_SCONTINUE || is_sa_term(next)) {
            i = e;
            continue;
        }
        // SB8: after an ATerm, a lower-case letter before any letter, separator or terminator.
        if (k == U_SB_ATERM) {
            std::int32_t look = e;
            Class l = U_SB_OTHER;
            while (look < n) {
                l = s.item(look, after_next);
                if (l == U_SB_OLETTER || l == U_SB_UPPER || l == U_SB_LOWER || is_para_sep(l) ||
                    is_sa_term(l))
                    break;
                look = after_next;
            }
            if (look < n && l == U_SB_LOWER) {
                i = e;
                continue;
            }
        }
        emit(e);  // SB11
        i = e;
    }
}

}  // namespace kg
