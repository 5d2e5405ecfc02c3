// MatchFolder: per-code-point NFKC_Casefold (unicode/normalizer2.h) and the Hant-Hans
// transliterator (unicode/translit.h), with the results of non-ASCII code points cached.
// Folding one code point at a time misses compositions across code points (e followed by
// U+0301); corpora in NFC, as ours are, do not have them.
#include "importers/text/match_text.hpp"

#include <algorithm>
#include <unordered_map>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "base/error.hpp"
#include "base/text_util.hpp"

namespace kg {

struct MatchFolder::Impl {
    const icu::Normalizer2* nfkc_cf = nullptr;
    std::unique_ptr<icu::Transliterator> hant_hans;
    // Folded form of every BMP code point, precomputed so that lookups need no lock.
    std::string pool;
    std::vector<std::uint32_t> offset;
    std::vector<std::uint8_t> length;
    // True when the code point folds to one code point of its own UTF-8 length.
    std::vector<bool> same_shape;
    // True when the code point folds to itself.
    std::vector<bool> identity;
    std::unordered_map<UChar32, std::string> simplified;  // Traditional -> Simplified, BMP

    std::string fold_one(UChar32 c) const {
        std::string folded;
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString u = nfkc_cf->normalize(icu::UnicodeString(c), status);
        if (U_FAILURE(status)) u = icu::UnicodeString(c);
        // Transliterator is not thread-safe: only the constructor (BMP) calls it.
        if (hant_hans && c < 0x10000 && u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) {
            hant_hans->transliterate(u);
        }
        u.toUTF8String(folded);
        return folded;
    }
};

MatchFolder::MatchFolder(bool fold_han) : m_fold_han(fold_han), m_impl(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    m_impl->nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) {
        throw Error(std::string("ICU NFKC_Casefold unavailable: ") + u_errorName(status));
    }
    if (fold_han) {
        m_impl->hant_hans.reset(
            icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) {
            throw Error(std::string("ICU transliterator Hant-Hans unavailable: ") +
                        u_errorName(status));
        }
    }
    m_impl->offset.resize(0x10000);
    m_impl->length.resize(0x10000);
    m_impl->same_shape.resize(0x10000);
    m_impl->identity.resize(0x10000);
    m_impl->pool.reserve(0x10000 * 3);
    for (UChar32 c = 0; c < 0x10000; ++c) {
        m_impl->offset[static_cast<std::size_t>(c)] =
            static_cast<std::uint32_t>(m_impl->pool.size());
        if (U16_IS_SURROGATE(c)) continue;
        std::string folded;
        if (m_impl->nfkc_cf->isInert(c) &&
            !(fold_han && u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC))) {
            append_utf8(folded, static_cast<char32_t>(c));
        } else {
            folded = m_impl->fold_one(c);
        }
        if (fold_han && u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) {
            icu::UnicodeString u(c);
            m_impl->hant_hans->transliterate(u);
            std::string s;
            u.toUTF8String(s);
            std::string self;
            append_utf8(self, static_cast<char32_t>(c));
            if (s != self) m_impl->simplified.emplace(c, std::move(s));
        }
        m_impl->pool += folded;
        m_impl->length[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(folded.size());
        std::int32_t k = 0;
        UChar32 first = 0;
        U8_NEXT(reinterpret_cast<const uint8_t*>(folded.data()), k,
                static_cast<std::int32_t>(folded.size()), first);
        m_impl->same_shape[static_cast<std::size_t>(c)] =
            folded.size() == static_cast<std::size_t>(U8_LENGTH(c)) &&
            static_cast<std::size_t>(k) == folded.size();
        m_impl->identity[static_cast<std::size_t>(c)] =
            first == c && k == U8_LENGTH(c) && static_cast<std::size_t>(k) == folded.size();
    }
}

MatchFolder::~MatchFolder() = default;

void MatchFolder::append_folded(std::string& out, std::int32_t c) const {
    if (c < 0x10000) {
        const auto i = static_cast<std::size_t>(c);
        out.append(m_impl->pool, m_impl->offset[i], m_impl->length[i]);
    } else {
        out += m_impl->fold_one(c);  // supplementary planes: rare, not cached
    }
}

void MatchFolder::fold(std::string_view text, std::size_t from, std::size_t to,
                       FoldedText& out) const {
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    auto i = static_cast<int32_t>(from);
    const auto end = static_cast<int32_t>(to);
    out.text.reserve(out.text.size() + (to - from));
    // A stretch where folded bytes map one to one: an anchor when one starts.
    bool in_stretch = false;
    auto start_stretch = [&](std::int32_t at) {
        out.anchors.push_back(
            {static_cast<std::uint32_t>(out.text.size()), static_cast<std::uint32_t>(at), false});
        in_stretch = true;
    };
    const std::vector<bool>& identity = m_impl->identity;
    while (i < end) {
        // A run of characters that fold to themselves (most of any text) is copied whole.
        const int32_t run = i;
        while (i < end) {
            if (p[i] < 0x80) {
                if (p[i] >= 'A' && p[i] <= 'Z') break;
                ++i;
                continue;
            }
            int32_t next = i;
            UChar32 c = 0;
            U8_NEXT(p, next, end, c);
            if (c < 0 || c >= 0x10000 || !identity[static_cast<std::size_t>(c)]) break;
            i = next;
        }
        if (i > run) {
            if (!in_stretch) start_stretch(run);
            out.text.append(text.data() + run, static_cast<std::size_t>(i - run));
            if (i >= end) break;
        }
        const int32_t start = i;
        if (p[i] < 0x80) {  // ASCII: lower-case only
            if (!in_stretch) start_stretch(start);
            const char a = static_cast<char>(p[i]);
            out.text += (a >= 'A' && a <= 'Z') ? static_cast<char>(a + 32) : a;
            ++i;
            continue;
        }
        UChar32 c = 0;
        U8_NEXT(p, i, end, c);
        if (c < 0) c = 0xFFFD;
        if (c < 0x10000 && m_impl->same_shape[static_cast<std::size_t>(c)] &&
            i - start == U8_LENGTH(c)) {
            if (!in_stretch) start_stretch(start);
        } else {
            out.anchors.push_back({static_cast<std::uint32_t>(out.text.size()),
                                   static_cast<std::uint32_t>(start), true});
            in_stretch = false;
        }
        append_folded(out.text, c);
    }
    out.anchors.push_back(
        {static_cast<std::uint32_t>(out.text.size()), static_cast<std::uint32_t>(to), false});
}

const FoldedText::Anchor& FoldedText::anchor_of(std::size_t k) const {
    // The last anchor at or before k (anchors of an empty stretch share its position: the
    // later one holds).
    auto it = std::upper_bound(anchors.begin(), anchors.end(), k,
                               [](std::size_t v, const Anchor& a) { return v < a.folded; });
    return *(it - 1);
}

std::uint32_t FoldedText::origin(std::size_t k) const {
    const Anchor& a = anchor_of(k);
    return a.whole ? a.original : a.original + static_cast<std::uint32_t>(k - a.folded);
}

bool FoldedText::inside_code_point(std::size_t k) const {
    const Anchor& a = anchor_of(k);
    if (a.whole) return k != a.folded;
    // In a stretch, folded and original bytes correspond: a continuation byte is inside.
    return k < text.size() && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80;
}

std::string MatchFolder::simplify_han(std::string_view text) const {
    if (!m_fold_han) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for_each_code_point(text, [&](UChar32 c, std::string_view bytes) {
        const auto it = m_impl->simplified.find(c);
        if (it != m_impl->simplified.end()) {
            out += it->second;
        } else {
            out.append(bytes);
        }
    });
    return out;
}

std::vector<std::pair<std::string, std::string>> MatchFolder::han_table() const {
    std::vector<std::pair<UChar32, const std::string*>> pairs;
    for (const auto& [c, s] : m_impl->simplified) pairs.emplace_back(c, &s);
    std::sort(pairs.begin(), pairs.end());
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(pairs.size());
    for (const auto& [c, s] : pairs) {
        std::string from;
        append_utf8(from, static_cast<char32_t>(c));
        out.emplace_back(std::move(from), *s);
    }
    return out;
}

std::string MatchFolder::fold(std::string_view text) const {
    thread_local FoldedText out;  // its anchors' memory serves every call
    out.clear();
    fold(text, 0, text.size(), out);
    return out.text;
}

}  // namespace kg
