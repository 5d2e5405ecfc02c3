// CjkSegmenter: ICU's CJK dictionary segmentation (a cheapest path through the run, with
// the dictionary's costs) computed over the dictionary ICU itself loads.
#include "importers/text/cjk_segmenter.hpp"

#include <limits>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/uniset.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

namespace kg {
namespace {

constexpr std::uint32_t unreachable = std::numeric_limits<std::uint32_t>::max();
// The engine's constants: a word is at most CjkSegmenter::max_word (20) characters; a
// character the dictionary does not know alone costs 255; a run of Katakana of length n
// (n < 20) is also a word, with a cost by its length.
constexpr std::uint32_t unknown_cost = 255;
constexpr int max_katakana_group = 20;

std::uint32_t katakana_cost(int length) {
    static constexpr std::uint32_t costs[] = {8192, 984, 408, 240, 204, 252, 300, 372, 480};
    return length < 9 ? costs[length] : 8192;
}

bool is_katakana(char16_t c) {
    return (c >= 0x30A1 && c <= 0x30FE && c != 0x30FB) || (c >= 0xFF66 && c <= 0xFF9F);
}

// A step through the dictionary from one state by one character, remembered a thread: the
// first step (from the root, which fans out over ~20,000 characters) in a table by character,
// later ones in a direct-mapped table by (state, character); text takes the same steps again
// and again. States are ICU's 64-bit trie states packed into 32 bits (see pack()), so that an
// entry is 16 bytes and the tables stay in the core's cache.
struct Step {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    std::int32_t value = 0;
    char16_t c = 0;
    std::uint8_t result = 0;
    bool known = false;
};
constexpr unsigned step_bits = 17;

std::size_t step_slot(std::uint32_t from, char16_t c) {
    return static_cast<std::size_t>(((std::uint64_t{from} << 16 | c) * 0x9E3779B97F4A7C15ULL) >>
                                    (64 - step_bits));
}

// ICU's state: (remaining match length + 2) << 59 | offset in the trie, the length at most
// 16 (5 bits); offsets below 2^27 UTF-16 units (load() checks the trie is smaller).
constexpr unsigned packed_offset_bits = 27;
std::uint32_t pack(std::uint64_t state) {
    return static_cast<std::uint32_t>((state >> 59) << packed_offset_bits |
                                      (state & ((std::uint64_t{1} << packed_offset_bits) - 1)));
}
std::uint64_t unpack(std::uint32_t packed) {
    return std::uint64_t{packed >> packed_offset_bits} << 59 |
           (packed & ((std::uint32_t{1} << packed_offset_bits) - 1));
}

// Scratch space of one thread.
struct Workspace {
    std::vector<Step> first_steps;  // by character
    std::vector<Step> steps;        // by step_slot()
    std::vector<char16_t> units;
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> best;
    std::vector<std::int32_t> prev;
    std::vector<std::int32_t> path;
};

Workspace& workspace() {
    thread_local Workspace w;
    if (w.steps.empty()) {
        w.steps.resize(std::size_t{1} << step_bits);
        w.first_steps.resize(0x10000);
    }
    return w;
}

// Steps through the dictionary trie by way of this thread's tables.
class Steps {
public:
    Steps(Workspace& w, const char16_t* trie) : m_w(w), m_trie(trie), m_root(m_trie.getState64()) {}

    const Step& first(char16_t c) {
        Step& st = m_w.first_steps[c];
        if (!st.known) take(st, m_root, c);
        return st;
    }
    const Step& next(std::uint32_t from, char16_t c) {
        Step& st = m_w.steps[step_slot(from, c)];
        if (!st.known || st.from != from || st.c != c) {
            st.from = from;
            st.c = c;
            take(st, unpack(from), c);
        }
        return st;
    }

private:
    void take(Step& st, std::uint64_t from, char16_t c) {
        m_trie.resetToState64(from);
        const UStringTrieResult r = m_trie.next(c);
        st.result = static_cast<std::uint8_t>(r);
        st.value = USTRINGTRIE_HAS_VALUE(r) ? m_trie.getValue() : 0;
        st.to = USTRINGTRIE_HAS_NEXT(r) ? pack(m_trie.getState64()) : 0;
        st.known = true;
    }

    Workspace& m_w;
    icu::UCharsTrie m_trie;
    std::uint64_t m_root;
};

// Layout of a break-iterator dictionary file (ICU's dictionarydata.h): eight int32 indexes,
// of which [0] is the trie's offset, [3] the file's size and [4] the trie's type (1 = UTF-16 trie,
// +8 = with values).
constexpr int index_trie_offset = 0;
constexpr int index_total_size = 3;
constexpr int index_trie_type = 4;
constexpr std::int32_t trie_type_uchars = 1;
constexpr std::int32_t trie_type_mask = 7;
constexpr std::int32_t trie_has_values = 8;

// ICU's own segmentation of `text`: the boundaries strictly inside it.
std::vector<std::uint32_t> icu_breaks(std::string_view text) {
    std::vector<std::uint32_t> breaks;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> breaker(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text.data(), static_cast<std::int64_t>(text.size()), &status);
    if (U_SUCCESS(status)) breaker->setText(&ut, status);
    if (U_SUCCESS(status)) {
        for (std::int32_t b = breaker->next(); b != icu::BreakIterator::DONE; b = breaker->next())
            if (static_cast<std::size_t>(b) < text.size())
                breaks.push_back(static_cast<std::uint32_t>(b));
    }
    utext_close(&ut);
    return breaks;
}

}  // namespace

const CjkSegmenter* CjkSegmenter::instance() {
    static const std::unique_ptr<CjkSegmenter> segmenter = [] {
        std::unique_ptr<CjkSegmenter> s(new CjkSegmenter());
        if (!s->load()) s.reset();
        return s;
    }();
    return segmenter.get();
}

bool CjkSegmenter::load() {
    UErrorCode status = U_ZERO_ERROR;
    // Opened for the life of the segmenter (the process), like ICU's own copy.
    m_data = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "cjdict", &status);
    if (U_FAILURE(status) || m_data == nullptr) return false;
    const auto* bytes = static_cast<const std::uint8_t*>(udata_getMemory(m_data));
    const auto* indexes = reinterpret_cast<const std::int32_t*>(bytes);
    if ((indexes[index_trie_type] & trie_type_mask) != trie_type_uchars ||
        (indexes[index_trie_type] & trie_has_values) == 0)
        return false;
    m_trie = reinterpret_cast<const char16_t*>(bytes + indexes[index_trie_offset]);
    // Packed states hold offsets below 2^27 units.
    if (indexes[index_total_size] / 2 >= (std::int64_t{1} << packed_offset_bits)) return false;

    // The engine's characters (ICU's CjkBreakEngine for Chinese and Japanese).
    m_run_set = std::make_unique<icu::UnicodeSet>(
        u"[[:Han:][:Hiragana:][[:Katakana:]\\uff9e\\uff9f]\\uff70\\u30fc]", status);
    m_run_set->freeze();
    const icu::UnicodeSet& run_set = *m_run_set;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) return false;
    for (std::int32_t r = 0; r < run_set.getRangeCount(); ++r) {
        for (UChar32 c = run_set.getRangeStart(r); c <= run_set.getRangeEnd(r) && c <= 0xFFFF;
             ++c) {
            m_in_run.set(static_cast<std::uint32_t>(c));
            // Inert characters leave the run's NFKC form equal to the run itself.
            if (!U16_IS_SURROGATE(c) && nfkc->isInert(c))
                m_handled.set(static_cast<std::uint32_t>(c));
        }
    }

    // Refuse to stand in for an ICU whose engine computes something else: compare on a
    // sample that exercises dictionary words, unknown characters, kana and Katakana runs.
    const std::string_view sample =
        "聊天机器人说天机不可泄露中华人民共和国国务院总理李强在北京会见日本首相"
        "東京都の天気はくもりですコンピューターシステムエンジニアリングテスト";
    std::vector<std::uint32_t> ours;
    segment(sample, ours);
    return ours == icu_breaks(sample);
}

CjkSegmenter::~CjkSegmenter() {
    if (m_data != nullptr) udata_close(m_data);
}

bool CjkSegmenter::in_run(UChar32 c) const noexcept {
    // Han of the other planes (CJK extensions B–H) belongs to runs too; handles() refuses it.
    if (c > 0xFFFF) return m_run_set->contains(c);
    return m_in_run.test(c);
}

bool CjkSegmenter::handles(UChar32 c) const noexcept {
    return m_handled.test(c);
}

bool CjkSegmenter::word_across(const char16_t* units, int count, int at) const {
    if (at <= 0 || at >= count) return false;
    if (is_katakana(units[at - 1]) && is_katakana(units[at])) return true;
    Steps steps(workspace(), m_trie);
    for (int start = std::max(0, at - (max_word - 1)); start < at; ++start) {
        const Step* st = &steps.first(units[start]);
        for (int k = start;;) {
            if (k >= at && USTRINGTRIE_HAS_VALUE(static_cast<UStringTrieResult>(st->result)))
                return true;
            if (!USTRINGTRIE_HAS_NEXT(static_cast<UStringTrieResult>(st->result)) || ++k >= count ||
                k - start >= max_word)
                break;
            st = &steps.next(st->to, units[k]);
        }
    }
    return false;
}

void CjkSegmenter::segment(std::string_view run, std::vector<std::uint32_t>& breaks) const {
    Workspace& w = workspace();
    // Decode: one UTF-16 unit a character (all are in the BMP).
    w.units.clear();
    w.offsets.clear();
    const auto* p = reinterpret_cast<const std::uint8_t*>(run.data());
    const auto length = static_cast<std::int32_t>(run.size());
    for (std::int32_t i = 0; i < length;) {
        w.offsets.push_back(static_cast<std::uint32_t>(i));
        UChar32 c = 0;
        U8_NEXT(p, i, length, c);
        const auto unit = static_cast<char16_t>(c < 0 ? 0xFFFD : c);
        w.units.push_back(unit);
        // The tables live in the core's second-level cache at best: start every load now
        // rather than one after another in the search below.
        __builtin_prefetch(&w.first_steps[unit]);
    }
    w.offsets.push_back(static_cast<std::uint32_t>(length));
    const auto n = static_cast<std::int32_t>(w.units.size());
    w.best.assign(static_cast<std::size_t>(n) + 1, unreachable);
    w.prev.assign(static_cast<std::size_t>(n) + 1, -1);
    w.best[0] = 0;

    Steps steps(w, m_trie);
    auto relax = [&](std::int32_t from, std::int32_t to, std::uint32_t cost) {
        const std::uint32_t total = w.best[static_cast<std::size_t>(from)] + cost;
        if (total < w.best[static_cast<std::size_t>(to)]) {
            w.best[static_cast<std::size_t>(to)] = total;
            w.prev[static_cast<std::size_t>(to)] = from;
        }
    };
    // Each word's second step too: its slot is known once its first step is.
    for (std::int32_t i = 0; i + 1 < n; ++i) {
        const Step& st = steps.first(w.units[static_cast<std::size_t>(i)]);
        if (USTRINGTRIE_HAS_NEXT(static_cast<UStringTrieResult>(st.result)))
            __builtin_prefetch(
                &w.steps[step_slot(st.to, w.units[static_cast<std::size_t>(i + 1)])]);
    }
    bool previous_katakana = false;
    for (std::int32_t i = 0; i < n; ++i) {
        const char16_t c = w.units[static_cast<std::size_t>(i)];
        // Dictionary words starting at i, shortest first, as ICU relaxes them.
        bool single = false;
        const Step* st = &steps.first(c);
        for (std::int32_t k = i;;) {
            const auto result = static_cast<UStringTrieResult>(st->result);
            if (USTRINGTRIE_HAS_VALUE(result)) {
                relax(i, k + 1, static_cast<std::uint32_t>(st->value));
                single |= k == i;
            }
            if (!USTRINGTRIE_HAS_NEXT(result) || ++k >= n || k - i >= max_word) break;
            st = &steps.next(st->to, w.units[static_cast<std::size_t>(k)]);
        }
        // A character the dictionary has no one-character word for stands alone, at the
        // highest cost.
        if (!single) relax(i, i + 1, unknown_cost);
        // Katakana: a whole run (from its first character) is a candidate word.
        const bool katakana = is_katakana(c);
        if (katakana && !previous_katakana) {
            std::int32_t run_length = 1;
            while (i + run_length < n && run_length < max_katakana_group &&
                   is_katakana(w.units[static_cast<std::size_t>(i + run_length)]))
                ++run_length;
            if (run_length < max_katakana_group)
                relax(i, i + run_length, katakana_cost(run_length));
        }
        previous_katakana = katakana;
    }
    // The cheapest path, back to front.
    w.path.clear();
    for (std::int32_t k = w.prev[static_cast<std::size_t>(n)]; k > 0;
         k = w.prev[static_cast<std::size_t>(k)])
        w.path.push_back(k);
    for (auto k = w.path.rbegin(); k != w.path.rend(); ++k)
        breaks.push_back(w.offsets[static_cast<std::size_t>(*k)]);
}

}  // namespace kg
