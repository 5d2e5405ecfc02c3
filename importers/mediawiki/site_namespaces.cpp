// SiteNamespaces: names folded with ICU's full case folding after '_' -> ' ' and trimming.
#include "importers/mediawiki/site_namespaces.hpp"

#include <unicode/unistr.h>

#include "base/split_mix64.hpp"

namespace kg {
namespace {

std::string folded(std::string_view name) {
    std::string s(name);
    for (char& c : s) {
        if (c == '_') c = ' ';
    }
    const std::size_t first = s.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    s = s.substr(first, s.find_last_not_of(' ') - first + 1);
    std::string out;
    icu::UnicodeString::fromUTF8(s).foldCase().toUTF8String(out);
    return out;
}

}  // namespace

void SiteNamespaces::add(int id, std::string_view name) {
    const std::string key = folded(name);
    if (key.empty()) return;
    const auto entry_mix = [id](std::string_view text, std::uint64_t salt) {
        return SplitMix64{std::hash<std::string_view>{}(text) ^ salt ^
                          static_cast<std::uint64_t>(static_cast<std::int64_t>(id))}
            .next();
    };
    if (m_by_name.emplace(key, id).second) m_fingerprint += entry_mix(key, 0);
    if (m_names.emplace(id, std::string(name)).second) m_fingerprint += entry_mix(name, 1ULL << 63);
}

void SiteNamespaces::add_canonical() {
    static const std::pair<int, const char*> canonical[] = {
        {-2, "Media"},         {-1, "Special"},  {1, "Talk"},           {2, "User"},
        {3, "User talk"},      {4, "Project"},   {5, "Project talk"},   {6, "File"},
        {6, "Image"},          {7, "File talk"}, {7, "Image talk"},     {8, "MediaWiki"},
        {9, "MediaWiki talk"}, {10, "Template"}, {11, "Template talk"}, {12, "Help"},
        {13, "Help talk"},     {14, "Category"}, {15, "Category talk"},
    };
    for (const auto& [id, name] : canonical) add(id, name);
}

std::optional<int> SiteNamespaces::find(std::string_view prefix) const {
    const auto it = m_by_name.find(folded(prefix));
    if (it == m_by_name.end()) return std::nullopt;
    return it->second;
}

std::string SiteNamespaces::name(int id) const {
    const auto it = m_names.find(id);
    return it == m_names.end() ? std::string() : it->second;
}

}  // namespace kg
