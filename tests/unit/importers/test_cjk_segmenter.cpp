// CjkSegmenter and WordBoundaries against ICU's word BreakIterator run over the whole text:
// every position of Chinese, Japanese and mixed fixtures, and of the real corpora when
// ../shared/corpora is there (gnews, the transcripts, the Chinese and English Obsidian vaults,
// the jawiki dump).
#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "importers/text/cjk_segmenter.hpp"
#include "mentions/mention_spotter.hpp"
#include "tests/test.hpp"
#include "tests/test_files.hpp"

using namespace kg;
using kg::test::read_file;
using kg::test::read_lines_prefix;

namespace {

// The oracle: ICU's boundaries over all of `text`, one flag a byte offset.
std::vector<bool> icu_boundaries(std::string_view text) {
    std::vector<bool> at(text.size() + 1, false);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> breaker(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text.data(), static_cast<std::int64_t>(text.size()), &status);
    breaker->setText(&ut, status);
    REQUIRE(U_SUCCESS(status));
    for (std::int32_t b = breaker->first(); b != icu::BreakIterator::DONE; b = breaker->next())
        at[static_cast<std::size_t>(b)] = true;
    utext_close(&ut);
    return at;
}

// Code points of `text` (valid UTF-8) with their offsets.
struct Decoded {
    std::vector<UChar32> chars;
    std::vector<std::size_t> offsets;  // one more than chars: the end
};

Decoded decode(std::string_view text) {
    Decoded d;
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < n;) {
        d.offsets.push_back(static_cast<std::size_t>(i));
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        d.chars.push_back(c);
    }
    d.offsets.push_back(text.size());
    return d;
}

struct Tally {
    std::size_t runs = 0;
    std::size_t positions = 0;
    std::size_t cjk_positions = 0;
    std::size_t alone = 0;  // positions asked of a fresh WordBoundaries
};

// Every maximal run of characters CjkSegmenter handles is segmented as ICU does inside the
// whole text, and WordBoundaries answers as ICU at every position.
void check_against_icu(std::string_view text, const std::string& name, Tally& tally) {
    const CjkSegmenter* cjk = CjkSegmenter::instance();
    REQUIRE(cjk != nullptr);
    const std::vector<bool> oracle = icu_boundaries(text);
    const Decoded d = decode(text);
    INFO(name);
    // Runs.
    for (std::size_t i = 0; i < d.chars.size();) {
        if (!cjk->in_run(d.chars[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        bool handled = true;
        while (j < d.chars.size() && cjk->in_run(d.chars[j])) handled &= cjk->handles(d.chars[j++]);
        if (handled) {
            const std::string_view run = text.substr(d.offsets[i], d.offsets[j] - d.offsets[i]);
            std::vector<std::uint32_t> ours;
            cjk->segment(run, ours);
            std::vector<std::uint32_t> expected;
            for (std::size_t k = i + 1; k < j; ++k)
                if (oracle[d.offsets[k]])
                    expected.push_back(static_cast<std::uint32_t>(d.offsets[k] - d.offsets[i]));
            INFO("run at byte " << d.offsets[i] << ": " << run);
            REQUIRE(ours == expected);
            ++tally.runs;
        }
        i = j;
    }
    // Positions: one WordBoundaries over the whole text, asked in increasing order.
    WordBoundaries boundaries(text, 0, text.size());
    for (std::size_t k = 1; k < d.chars.size(); ++k) {
        tally.cjk_positions += cjk->in_run(d.chars[k - 1]) || cjk->in_run(d.chars[k]);
        const std::size_t offset = d.offsets[k];
        INFO("offset " << offset << ": …"
                       << text.substr(d.offsets[k > 8 ? k - 8 : 0],
                                      offset - d.offsets[k > 8 ? k - 8 : 0])
                       << "|"
                       << text.substr(offset, d.offsets[std::min(k + 8, d.chars.size())] - offset));
        REQUIRE(boundaries.at(offset) == oracle[offset]);
    }
    // Positions between two Chinese or Japanese characters asked alone, as a link's end is:
    // nothing segmented before it (every second, for time: each may segment its whole run).
    for (std::size_t k = 1, seen = 0; k < d.chars.size(); ++k) {
        if (!cjk->in_run(d.chars[k - 1]) || !cjk->in_run(d.chars[k]) || seen++ % 2 != 0) continue;
        const std::size_t offset = d.offsets[k];
        boundaries.reset(text, 0, text.size());
        INFO("alone, offset "
             << offset << ": …"
             << text.substr(d.offsets[k > 8 ? k - 8 : 0], offset - d.offsets[k > 8 ? k - 8 : 0])
             << "|" << text.substr(offset, d.offsets[std::min(k + 8, d.chars.size())] - offset));
        REQUIRE(boundaries.at(offset) == oracle[offset]);
        ++tally.alone;
    }
    tally.positions += d.chars.size();
}

}  // namespace

TEST_CASE("CjkSegmenter loads ICU's dictionary and knows its characters", "[cjk]") {
    const CjkSegmenter* cjk = CjkSegmenter::instance();
    REQUIRE(cjk != nullptr);
    CHECK(cjk->in_run(U'中'));
    CHECK(cjk->in_run(U'の'));
    CHECK(cjk->in_run(U'カ'));
    CHECK(cjk->in_run(0x30FC));          // ー
    CHECK(cjk->in_run(0xFF76));          // halfwidth ｶ: in the engine's set…
    CHECK_FALSE(cjk->handles(0xFF76));   // …but NFKC changes it
    CHECK_FALSE(cjk->handles(0xF900));   // a compatibility ideograph
    CHECK(cjk->in_run(0x20000));         // Han outside the BMP belongs to runs…
    CHECK_FALSE(cjk->handles(0x20000));  // …but is left to ICU
    CHECK(cjk->handles(U'中'));
    CHECK_FALSE(cjk->in_run(U'a'));
    CHECK_FALSE(cjk->in_run(0x3002));  // 。
    CHECK_FALSE(cjk->in_run(0xAC00));  // Hangul has its own engine
}

TEST_CASE("CjkSegmenter segments as ICU: dictionary words, unknown characters, kana runs",
          "[cjk]") {
    const CjkSegmenter* cjk = CjkSegmenter::instance();
    REQUIRE(cjk != nullptr);
    std::vector<std::uint32_t> breaks;
    cjk->segment("聊天机器人", breaks);
    CHECK(breaks == std::vector<std::uint32_t>{6, 12});  // 聊天|机器|人: 天机 is cut
    breaks.clear();
    cjk->segment("天机不可泄露", breaks);
    CHECK(std::find(breaks.begin(), breaks.end(), 6U) != breaks.end());

    Tally tally;
    // Katakana runs of every length around the 20-character group limit, long Han runs,
    // Han next to digits, Latin, full-width punctuation, kana marks and halfwidth kana (the
    // last two fall back to ICU's iterator).
    std::string katakana;
    for (int n = 1; n <= 23; ++n) {
        for (int k = 0; k < n; ++k) katakana += (k % 3 == 0) ? "コ" : (k % 3 == 1) ? "ン" : "ピ";
        katakana += "の";
    }
    check_against_icu(katakana, "katakana runs", tally);
    check_against_icu(
        "中华人民共和国国务院总理李强4月2日在北京会见了日本首相和OpenAI的CEO，"
        "谈到iPhone手机、谢谢5次「人工智能」。東京都の天気はくもり。ｶﾀｶﾅとカタカナー、"
        "ゝゞヽヾ々〆〇ヶ の゙ 漢\u0301字 中_文 カ_ナ 丽丽\U00020000中 a@@b x  y\r\n"
        "\U0001F1E8\U0001F1F3\U0001F1FA\U0001F1F8",
        "mixed", tally);
    std::string long_run;
    for (int k = 0; k < 200; ++k) long_run += "中国人民银行行长易纲表示";
    check_against_icu(long_run, "a run of 2,400 characters", tally);
    for (const auto& entry : std::filesystem::directory_iterator(KG_TEST_DATA "/seed"))
        check_against_icu(read_file(entry.path()), entry.path().string(), tally);
    CHECK(tally.runs > 100);
    CHECK(tally.cjk_positions > 4000);
}

TEST_CASE("CjkSegmenter and WordBoundaries agree with ICU on the real corpora", "[cjk][corpora]") {
    const std::filesystem::path& corpora = kg::test::corpora();
    if (!std::filesystem::exists(corpora / "markdown-ourhimalayas-gnews")) {
        WARN("skipped: " << corpora.string() << " is not there");
        return;
    }
    Tally tally;
    for (const char* folder : {"markdown-ourhimalayas-gnews", "markdown-ourhimalayas-transcript",
                               "markdown-obsidian-help-zh", "markdown-obsidian-help-en"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(corpora / folder)) {
            if (entry.path().extension() == ".md")
                check_against_icu(read_file(entry.path()), entry.path().string(), tally);
        }
    }
    // The first 3 MB of the Japanese dump, cut at a line end.
    const std::string japanese = read_lines_prefix(
        corpora / "mediawiki-jawiki-xztextfilter/jawiki-truncated-100k.xml.xz", 3 << 20);
    check_against_icu(japanese, "jawiki", tally);
    INFO(tally.runs << " runs, " << tally.positions << " positions, " << tally.cjk_positions
                    << " next to Chinese or Japanese, " << tally.alone << " asked alone");
    CHECK(tally.runs > 80000);
    CHECK(tally.cjk_positions > 1000000);
    CHECK(tally.positions > 2800000);
    CHECK(tally.alone > 370000);
}
