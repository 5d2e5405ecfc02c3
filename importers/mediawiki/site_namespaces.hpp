// SiteNamespaces: the namespaces of one wiki — the local names its <siteinfo> lists and
// MediaWiki's canonical English names (Category, File, Image, Template, …), which every wiki
// also accepts — so that a title with a colon is in a namespace only when its prefix is one
// (Help:Links, https://www.mediawiki.org/wiki/Help:Namespaces). Used by KeyNormalizer for
// dump input and filled by MediaWikiDumpReader.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kg {

inline constexpr int file_namespace = 6;
inline constexpr int category_namespace = 14;

class SiteNamespaces {
public:
    /// Adds `name` for namespace `id` (the first name given for an id is the one keys use).
    void add(int id, std::string_view name);
    /// Adds the canonical English names of namespaces -2 to 15 and their common aliases.
    void add_canonical();

    /// The namespace `prefix` names, compared case-insensitively with '_' read as ' '.
    std::optional<int> find(std::string_view prefix) const;
    /// The name keys use for namespace `id` (its first name); "" for the main namespace.
    std::string name(int id) const;
    bool empty() const noexcept { return m_by_name.empty(); }
    /// Equal for namespace tables with the same names and ids (whatever the order they were
    /// added in), different otherwise but by a 2^-64 chance: what a memo of normalized targets
    /// is keyed by, as two wikis of one run may live at one address in turn.
    std::uint64_t fingerprint() const noexcept { return m_fingerprint; }

private:
    std::unordered_map<std::string, int> m_by_name;  // folded name -> id
    std::map<int, std::string> m_names;              // id -> first name
    std::uint64_t m_fingerprint = 0;                 // sum of a mix of each entry
};

}  // namespace kg
