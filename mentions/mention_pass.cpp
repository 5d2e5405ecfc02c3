// MentionPass: gazetteer collection, the spotting pass, filters, mention and co-occurrence
// edges. Documents reach run()'s sink in input order, so the edges do not depend on threads.
#include "mentions/mention_pass.hpp"

#include <algorithm>
#include <array>
#include <iomanip>
#include <map>
#include <numeric>
#include <optional>
#include <sstream>

#include "base/number_format.hpp"
#include "base/strings.hpp"
#include "base/worker_pool.hpp"
#include "importers/text/line_index.hpp"
#include "importers/text/passages.hpp"

namespace kg {
namespace {

// Plain links name entities; embeds name files and their "labels" are sizes (![[a.png|300]]).
bool spottable(const ExtractedLink& link) {
    return link.kind == EdgeKind::link &&
           (link.target_kind == NodeKind::entity || link.target_kind == NodeKind::article);
}

}  // namespace

/// The passages of one kept text (--evidence): the sentence around a name, where it is.
class PassageMaker {
public:
    PassageMaker(const std::string& source, std::string_view text)
        : m_source(source), m_text(text) {}
    std::string_view text() const noexcept { return m_text; }
    /// The passage of the name at [begin, end).
    Evidence make(std::size_t begin, std::size_t end) {
        const PassageRange r = passage_around(m_text, begin, end);
        return evidence(r, begin, end, 0, 0, begin);
    }
    /// The passage of two names (co-occurrence), a before b; when they are far apart, the
    /// first one's passage alone.
    Evidence make_pair(std::size_t a, std::size_t a_end, std::size_t b, std::size_t b_end) {
        if (b_end > a + 600) return make(a, a_end);
        const PassageRange r = passage_around(m_text, a, std::max(a_end, b_end), 60);
        return evidence(r, a, a_end, b, b_end, a);
    }

private:
    Evidence evidence(PassageRange r, std::size_t b1, std::size_t e1, std::size_t b2,
                      std::size_t e2, std::size_t at) {
        if (!m_lines) m_lines = std::make_unique<LineIndex>(m_text);
        const auto [line, column] = m_lines->position(at);
        m_where = format_position(m_source, line, column);
        const auto rel = [&](std::size_t x) { return static_cast<std::uint32_t>(x - r.begin); };
        Evidence e;
        e.text = m_text.substr(r.begin, r.end - r.begin);
        e.where = m_where;
        e.begin = rel(b1);
        e.end = rel(e1);
        if (e2 > 0) {
            e.begin2 = rel(b2);
            e.end2 = rel(e2);
        }
        return e;
    }
    const std::string& m_source;
    std::string_view m_text;
    std::unique_ptr<LineIndex> m_lines;
    std::string m_where;
};

MentionPass::MentionPass(MentionSettings settings, const MatchFolder& folder)
    : m_settings(std::move(settings)), m_gazetteer(folder) {}

void MentionPass::load_entities(const std::function<std::string(std::string_view)>& key_of) {
    if (!m_settings.entities_file.empty())
        m_gazetteer.load_entities(m_settings.entities_file, key_of);
}

void MentionPass::collect(Document& doc, NodeId article,
                          const std::vector<GraphBuilder::NodeRequest>& link_nodes) {
    if (doc.skipped) return;
    ++m_documents;
    // Without a second pass the dictionary is never used: only suspects are gathered.
    const bool dictionary = m_settings.mentions || m_settings.window != CooccurrenceWindow::off;
    if (dictionary) {
        m_gazetteer.add(doc.title, doc.key, NodeKind::article, doc.lang, false);
        for (const std::string& alias : doc.aliases) {
            m_gazetteer.add(alias, doc.key, NodeKind::article, doc.lang, false);
        }
    }
    const bool retaining = keeps_texts() && dictionary;
    m_link_refs.clear();
    for (std::size_t i = 0; i < doc.links.size(); ++i) {
        const ExtractedLink& link = doc.links[i];
        if (link.suspect) {
            m_suspects.push_back(SuspectLink{format_position(doc.source, link.line, link.column),
                                             std::string(link.shown()), std::string(link.key())});
        }
        if (!dictionary || !spottable(link)) continue;
        std::optional<std::uint32_t> surface =
            m_gazetteer.add(link.surface(), link.key(), link.target_kind, link.lang(), true);
        std::optional<std::uint32_t> label = surface;
        if (!link.label().empty() && link.label() != link.surface()) {
            label = m_gazetteer.add(link.label(), link.key(), link.target_kind, link.lang(), true);
        }
        if (!retaining) continue;
        // What the second pass would find for the link's text and label: forms keep their
        // numbers, so the numbers add() gave (or, for an empty text, a lookup) are those.
        if (!surface) surface = m_gazetteer.find(link.surface());
        if (link.label().empty()) {
            label.reset();
        } else if (!label) {
            label = m_gazetteer.find(link.label());
        }
        m_link_refs.push_back(LinkRef{static_cast<std::uint32_t>(link.offset), link_nodes[i].id,
                                      surface.value_or(no_form), label.value_or(no_form)});
    }
    if (!retaining) return;
    m_retained_bytes += doc.text.size() + sizeof(Retained);
    if (m_retained_bytes > m_retain_budget) {
        m_retain_overflow = true;  // pass 2 reads the corpus again
        m_retained = {};
        return;
    }
    Retained kept{article,
                  m_evidence ? doc.source : std::string(),
                  std::move(doc.text),
                  std::move(doc.visible),
                  doc.body_offset,
                  m_link_refs};
    m_retained.push_back(std::move(kept));
}

void MentionPass::add_redirect_alias(std::string_view title, std::string_view key,
                                     std::string_view lang) {
    if (!spots()) return;
    m_gazetteer.add(title, key, NodeKind::article, lang, false);
}

void MentionPass::run(const std::vector<InputFile>& files, ImportOptions options, unsigned threads,
                      GraphBuilder& builder) {
    if (!spots()) return;
    m_ran = true;
    const MentionSpotter spotter(m_gazetteer);
    options.spotter = m_settings.mentions ? &spotter : nullptr;
    options.window = m_settings.window;
    options.suspect_links = false;  // the first pass has counted them
    options.retain_text = false;

    std::vector<Skeleton> docs;
    if (keeps_texts()) {
        // The texts pass 1 kept: spot them on every thread, then take them in order.
        std::vector<std::vector<Candidate>> candidates(m_retained.size());
        std::vector<std::vector<std::uint32_t>> breaks(m_retained.size());
        {
            WorkerPool pool(threads - 1);
            pool.start(m_retained.size(), [&](std::size_t i) {
                const Retained& r = m_retained[i];
                if (options.spotter != nullptr)
                    options.spotter->spot(r.text, r.visible, candidates[i]);
                breaks[i] = window_breaks(r.text, r.body_offset, options.window);
            });
            pool.finish_all();
        }
        docs.reserve(m_retained.size());
        for (std::size_t i = 0; i < m_retained.size(); ++i) {
            const Retained& r = m_retained[i];
            docs.push_back(
                skeleton(r.article, r.links, std::move(candidates[i]), std::move(breaks[i])));
            if (m_evidence) docs.back().retained = &r;  // kept until the edges are made
        }
        if (!m_evidence) m_retained = {};
    } else {
        CorpusReader reader(files, options, threads);
        reader.read([&](Document&& doc) {
            if (doc.skipped) return;  // its problems were reported by the first pass
            const NodeId article = builder.add_node(doc.key, NodeKind::article, doc.lang);
            m_link_refs.clear();
            for (const ExtractedLink& link : doc.links) {
                if (!spottable(link)) continue;
                LinkRef ref{static_cast<std::uint32_t>(link.offset), 0, no_form, no_form};
                if (auto id = m_gazetteer.find(link.surface())) ref.surface_form = *id;
                if (!link.label().empty()) {
                    if (auto id = m_gazetteer.find(link.label())) ref.label_form = *id;
                }
                ref.node = builder.add_node(link.key(), link.target_kind, link.lang());
                m_link_refs.push_back(ref);
            }
            docs.push_back(skeleton(article, m_link_refs, std::move(doc.candidates),
                                    std::move(doc.window_breaks)));
            if (m_evidence) ++m_evidence_skipped;  // its text is not kept: no passages
        });
    }

    const auto& forms = m_gazetteer.forms();
    std::vector<bool> kept(forms.size(), false);
    for (std::size_t i = 0; i < forms.size(); ++i) {
        const FormVerdict v = m_gazetteer.verdict(forms[i], m_settings.filter, m_documents);
        ++m_verdicts[static_cast<std::size_t>(v)];
        kept[i] = v == FormVerdict::kept;
    }
    m_mentions_by_form.assign(forms.size(), 0);
    std::vector<std::pair<std::uint32_t, NodeId>> at;
    for (const Skeleton& doc : docs) {
        at = doc.linked;
        m_mention_ends.clear();
        std::optional<PassageMaker> passages;
        if (m_evidence && doc.retained) passages.emplace(doc.retained->source, doc.retained->text);
        if (m_settings.mentions) {
            const std::string_view article_key = builder.key(doc.article);
            // An article does not mention itself; its own title does not hide the names in it.
            const auto spot = [&](std::uint32_t f) {
                return kept[f] && forms[f].target().key != article_key;
            };
            for (const Candidate& c : select_mentions(doc.candidates, spot)) {
                const GazetteerForm& form = forms[c.form];
                const FormTarget& target = form.target();
                const std::size_t before = builder.node_count();
                const NodeId node = builder.add_node(target.key, target.kind, target.lang);
                if (builder.node_count() > before) builder.add_surface(node, form.surface);
                builder.add_edge(doc.article, node, EdgeKind::mention, 1, doc.article);
                if (passages && m_evidence->wants(article_key, target.key, EdgeKind::mention))
                    m_evidence->add(article_key, target.key, EdgeKind::mention,
                                    passages->make(c.begin, c.end));
                ++m_mentions_by_form[c.form];
                ++m_mentions;
                at.emplace_back(c.begin, node);
                if (passages) m_mention_ends.emplace_back(c.begin, c.end);
            }
        }
        if (m_settings.window != CooccurrenceWindow::off)
            add_cooccurrences(doc, at, builder, passages ? &*passages : nullptr);
    }
    m_retained = {};
}

MentionPass::Skeleton MentionPass::skeleton(NodeId article, const std::vector<LinkRef>& links,
                                            std::vector<Candidate>&& candidates,
                                            std::vector<std::uint32_t>&& breaks) {
    Skeleton s;
    s.article = article;
    std::vector<std::uint32_t>& present = m_present;
    present.clear();
    for (const Candidate& c : candidates) {
        m_gazetteer.count_occurrence(c.form);
        present.push_back(c.form);
    }
    for (const LinkRef& link : links) {
        if (link.surface_form != no_form) present.push_back(link.surface_form);
        if (link.label_form != no_form) present.push_back(link.label_form);
        s.linked.emplace_back(link.offset, link.node);
    }
    m_gazetteer.count_document(present);
    s.candidates = std::move(candidates);
    s.breaks = std::move(breaks);
    return s;
}

void MentionPass::add_cooccurrences(const Skeleton& doc,
                                    std::vector<std::pair<std::uint32_t, NodeId>>& at,
                                    GraphBuilder& builder, PassageMaker* passages) {
    std::sort(at.begin(), at.end());
    std::sort(m_mention_ends.begin(), m_mention_ends.end());
    std::vector<NodeId> window;           // distinct nodes in order of first occurrence
    std::vector<std::uint32_t> first_at;  // where each of them first occurs (with evidence)
    // The end of the name at `offset`: a mention's from the spotter, else a link's markup.
    const auto end_of = [&](std::uint32_t offset) -> std::size_t {
        const auto it = std::lower_bound(m_mention_ends.begin(), m_mention_ends.end(),
                                         std::make_pair(offset, std::uint32_t{0}));
        if (it != m_mention_ends.end() && it->first == offset) return it->second;
        return markup_end(passages->text(), offset);
    };
    bool capped = false;
    auto flush = [&] {
        if (capped) ++m_capped_windows;
        capped = false;
        if (window.size() < 2) return;
        ++m_windows;
        for (std::size_t i = 0; i < window.size(); ++i) {
            for (std::size_t j = i + 1; j < window.size(); ++j) {
                builder.add_undirected_edge(window[i], window[j], EdgeKind::cooccurrence, 1,
                                            doc.article);
                ++m_pairs;
                if (passages == nullptr) continue;
                const std::string_view a = builder.key(window[i]);
                const std::string_view b = builder.key(window[j]);
                if (!m_evidence->wants(a, b, EdgeKind::cooccurrence)) continue;
                m_evidence->add(a, b, EdgeKind::cooccurrence,
                                passages->make_pair(first_at[i], end_of(first_at[i]), first_at[j],
                                                    end_of(first_at[j])));
            }
        }
    };
    std::size_t current = 0;
    for (const auto& [offset, node] : at) {
        const auto w = static_cast<std::size_t>(
            std::upper_bound(doc.breaks.begin(), doc.breaks.end(), offset) - doc.breaks.begin());
        if (w != current) {
            flush();
            window.clear();
            first_at.clear();
            current = w;
        }
        if (node == doc.article) continue;
        if (std::find(window.begin(), window.end(), node) != window.end()) continue;
        if (window.size() == m_settings.max_window_entities) {
            // One list-like paragraph must not make a clique of thousands: the first N only.
            capped = true;
            continue;
        }
        window.push_back(node);
        first_at.push_back(offset);
    }
    flush();
}

std::string MentionPass::summary() const {
    const auto& forms = m_gazetteer.forms();
    std::ostringstream s;
    if (!m_suspects.empty()) {
        std::map<std::string, std::size_t> by_text;
        for (const SuspectLink& l : m_suspects) ++by_text[l.text];
        std::vector<std::pair<std::string, std::size_t>> top(by_text.begin(), by_text.end());
        std::stable_sort(top.begin(), top.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        s << "kgraph: suspect links " << grouped(m_suspects.size())
          << " (their text cuts a word; the edges carry 'suspect', --report FILE lists them):";
        for (std::size_t i = 0; i < std::min<std::size_t>(10, top.size()); ++i) {
            s << (i ? ", " : " ") << top[i].first << ' ' << top[i].second;
        }
        s << '\n';
    }
    if (!m_ran) return s.str();
    if (m_settings.mentions) {
        std::size_t mentioned_forms = 0;
        for (auto n : m_mentions_by_form) mentioned_forms += n > 0;
        s << "kgraph: mentions " << grouped(m_mentions) << " of "
          << counted(mentioned_forms, "form") << "; dictionary " << counted(forms.size(), "form")
          << ", " << grouped(verdicts(FormVerdict::kept)) << " spotted, left out: too short "
          << grouped(verdicts(FormVerdict::too_short)) << ", stop words "
          << grouped(verdicts(FormVerdict::stop_word)) << ", link probability < "
          << m_settings.filter.min_link_probability << ' '
          << grouped(verdicts(FormVerdict::low_link_probability)) << ", document frequency > "
          << m_settings.filter.max_document_frequency << ' '
          << grouped(verdicts(FormVerdict::high_document_frequency)) << ", ambiguous "
          << grouped(verdicts(FormVerdict::ambiguous)) << '\n';
        std::vector<std::uint32_t> order(forms.size());
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return m_mentions_by_form[a] > m_mentions_by_form[b];
        });
        if (m_mentions > 0) s << "kgraph: most mentioned forms (add junk to --stopwords FILE):";
        for (std::size_t i = 0; i < std::min<std::size_t>(10, order.size()); ++i) {
            if (m_mentions_by_form[order[i]] == 0) break;
            const GazetteerForm& f = forms[order[i]];
            s << (i ? ", " : " ") << f.surface << ' ' << grouped(m_mentions_by_form[order[i]])
              << " (link probability " << std::fixed << std::setprecision(2) << f.link_probability()
              << ')';
            s.unsetf(std::ios::fixed);
        }
        if (m_mentions > 0) s << '\n';
    }
    if (m_settings.window != CooccurrenceWindow::off) {
        s << "kgraph: co-occurrence: " << counted(m_pairs, "pair") << " in "
          << counted(m_windows, "window");
        if (m_capped_windows > 0) {
            s << "; " << counted(m_capped_windows, "window") << " had more than "
              << m_settings.max_window_entities
              << " entities and kept the first (--max-window-entities)";
        }
        s << '\n';
    }
    return s.str();
}

}  // namespace kg
