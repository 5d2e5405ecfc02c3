// decode_char_references: HTML character references in wikitext — &eacute;, &#233;, &#xE9; —
// decoded as MediaWiki decodes them in link targets before it normalizes a title (Sanitizer,
// "decodeCharReferences"), so that [[Caf&eacute;]] and [[Café]] are one page. The named ones
// are HTML 4.01's 252 (html_entities.inc). Used by ArticleImporter on wikitext links.
#pragma once

#include <string>
#include <string_view>

namespace kg {

/// `text` with every well-formed character reference replaced by its character in UTF-8. A
/// reference to no character (an unknown name, a surrogate, 0, past U+10FFFF) stays as written.
std::string decode_char_references(std::string_view text);

}  // namespace kg
