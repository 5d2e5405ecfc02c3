// KeyNormalizer: turns a link target or an article title into the key links meet on, and the
// surface form people read (docs/build.md "Keys"). ICU does the Unicode work:
// NFC, whitespace classes, case folding. Called by importers for every link and every article.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "importers/mediawiki/site_namespaces.hpp"
#include "importers/text/match_text.hpp"

namespace kg {

/// How letter case is compared in keys.
enum class CaseRule {
    fold,          ///< full ICU case folding: [[Apple]] = [[apple]] (Obsidian, Markdown)
    first_letter,  ///< only the first letter is case-insensitive (MediaWiki's default)
    sensitive,     ///< bytes compare as written
};

/// What a link target names.
enum class TargetNamespace { none, category, file, other };

struct NormalizedTarget {
    std::string key;      ///< normalized key; empty for a same-page link ([[#Section]])
    std::string surface;  ///< human spelling: NFC, spaces folded, section and lang prefix removed
    std::string lang;     ///< lower-case language code of an interlanguage prefix, else empty
    TargetNamespace ns = TargetNamespace::none;
    bool leading_colon = false;  ///< [[:Category:X]]: a plain link, not a membership
    bool same_page() const noexcept { return key.empty(); }
};

class KeyNormalizer {
public:
    /// `han_folder`, when given, maps Traditional Chinese characters of keys to Simplified
    /// (--fold-han: 華為 and 华为 meet on one key); it must outlive the normalizer.
    explicit KeyNormalizer(CaseRule rule = CaseRule::fold, const MatchFolder* han_folder = nullptr)
        : m_rule(rule), m_han_folder(han_folder) {}

    /// Reads namespace prefixes by a wiki's own namespaces (dump input) instead of the
    /// built-in Category and File names: `[[Wikipedia:About]]` is then in namespace 4, keyed
    /// "Wikipedia:About", and a prefix that names no namespace stays part of the title.
    /// `site` must outlive the normalizer.
    void use_site_namespaces(const SiteNamespaces* site) noexcept { m_site = site; }

    /// Normalizes the target part of a link (what stands before '|'): decodes HTML entities
    /// and %-escapes, NFC, folds '_' and whitespace runs to one space, trims, drops a
    /// '#section' or '#^block', strips a `dendron://vault/` prefix, splits a language,
    /// Category or File prefix, and applies the case rule to the key. Never throws.
    NormalizedTarget normalize_target(std::string_view raw) const;

    /// True when `raw` is printable ASCII and CJK Unified Ideographs (U+4E00..U+9FFF; ASCII
    /// only with Han folding), with single inner spaces and none of _ % & # : (no escapes,
    /// prefix, section or spaces to fold); by the exact and first-letter rules (not the first
    /// letter) also U+00C0..U+02FF (accented Latin letters): its clean form is itself, and
    /// only the case rule on its ASCII letters makes its key. Most wiki link targets are;
    /// normalize_target() takes the short way.
    bool is_plain(std::string_view raw) const noexcept;
    /// What decides a target that needs no ICU: `raw` itself when is_plain(raw), or the
    /// target before a section ("Paris#History", "Paris #History") when that part is plain
    /// (the section is dropped, and nothing in it can change the part before); else nullopt.
    std::optional<std::string_view> plain_target(std::string_view raw) const noexcept;
    /// normalize_target() of a plain `raw`, without checking again. Precondition: is_plain(raw).
    NormalizedTarget normalize_plain(std::string_view raw) const;

    /// Normalizes a title or file stem for display: NFC, '_'/whitespace folded, trimmed.
    /// Sections and escapes are not interpreted (a file may be called "C#.md").
    std::string clean_title(std::string_view title) const;

    /// The key of an already clean title: the case rule applied, NFC kept.
    std::string key_of(std::string_view clean) const;

    CaseRule case_rule() const noexcept { return m_rule; }

private:
    std::string apply_case_rule(std::string_view clean) const;

    CaseRule m_rule;
    const MatchFolder* m_han_folder;
    const SiteNamespaces* m_site = nullptr;
};

/// Decodes HTML character references (&amp; &#8212; &#x4E2D; and common named ones) and, when
/// the result is valid UTF-8, %XX escapes. Unknown references are kept as written.
std::string decode_escapes(std::string_view text);

}  // namespace kg
