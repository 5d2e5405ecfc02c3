// Link-target prefixes known without a wiki's <siteinfo>: ISO 639 language codes (interlanguage
// links such as [[zh:中国]]), and the common names of the Category and File namespaces in the
// languages of our corpora. Used by the link scanner (which links may nest) and KeyNormalizer.
#pragma once

#include <string_view>

namespace kg {

/// True for an ISO 639-1 code, a language code used by Wikipedias (yue, lzh, simple, ...),
/// optionally with subtags (zh-hans, zh-min-nan). Compared case-insensitively.
bool is_language_code(std::string_view prefix);

/// True for "Category" and its translations (Kategorie, 分类, 分類, Категория, ...).
bool is_category_namespace(std::string_view prefix);

/// True for "File", "Image" and their translations (Datei, 文件, ファイル, ...).
bool is_file_namespace(std::string_view prefix);

}  // namespace kg
