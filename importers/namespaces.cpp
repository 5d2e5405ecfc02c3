// Tables of prefixes. Language codes: ISO 639-1 (Library of Congress list) plus the
// non-ISO-639-1 codes of large Wikipedias; namespaces: MediaWiki's canonical names and the
// localised names of the wikis in ../shared/corpora.
#include "importers/namespaces.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include <unicode/unistr.h>

#include "graph/text_util.hpp"

namespace kg {
namespace {

constexpr std::array<std::string_view, 184> iso_639_1{
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu"};

// Wikipedia language editions whose code is not in ISO 639-1 (chosen: the ones with more
// than ~50k articles, and the Chinese varieties).
constexpr std::array<std::string_view, 22> wikipedia_codes{
    "als", "arz", "ast", "azb", "ceb", "cdo", "gan", "hak",    "hsb", "lmo", "lzh",
    "min", "nan", "nds", "new", "pms", "sco", "scn", "simple", "vec", "wuu", "yue"};

constexpr std::array<std::string_view, 16> category_names{
    "category",  "kategorie", "catégorie",  "categoría",  "categoria", "kategori",
    "kategorio", "категория", "категорія",  "категорија", "thể loại",  "分类",
    "分類",      "カテゴリ",  "kategoreja", "분류"};

constexpr std::array<std::string_view, 16> file_names{
    "file", "image",   "media", "datei", "fichier", "archivo",  "ficheiro", "bestand",
    "файл", "тập tin", "hình",  "文件",  "檔案",    "ファイル", "画像",     "fails"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& table, std::string_view s) {
    return std::find(table.begin(), table.end(), s) != table.end();
}

// Case-folds with ICU so "CATÉGORIE" and "Категория" match the lower-case tables.
std::string fold_prefix(std::string_view s) {
    std::string out;
    icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
        .foldCase()
        .toUTF8String(out);
    return out;
}

}  // namespace

bool is_language_code(std::string_view prefix) {
    if (prefix.empty() || prefix.size() > 16) return false;
    const std::string lower = ascii_lower(prefix);
    const std::string_view p = lower;
    const std::size_t dash = p.find('-');
    const std::string_view primary = p.substr(0, dash);
    if (!contains(iso_639_1, primary) && !contains(wikipedia_codes, primary)) return false;
    if (dash == std::string_view::npos) return true;
    // Subtags: letters or digits, 2 to 8 each (BCP 47 shape: zh-hans, zh-min-nan, be-x-old).
    std::size_t start = dash + 1;
    while (start <= p.size()) {
        std::size_t end = p.find('-', start);
        if (end == std::string_view::npos) end = p.size();
        const std::size_t len = end - start;
        if (len < 1 || len > 8) return false;
        for (std::size_t i = start; i < end; ++i) {
            if (!std::isalnum(static_cast<unsigned char>(p[i]))) return false;
        }
        start = end + 1;
    }
    return true;
}

bool is_category_namespace(std::string_view prefix) {
    return contains(category_names, std::string_view(fold_prefix(prefix)));
}

bool is_file_namespace(std::string_view prefix) {
    return contains(file_names, std::string_view(fold_prefix(prefix)));
}

}  // namespace kg
