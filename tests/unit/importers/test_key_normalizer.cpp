// Unit tests of KeyNormalizer: Unicode normalization, spacing, escapes, prefixes and case rules.
#include <string>
#include <vector>

#include "importers/links/key_normalizer.hpp"
#include "importers/mediawiki/namespaces.hpp"
#include "importers/text/match_text.hpp"
#include "tests/test.hpp"

using namespace kg;

TEST_CASE("a language prefix becomes part of the key, the lang and not the surface", "[keys]") {
    const KeyNormalizer n;
    const auto t = n.normalize_target("zh:中国");
    CHECK(t.key == "zh:中国");
    CHECK(t.surface == "中国");
    CHECK(t.lang == "zh");
    CHECK(t.ns == TargetNamespace::none);
}

TEST_CASE("language prefixes are case-insensitive and keep subtags", "[keys]") {
    const KeyNormalizer n;
    CHECK(n.normalize_target("ZH:中国").key == "zh:中国");
    CHECK(n.normalize_target("zh-yue:香港").lang == "zh-yue");
    CHECK(n.normalize_target("simple:Apple").key == "simple:apple");
    // Not language codes: stays one title.
    CHECK(n.normalize_target("Note: draft").lang.empty());
    CHECK(n.normalize_target("Note: draft").key == "note: draft");
    CHECK(n.normalize_target("2024: review").key == "2024: review");
}

TEST_CASE("Chinese text is NFC and untouched by case folding", "[keys]") {
    const KeyNormalizer n;
    CHECK(n.normalize_target("人工智能").key == "人工智能");
    CHECK(n.normalize_target(" 人工智能 ").surface == "人工智能");
}

TEST_CASE("accented Latin in NFD and NFC meets on one key", "[keys]") {
    const KeyNormalizer n;
    const std::string nfd = "Nöte";  // o + U+0308
    const std::string nfc = "N\xC3\xB6te";
    CHECK(n.normalize_target("No\xCC\x88te").key == n.normalize_target(nfc).key);
    CHECK(n.normalize_target("No\xCC\x88te").surface == nfc);
    (void)nfd;
}

TEST_CASE("mixed case folds fully by default, like Obsidian", "[keys]") {
    const KeyNormalizer n;
    CHECK(n.normalize_target("Apple").key == n.normalize_target("apple").key);
    CHECK(n.normalize_target("APPLE").surface == "APPLE");
    CHECK(n.normalize_target("Straße").key == n.normalize_target("STRASSE").key);
    CHECK(n.normalize_target("Ωmega").key == "ωmega");
}

TEST_CASE("first-letter case rule folds only the first letter, as MediaWiki", "[keys]") {
    const KeyNormalizer n(CaseRule::first_letter);
    CHECK(n.normalize_target("apple pie").key == "Apple pie");
    CHECK(n.normalize_target("Apple Pie").key == "Apple Pie");
    CHECK(n.normalize_target("éclair").key == "Éclair");
    const KeyNormalizer s(CaseRule::sensitive);
    CHECK(s.normalize_target("apple").key == "apple");
}

TEST_CASE("underscores and whitespace runs fold to one space and ends are trimmed", "[keys]") {
    const KeyNormalizer n;
    CHECK(n.normalize_target("  New_York \t City  ").surface == "New York City");
    CHECK(n.normalize_target("香港\xE3\x80\x80特别行政区").surface == "香港 特别行政区");  // U+3000
    CHECK(n.normalize_target("a\xC2\xA0"
                             "b")
              .surface == "a b");  // NBSP
}

TEST_CASE("sections and block references are dropped; a bare section is the same page", "[keys]") {
    const KeyNormalizer n;
    CHECK(n.normalize_target("T#section").key == "t");
    CHECK(n.normalize_target("T#^block-id").key == "t");
    CHECK(n.normalize_target("A#B#C").key == "a");
    CHECK(n.normalize_target("#section").same_page());
    CHECK(n.normalize_target("").same_page());
}

TEST_CASE("HTML entities and percent escapes are decoded", "[keys]") {
    const KeyNormalizer n;
    CHECK(n.normalize_target("AT&amp;T").surface == "AT&T");
    CHECK(n.normalize_target("&#20013;&#x56FD;").surface == "中国");
    CHECK(n.normalize_target("My%20Note").surface == "My Note");
    CHECK(n.normalize_target("%E4%B8%AD%E5%9B%BD").surface == "中国");
    // Escapes that would make invalid UTF-8, and unknown entities, stay as written.
    CHECK(n.normalize_target("50%C0").surface == "50%C0");
    CHECK(n.normalize_target("&bogus;").surface == "&bogus;");
}

TEST_CASE("Category links are categories; a leading colon makes a plain link", "[keys]") {
    const KeyNormalizer n;
    const auto c = n.normalize_target("Category:Physics");
    CHECK(c.ns == TargetNamespace::category);
    CHECK(c.key == "category:physics");
    CHECK(c.surface == "Category:Physics");
    CHECK_FALSE(c.leading_colon);
    const auto l = n.normalize_target(":Category:Physics");
    CHECK(l.ns == TargetNamespace::category);
    CHECK(l.leading_colon);
    CHECK(l.key == c.key);
    CHECK(n.normalize_target("分类:物理").key == "category:物理");
    CHECK(n.normalize_target("Kategorie: Physik").key == "category:physik");
}

TEST_CASE("File and Image prefixes name files", "[keys]") {
    const KeyNormalizer n;
    CHECK(n.normalize_target("File:X.png").ns == TargetNamespace::file);
    CHECK(n.normalize_target("Image:X.png").key == "file:x.png");
    CHECK(n.normalize_target("文件:图.png").ns == TargetNamespace::file);
}

TEST_CASE("Dendron cross-vault links lose their vault prefix", "[keys]") {
    const KeyNormalizer n;
    CHECK(n.normalize_target("dendron://dendron.dendron-site/dendron.topic.links#anchor").key ==
          "dendron.topic.links");
}

TEST_CASE("the namespace tables answer for codes and names", "[keys]") {
    CHECK(is_language_code("en"));
    CHECK(is_language_code("zh-min-nan"));
    CHECK_FALSE(is_language_code("xx"));
    CHECK_FALSE(is_language_code("zh-"));
    CHECK(is_category_namespace("CATÉGORIE"));
    CHECK(is_category_namespace("Категория"));
    CHECK(is_file_namespace("ファイル"));
    CHECK_FALSE(is_file_namespace("Files"));
}

TEST_CASE("plain titles take the short way; anything to decode or fold does not", "[keys]") {
    const KeyNormalizer folding(CaseRule::fold);
    for (const char* raw :
         {"Topic 12", "O'Neill (film), 1999!", "中国", "iPhone手机", "一丁龥鿿"}) {
        CAPTURE(raw);
        CHECK(folding.is_plain(raw));
    }
    for (const char* raw : {"", " Topic", "Topic ", "Topic  12", "Kestrel_Bay", "A&amp;B", "100%25",
                            "A#Section", "en:Apple", "Tab\there", "Zoë", "中国\xE3\x80\x80人", "㐀",
                            "華為\xE4", "中\xE4\xB8", "\xE4\xB7\xBF"}) {
        CAPTURE(raw);
        CHECK_FALSE(folding.is_plain(raw));
    }
    // With Han folding, 華為 must meet 华为: ideographs take the long way.
    const MatchFolder han_folder(true);
    CHECK_FALSE(KeyNormalizer(CaseRule::fold, &han_folder).is_plain("華為"));
    CHECK(KeyNormalizer(CaseRule::fold, &han_folder).is_plain("Huawei"));
    // The short way gives what the long way (clean_title, then key_of) gives, for every rule.
    // Pieces: letters of both cases, ß and İ (which fold specially), Latin Extended-B, IPA
    // and spacing modifiers (U+00C0..U+02FF), the NBSP and a combining accent (which are not).
    const std::vector<std::string> pieces = {"A",  "b", "Z", "z", " ", "中",       "国",
                                             "丁", "1", "(", "Ω", "É", "é",        "ß",
                                             "İ",  "ǅ", "ɐ", "ʼ", "˿", "\xC2\xA0", "\xCC\x81"};
    const std::size_t k = pieces.size();
    std::size_t compared = 0;
    std::size_t differences = 0;
    for (const CaseRule rule : {CaseRule::fold, CaseRule::first_letter, CaseRule::sensitive}) {
        const KeyNormalizer n(rule);
        for (std::size_t code = 0; code < k * k * k; ++code) {
            const std::string raw = pieces[code % k] + pieces[code / k % k] + pieces[code / k / k];
            if (!n.is_plain(raw)) continue;
            ++compared;
            const NormalizedTarget fast = n.normalize_plain(raw);
            const NormalizedTarget slow = n.normalize_target(" " + raw);  // not plain
            if (fast.key != slow.key || fast.surface != slow.surface) ++differences;
        }
    }
    CHECK(compared > 5000);
    CHECK(differences == 0);
    // Targets with a section: the short way takes the part before it when that is plain.
    std::size_t sections = 0;
    std::size_t section_differences = 0;
    for (const CaseRule rule : {CaseRule::fold, CaseRule::first_letter, CaseRule::sensitive}) {
        const KeyNormalizer n(rule);
        for (std::size_t code = 0; code < k * k; ++code) {
            for (const char* section : {"#", "#Part", " #Part", "  #a b", "#%C3%A9&amp;", "#x#y"}) {
                const std::string raw = pieces[code % k] + pieces[code / k] + section;
                if (!n.plain_target(raw)) continue;
                ++sections;
                const NormalizedTarget fast = n.normalize_target(raw);
                const NormalizedTarget slow = n.normalize_target(" " + raw);
                if (fast.key != slow.key || fast.surface != slow.surface || fast.lang != slow.lang)
                    ++section_differences;
            }
        }
    }
    CHECK(sections > 3000);
    CHECK(section_differences == 0);
    CHECK(KeyNormalizer(CaseRule::first_letter).plain_target("paris #History") == "paris");
    CHECK_FALSE(KeyNormalizer(CaseRule::first_letter).plain_target("#History"));
    CHECK_FALSE(KeyNormalizer(CaseRule::first_letter).plain_target("en:Paris#History"));
    // Titles and labels: clean_title's short way gives what its long way (taken for a text
    // with a leading space, which it trims) gives.
    std::size_t titles_differing = 0;
    const KeyNormalizer any(CaseRule::sensitive);
    for (std::size_t code = 0; code < k * k * k; ++code) {
        const std::string raw = pieces[code % k] + pieces[code / k % k] + pieces[code / k / k];
        if (any.clean_title(raw) != any.clean_title(" " + raw)) ++titles_differing;
    }
    CHECK(titles_differing == 0);
    // The short way gives what the long way gives: these differ from plain ones by one step.
    const KeyNormalizer first(CaseRule::first_letter);
    const KeyNormalizer fold(CaseRule::fold);
    const auto plain = first.normalize_target("paris metro");
    CHECK(plain.key == "Paris metro");
    CHECK(plain.surface == "paris metro");
    CHECK(plain.lang.empty());
    CHECK(plain.ns == TargetNamespace::none);
    CHECK_FALSE(plain.leading_colon);
    CHECK(first.normalize_target("paris_metro").key == plain.key);
    CHECK(first.normalize_target(" paris  metro ").key == plain.key);
    CHECK(first.normalize_target("paris metro#Lines").key == plain.key);
    CHECK(fold.normalize_target("Paris Metro").key == fold.normalize_target("Paris_Metro").key);
    CHECK(fold.normalize_target("Paris Metro").key == "paris metro");
}
