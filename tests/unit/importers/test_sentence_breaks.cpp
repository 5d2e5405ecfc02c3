// sentence_breaks against ICU's sentence BreakIterator run over the whole text: fixtures for
// each rule of UAX #29, and the real corpora when ../shared/corpora is there.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "importers/text/sentence_breaks.hpp"
#include "tests/test.hpp"
#include "tests/test_files.hpp"

using namespace kg;
using kg::test::read_file;
using kg::test::read_lines_prefix;

namespace {

std::vector<std::uint32_t> icu_sentence_breaks(std::string_view text, std::size_t begin) {
    std::vector<std::uint32_t> breaks;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> breaker(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text.data(), static_cast<std::int64_t>(text.size()), &status);
    breaker->setText(&ut, status);
    REQUIRE(U_SUCCESS(status));
    for (std::int32_t b = breaker->following(static_cast<std::int32_t>(begin));
         b != icu::BreakIterator::DONE && static_cast<std::size_t>(b) < text.size();
         b = breaker->next())
        breaks.push_back(static_cast<std::uint32_t>(b));
    utext_close(&ut);
    return breaks;
}

std::vector<std::uint32_t> ours(std::string_view text, std::size_t begin = 0) {
    std::vector<std::uint32_t> breaks;
    sentence_breaks(text, begin, breaks);
    return breaks;
}

// Sentences of `text` as our breaks cut it.
std::vector<std::string> sentences(const std::string& text) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (std::uint32_t b : ours(text)) {
        out.push_back(text.substr(from, b - from));
        from = b;
    }
    out.push_back(text.substr(from));
    return out;
}

std::size_t compare_with_icu(std::string_view text, const std::string& name) {
    INFO(name);
    const std::vector<std::uint32_t> expected = icu_sentence_breaks(text, 0);
    const std::vector<std::uint32_t> got = ours(text);
    if (got != expected) {
        std::size_t k = 0;
        while (k < got.size() && k < expected.size() && got[k] == expected[k]) ++k;
        const std::size_t at = k < got.size() ? got[k] : k < expected.size() ? expected[k] : 0;
        const std::size_t from = at > 60 ? at - 60 : 0;
        FAIL("first difference at byte "
             << at << " (ours " << (k < got.size() ? std::to_string(got[k]) : "none") << ", ICU "
             << (k < expected.size() ? std::to_string(expected[k]) : "none")
             << "): " << text.substr(from, 120));
    }
    return expected.size();
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("Sentence breaks follow each rule of UAX #29", "[sentences]") {
    CHECK(sentences("中国很大。美国也很大！真的吗？是的") ==
          V{"中国很大。", "美国也很大！", "真的吗？", "是的"});
    CHECK(sentences("Hello. World") == V{"Hello. ", "World"});                  // SB11
    CHECK(sentences("It costs 3.5 dollars.") == V{"It costs 3.5 dollars."});    // SB6
    CHECK(sentences("U.S.A. Army") == V{"U.S.A. ", "Army"});                    // SB7, SB11
    CHECK(sentences("e.g. the cat") == V{"e.g. the cat"});                      // SB8
    CHECK(sentences("Wait... (he said) no.") == V{"Wait... (he said) no."});    // SB8 skips ( )
    CHECK(sentences("Stop!, he said") == V{"Stop!, he said"});                  // SB8a
    CHECK(sentences("Why?!  Because.") == V{"Why?!  ", "Because."});            // SB8a, SB10
    CHECK(sentences("He said \"Go.\" Then") == V{"He said \"Go.\" ", "Then"});  // SB9
    CHECK(sentences("one\r\ntwo\rthree\nfour") == V{"one\r\n", "two\r", "three\n", "four"});
    CHECK(sentences("a\u2029b") == V{"a\u2029", "b"});                     // Sep
    CHECK(sentences("End.\u0301 Next") == V{"End.\u0301 ", "Next"});       // SB5
    CHECK(ours("One. Two. Three.", 5) == std::vector<std::uint32_t>{10});  // after begin
    CHECK(ours("") == std::vector<std::uint32_t>{});

    std::size_t breaks = 0;
    for (const char* text : {"中国很大。美国也很大！真的吗？是的",
                             "Hello. World",
                             "It costs 3.5 dollars.",
                             "The U.S. Army",
                             "e.g. the cat",
                             "Wait... (he said) no.",
                             "Stop!, he said",
                             "Why?!  Because.",
                             "He said \"Go.\" Then",
                             "one\r\ntwo\rthree\nfour",
                             "a\u2029b",
                             "End.\u0301 Next",
                             "\u0301\u0301. A",
                             ".\n\n.",
                             "A.\u00a0B",
                             "a. 5 b. B. c",
                             "「你好。」他说。",
                             "(Mr. Smith.) went",
                             "x.)  \r\n y",
                             "ATM. . . and",
                             "Ok.”  ”Yes"})
        breaks += compare_with_icu(text, text);
    CHECK(breaks > 20);
}

TEST_CASE("Sentence breaks equal ICU's on the real corpora", "[sentences][corpora]") {
    const std::filesystem::path& corpora = kg::test::corpora();
    if (!std::filesystem::exists(corpora / "markdown-ourhimalayas-gnews")) {
        WARN("skipped: " << corpora.string() << " is not there");
        return;
    }
    std::size_t files = 0;
    std::size_t breaks = 0;
    for (const char* folder :
         {"markdown-ourhimalayas-gnews", "markdown-ourhimalayas-transcript",
          "markdown-obsidian-help-zh", "markdown-obsidian-help-en", "markdown-foam-docs",
          "markdown-dendron-site-vault", "wikitext-wtf_wikipedia-cache"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(corpora / folder)) {
            const std::string ext = entry.path().extension().string();
            if (ext != ".md" && ext != ".txt") continue;
            breaks += compare_with_icu(read_file(entry.path()), entry.path().string());
            ++files;
        }
    }
    const std::string japanese = read_lines_prefix(
        corpora / "mediawiki-jawiki-xztextfilter/jawiki-truncated-100k.xml.xz", 3 << 20);
    breaks += compare_with_icu(japanese, "jawiki");
    INFO(files << " files, " << breaks << " breaks");
    CHECK(files > 900);
    CHECK(breaks > 100000);
}
