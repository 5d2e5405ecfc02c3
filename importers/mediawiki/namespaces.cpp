// Tables of prefixes. Language codes: ISO 639-1 (Library of Congress list) plus the
// non-ISO-639-1 codes of large Wikipedias; namespaces: MediaWiki's canonical names and the
// localised names of the wikis in ../shared/corpora.
#include "importers/mediawiki/namespaces.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include <unicode/unistr.h>

#include "base/text_util.hpp"

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

// Wikipedia language editions whose code is not in ISO 639-1 (the list of Wikipedias,
// https://meta.wikimedia.org/wiki/List_of_Wikipedias, as interlanguage prefixes).
constexpr std::array<std::string_view, 159> wikipedia_codes{
    "ace",     "ady", "als",       "alt",          "ami",        "ang",    "anp", "arc", "ary",
    "arz",     "ast", "atj",       "avk",          "awa",        "azb",    "ban", "bar", "bat-smg",
    "bbc",     "bcl", "be-tarask", "be-x-old",     "bjn",        "blk",    "bpy", "bug", "bxr",
    "cbk-zam", "cdo", "ceb",       "chr",          "chy",        "ckb",    "crh", "csb", "dag",
    "din",     "diq", "dsb",       "dty",          "eml",        "ext",    "fat", "frp", "frr",
    "fur",     "gag", "gan",       "gcr",          "glk",        "gom",    "gor", "got", "guc",
    "gur",     "guw", "hak",       "haw",          "hif",        "hsb",    "hyw", "ilo", "inh",
    "jam",     "jbo", "kaa",       "kab",          "kbd",        "kbp",    "kcg", "koi", "krc",
    "ksh",     "lad", "lbe",       "lez",          "lfn",        "lij",    "lld", "lmo", "lrc",
    "ltg",     "lzh", "mad",       "mai",          "map-bms",    "mdf",    "mhr", "min", "mni",
    "mnw",     "mrj", "mwl",       "myv",          "mzn",        "nah",    "nan", "nap", "nds",
    "nds-nl",  "new", "nia",       "nov",          "nqo",        "nrm",    "nso", "olo", "pag",
    "pam",     "pap", "pcd",       "pcm",          "pdc",        "pfl",    "pih", "pms", "pnb",
    "pnt",     "pwn", "rmy",       "roa-rup",      "roa-tara",   "rue",    "sah", "sat", "scn",
    "sco",     "sgs", "sh",        "shi",          "shn",        "simple", "skr", "smn", "srn",
    "stq",     "szl", "szy",       "tay",          "tcy",        "tet",    "tly", "tpi", "trv",
    "tum",     "tyv", "udm",       "vec",          "vep",        "vls",    "war", "wuu", "xal",
    "xmf",     "yue", "zea",       "zh-classical", "zh-min-nan", "zh-yue"};

constexpr std::array<std::string_view, 16> category_names{
    "category",  "kategorie", "catégorie",  "categoría",  "categoria", "kategori",
    "kategorio", "категория", "категорія",  "категорија", "thể loại",  "分类",
    "分類",      "カテゴリ",  "kategoreja", "분류"};

constexpr std::array<std::string_view, 16> file_names{
    "file", "image",   "media", "datei", "fichier", "archivo",  "ficheiro", "bestand",
    "файл", "tập tin", "hình",  "文件",  "檔案",    "ファイル", "画像",     "fails"};

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
    if (contains(wikipedia_codes, p)) return true;  // bat-smg, roa-tara, …
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
