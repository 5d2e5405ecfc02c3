// Escaping shared by the writers: every string written is valid UTF-8 (bad bytes become
// U+FFFD) and, for XML, free of characters XML 1.0 cannot carry (C0 controls but tab, LF, CR;
// U+FFFE, U+FFFF), with markup characters escaped.
#pragma once

#include <string>
#include <string_view>

namespace kg {

/// Appends `text` to `out`, escaped for XML character data and attribute values
/// (& < > " ' as entities, characters not allowed in XML 1.0 replaced by U+FFFD).
void append_xml_escaped(std::string& out, std::string_view text);

}  // namespace kg
