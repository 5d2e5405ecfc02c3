// Front matter: the YAML block between '---' lines at the very start of a Markdown note
// (Obsidian, Foam, Dendron, Jekyll). Only the keys kgraph uses are read — title, aliases
// (or alias), lang (or language) — from the YAML subset notes use: scalars, quoted scalars,
// [flow, lists] and "- block" lists. Called by the Markdown importer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

struct FrontMatter {
    bool present = false;
    std::size_t body_offset = 0;  ///< where the text after the closing line starts
    std::string title;
    std::string lang;
    std::vector<std::string> aliases;
};

/// Reads the front matter of `text` (valid UTF-8, BOM already removed). A block that never
/// closes is not front matter (Obsidian shows it as text), so `present` is false.
FrontMatter parse_front_matter(std::string_view text);

}  // namespace kg
