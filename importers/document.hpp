// Document: what an importer makes of one article — its key, title, aliases, the links it
// writes (already normalized to keys) and the problems met on the way. The unit of the
// document stream (docs/ARCHITECTURE.md); BuildPipeline feeds it to the GraphBuilder.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_types.hpp"
#include "importers/problem.hpp"
#include "importers/text/word_boundaries.hpp"

namespace kg {

/// One link of an article, resolved to the key of the node it points at. Its four texts share
/// one string (64 bytes a link instead of 168 with four strings: a page may hold millions).
struct ExtractedLink {
    EdgeKind kind = EdgeKind::link;
    NodeKind target_kind = NodeKind::entity;
    bool suspect = false;  ///< its text cuts a word of the sentence around it (聊[[天机]]器人)
    std::uint32_t line = 0;  ///< position, computed for suspect links only (for reports)
    std::uint32_t column = 0;
    std::size_t offset = 0;

    std::string_view key() const noexcept { return part(0); }      ///< normalized target key
    std::string_view surface() const noexcept { return part(1); }  ///< the target as written
    std::string_view lang() const noexcept { return part(2); }     ///< interlanguage prefix, or ""
    std::string_view label() const noexcept { return part(3); }    ///< text after '|', or ""
    /// The text a reader sees: the label, else the target as written.
    std::string_view shown() const noexcept { return label().empty() ? surface() : label(); }

    void set(std::string_view key, std::string_view surface, std::string_view lang,
             std::string_view label);
    void set_key(std::string_view key) { set(key, surface(), lang(), label()); }
    void set_label(std::string_view label) { set(key(), surface(), lang(), label); }

private:
    std::string_view part(int i) const noexcept {
        const std::uint32_t begin = i == 0 ? 0 : m_ends[i - 1];
        const std::uint32_t end = i == 3 ? static_cast<std::uint32_t>(m_text.size()) : m_ends[i];
        return std::string_view(m_text).substr(begin, end - begin);
    }
    std::string m_text;                   // key, surface, lang and label, back to back
    std::uint32_t m_ends[3] = {0, 0, 0};  // where the key, the surface and the lang end
};

inline void ExtractedLink::set(std::string_view key, std::string_view surface,
                               std::string_view lang, std::string_view label) {
    std::string text;  // built aside: the arguments may be views of m_text
    text.reserve(key.size() + surface.size() + lang.size() + label.size());
    text.append(key);
    m_ends[0] = static_cast<std::uint32_t>(text.size());
    text.append(surface);
    m_ends[1] = static_cast<std::uint32_t>(text.size());
    text.append(lang);
    m_ends[2] = static_cast<std::uint32_t>(text.size());
    text.append(label);
    m_text = std::move(text);
}

/// One occurrence of a form: byte offsets in the article text.
struct Candidate {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::uint32_t form = 0;
};

using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

/// Finds dictionary forms in running text: the mention pass hands one to the importer
/// (ImportOptions::spotter); MentionSpotter (mentions/) is the implementation.
class CandidateFinder {
public:
    virtual ~CandidateFinder() = default;
    /// Appends every occurrence of every form inside the `visible` ranges of `text`.
    virtual void spot(std::string_view text, const Ranges& visible,
                      std::vector<Candidate>& out) const = 0;
};

/// The passage behind one of a document's links (ImportOptions::evidence): `link` indexes
/// Document::links; [begin, end) is the link's markup inside `text`; `where` its position.
struct LinkPassage {
    std::uint32_t link = 0;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::string text;
    std::string where;
};

struct Document {
    std::string source;  ///< the path as the user named it (or "<stdin>"): for messages
    std::string key;     ///< the article's key (normalized file stem)
    std::string title;   ///< front-matter title, else first real heading, else the stem
    std::string lang;    ///< front-matter lang/language, else empty
    std::vector<std::string> aliases;  ///< front-matter aliases, kept for mention spotting
    std::vector<ExtractedLink> links;
    std::vector<Problem> problems;
    std::size_t bytes = 0;              ///< size of the input in bytes
    std::size_t unresolved_links = 0;   ///< Markdown links to files outside the corpus
    std::size_t external_links = 0;     ///< URLs seen (nodes only with --external)
    bool skipped = false;               ///< binary or unreadable: no article node, problems say why
    NodeKind kind = NodeKind::article;  ///< a wiki's category pages are `category` nodes
    std::string redirect;               ///< a wiki redirect page: the key it points at
    bool broken = false;  ///< the input broke here (truncated, malformed): the rest is lost

    /// Filled only with ImportOptions::evidence > 0: for the first K links of each (target,
    /// kind) of this document, in document order.
    std::vector<LinkPassage> link_passages;

    // Filled only when mention spotting is on (ImportOptions::spotter):
    std::vector<Candidate> candidates;         ///< every dictionary form found in running text
    std::vector<std::uint32_t> window_breaks;  ///< offsets where a co-occurrence window starts

    // Filled only for article files when ImportOptions::retain_text is set:
    std::string text;             ///< the decoded text
    Ranges visible;               ///< its running text (what mention spotting reads)
    std::size_t body_offset = 0;  ///< where the body starts, after any front matter
};

}  // namespace kg
