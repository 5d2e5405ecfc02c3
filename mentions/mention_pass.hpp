// MentionPass: the second pass of a build (pipeline/build_pipeline.cpp). Collects the gazetteer
// from the first pass's documents, reads the corpus again to spot every form, derives link
// probabilities and document frequencies, keeps the forms that pass the filters, and adds
// `mention` edges (article -> entity) and `cooccurrence` edges (entity pairs per window) to the
// builder. Also gathers suspect links for the summary and --report.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "graph/evidence.hpp"
#include "graph/graph_builder.hpp"
#include "importers/corpus_reader.hpp"
#include "mentions/gazetteer.hpp"
#include "mentions/mention_spotter.hpp"

namespace kg {

struct MentionSettings {
    bool mentions = true;
    CooccurrenceWindow window = CooccurrenceWindow::sentence;
    std::size_t max_window_entities = 50;
    GazetteerFilter filter;
    std::string entities_file;
};

struct SuspectLink {
    std::string where;  ///< path:line:col
    std::string text;   ///< the link's visible text
    std::string key;
};

class PassageMaker;  // mention_pass.cpp: evidence passages of one kept text

class MentionPass {
public:
    MentionPass(MentionSettings settings, const MatchFolder& folder);

    /// Pass 1: the forms an article brings (title, aliases, link texts) and its suspect links;
    /// with retain(), also the article's text (moved out of `doc`), its node `article` and
    /// the nodes of its links (`link_nodes`, one a link of `doc.links`, as add_nodes() left
    /// them).
    void collect(Document& doc, NodeId article = 0,
                 const std::vector<GraphBuilder::NodeRequest>& link_nodes = {});

    /// Pass 2 reads the texts pass 1 kept (ImportOptions::retain_text, article files only)
    /// instead of reading the corpus again, while they take at most `budget` bytes; past that
    /// they are dropped and the corpus is read again.
    void retain(std::size_t budget) { m_retain_budget = budget; }
    /// --evidence: run() adds the passages of mentions and co-occurrences to `index` (texts
    /// kept from pass 1 only: a text read again has none; evidence_skipped() counts them).
    void set_evidence(EvidenceIndex* index) { m_evidence = index; }
    std::size_t evidence_skipped() const noexcept { return m_evidence_skipped; }

    /// True when a second pass spots mentions or co-occurrences (else nothing here is used).
    bool spots() const noexcept {
        return m_settings.mentions || m_settings.window != CooccurrenceWindow::off;
    }

    /// A wiki redirect's title is another name of the page it leads to (`key`, final).
    void add_redirect_alias(std::string_view title, std::string_view key, std::string_view lang);

    /// Loads the entities file (if any); `key_of` normalizes names to keys.
    void load_entities(const std::function<std::string(std::string_view)>& key_of);

    /// Pass 2 over `files`, then the mention and co-occurrence edges.
    void run(const std::vector<InputFile>& files, ImportOptions options, unsigned threads,
             GraphBuilder& builder);

    /// Summary lines (each starting "kgraph: ").
    std::string summary() const;
    const std::vector<SuspectLink>& suspects() const noexcept { return m_suspects; }

private:
    struct Retained;
    struct Skeleton {
        NodeId article = 0;
        const Retained* retained = nullptr;  // its text, when kept and evidence is on
        std::vector<Candidate> candidates;
        std::vector<std::pair<std::uint32_t, NodeId>> linked;  // (offset, node)
        std::vector<std::uint32_t> breaks;
    };
    /// True while pass 1 keeps the texts (retain() was called and they fit).
    bool keeps_texts() const noexcept { return m_retain_budget > 0 && !m_retain_overflow; }
    void add_cooccurrences(const Skeleton& doc, std::vector<std::pair<std::uint32_t, NodeId>>& at,
                           GraphBuilder& builder, PassageMaker* passages);
    /// A spottable link as pass 2 needs it: where, to which node, and the dictionary forms
    /// of its text and label.
    struct LinkRef {
        std::uint32_t offset = 0;
        NodeId node = 0;
        std::uint32_t surface_form = no_form;
        std::uint32_t label_form = no_form;
    };
    static constexpr std::uint32_t no_form = 0xFFFFFFFFU;
    /// What pass 2 makes of one document: its skeleton, and the dictionary's counts.
    Skeleton skeleton(NodeId article, const std::vector<LinkRef>& links,
                      std::vector<Candidate>&& candidates, std::vector<std::uint32_t>&& breaks);
    /// An article as pass 1 kept it for pass 2 (its nodes do not change in between: only wiki
    /// inputs have redirects, and they are not kept).
    struct Retained {
        NodeId article = 0;
        std::string source;  // for evidence positions
        std::string text;
        Ranges visible;
        std::size_t body_offset = 0;
        std::vector<LinkRef> links;
    };

    MentionSettings m_settings;
    Gazetteer m_gazetteer;
    std::vector<SuspectLink> m_suspects;
    std::uint32_t m_documents = 0;
    // Results for the summary.
    std::vector<std::uint64_t> m_mentions_by_form;
    std::array<std::size_t, static_cast<std::size_t>(FormVerdict::ambiguous) + 1> m_verdicts{};
    std::size_t verdicts(FormVerdict v) const { return m_verdicts[static_cast<std::size_t>(v)]; }
    std::uint64_t m_mentions = 0;
    std::uint64_t m_windows = 0;
    std::uint64_t m_capped_windows = 0;
    std::uint64_t m_pairs = 0;
    bool m_ran = false;
    std::size_t m_retain_budget = 0;  // 0: not retaining
    std::size_t m_retained_bytes = 0;
    bool m_retain_overflow = false;
    std::vector<Retained> m_retained;
    EvidenceIndex* m_evidence = nullptr;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_mention_ends;  // (begin, end) a doc
    std::size_t m_evidence_skipped = 0;
    std::vector<std::uint32_t> m_present;  // scratch of skeleton()
    std::vector<LinkRef> m_link_refs;      // scratch of run()
};

}  // namespace kg
