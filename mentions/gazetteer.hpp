// Gazetteer: the dictionary of surface forms that mention spotting looks for, each pointing at
// one node key. Built from the corpus (article titles, front-matter aliases, link targets as
// written, link labels) and an optional entities file; counts for every form how often it is
// written as a link and, after a spotting pass, how often it occurs in running text and in how
// many documents, so that forms with a low link probability (linked / all occurrences, as
// TagMe and wikipedia2vec use) or a high document frequency can be left out, with stop words
// and forms too short for their script. Fed by the CLI from the document stream.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/graph_types.hpp"
#include "importers/text/match_text.hpp"

namespace kg {

struct FormTarget {
    std::string key;
    std::string lang;
    NodeKind kind = NodeKind::entity;
    std::uint32_t votes = 0;  ///< links written with this form to this key
};

struct GazetteerForm {
    std::string surface;  ///< first spelling seen (for reports)
    std::string folded;   ///< what the matcher compares
    std::vector<FormTarget> targets;
    std::uint32_t linked = 0;     ///< occurrences as link text
    std::uint64_t unlinked = 0;   ///< boundary-valid occurrences in running text
    std::uint32_t documents = 0;  ///< documents where the form occurs, linked or not
    bool from_entities_file = false;
    bool names_article = false;  ///< an article's title or alias: spotted whatever its link
                                 ///< probability (Obsidian's "unlinked mentions")
    std::string type;            ///< from the entities file

    /// The key most links with this form point at (first seen on ties).
    const FormTarget& target() const;
    double link_probability() const {
        const double all = static_cast<double>(linked) + static_cast<double>(unlinked);
        return all > 0 ? static_cast<double>(linked) / all : 0.0;
    }
};

/// Why a form is not spotted.
enum class FormVerdict {
    kept,
    too_short,
    stop_word,
    low_link_probability,
    high_document_frequency,
    ambiguous,  ///< names several articles (titles, aliases) and no link picks one; the last
};

struct GazetteerFilter {
    double min_link_probability = 0.02;
    double max_document_frequency = 1.0;  ///< share of documents, 0..1
    bool builtin_stop_words = true;
    std::unordered_set<std::string> stop_words;  ///< folded forms from --stopwords files
};

class Gazetteer {
public:
    explicit Gazetteer(const MatchFolder& folder) : m_folder(folder) {}

    /// Registers `surface` as a spelling of node `key`. `as_link`: it was written as link text
    /// (counts towards the link probability). Forms that fold to nothing are ignored. Returns
    /// the form's number (what find(surface) returns from now on), or nothing when `surface`
    /// or `key` is empty.
    std::optional<std::uint32_t> add(std::string_view surface, std::string_view key, NodeKind kind,
                                     std::string_view lang, bool as_link);

    /// The form `surface` folds to, if known.
    std::optional<std::uint32_t> find(std::string_view surface) const;

    /// Reads an entities file: TSV `name<TAB>alias|alias<TAB>type` (a header line starting
    /// with "name" and '#' comments skipped), or JSON lines {"name", "aliases", "type"}
    /// (chosen by a first '{'). `key_of` turns a name into a node key. Its forms are always
    /// spotted. Throws InputError with file:line on a malformed line.
    void load_entities(const std::string& path,
                       const std::function<std::string(std::string_view)>& key_of);

    /// Reads a stop-word file (one form per line, '#' comments) into `filter`.
    void load_stop_words(const std::string& path, GazetteerFilter& filter) const;

    std::vector<GazetteerForm>& forms() noexcept { return m_forms; }
    const std::vector<GazetteerForm>& forms() const noexcept { return m_forms; }

    /// Counts one running-text occurrence of form `id`.
    void count_occurrence(std::uint32_t id) { ++m_forms[id].unlinked; }

    /// Counts one document for each distinct form in `ids` (sorted and deduplicated here).
    void count_document(std::vector<std::uint32_t>& ids);

    FormVerdict verdict(const GazetteerForm& form, const GazetteerFilter& filter,
                        std::uint32_t document_count) const;

    const MatchFolder& folder() const noexcept { return m_folder; }

private:
    GazetteerForm& form_for(std::string_view surface, bool& created);

    const MatchFolder& m_folder;
    std::vector<GazetteerForm> m_forms;
    std::unordered_map<std::string, std::uint32_t> m_index;      // folded -> form id
    std::unordered_map<std::string, std::uint32_t> m_spellings;  // as written -> form id
    std::string m_probe;                                         // scratch of form_for()
};

/// True for the built-in stop words (folded): Chinese and English function words that
/// auto-linkers link and that are never entities (关于, 我们, the, about, …).
bool is_builtin_stop_word(std::string_view folded);

/// Alphanumeric code points a form needs: 2 when it contains Han, Kana or Hangul, else 3.
bool long_enough(std::string_view folded);

}  // namespace kg
