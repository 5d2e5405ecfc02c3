// MentionSpotter: fold, match, check word boundaries (WordBoundaries) around each candidate
// only. Called by ArticleImporter through ImportOptions::spotter during the mention pass.
#include "mentions/mention_spotter.hpp"

#include <algorithm>

#include "importers/text/word_boundaries.hpp"

namespace kg {
namespace {

std::vector<std::string> folded_forms(const Gazetteer& gazetteer) {
    std::vector<std::string> patterns;
    patterns.reserve(gazetteer.forms().size());
    for (const GazetteerForm& form : gazetteer.forms()) patterns.push_back(form.folded);
    return patterns;
}

}  // namespace

MentionSpotter::MentionSpotter(const Gazetteer& gazetteer)
    : m_gazetteer(gazetteer), m_automaton(folded_forms(gazetteer)) {}

void MentionSpotter::spot(std::string_view text, const Ranges& visible,
                          std::vector<Candidate>& out) const {
    const std::size_t first = out.size();
    // Every range folded into one text, then matched in one call, range by range.
    thread_local FoldedText folded;
    thread_local std::vector<std::uint32_t> bounds;  // where each range's folded text starts
    folded.clear();
    bounds.clear();
    for (const auto& [from, to] : visible) {
        bounds.push_back(static_cast<std::uint32_t>(folded.text.size()));
        m_gazetteer.folder().fold(text, from, to, folded);
    }
    bounds.push_back(static_cast<std::uint32_t>(folded.text.size()));
    thread_local WordBoundaries boundaries({}, 0, 0);
    std::size_t range = 0;
    bool fresh = true;
    // Matches come in order of end, so range by range.
    m_automaton.find_all_segments(
        folded.text, bounds, [&](std::size_t b, std::size_t e, std::uint32_t id) {
            while (bounds[range + 1] <= b) {
                ++range;
                fresh = true;
            }
            const auto [from, to] = visible[range];
            if (fresh) {
                boundaries.reset(text, from, to);
                fresh = false;
            }
            // Both ends must fall between the folded forms of whole code points; the end of a
            // range is its own (the next range's text starts at the same folded offset).
            const bool at_end = e == bounds[range + 1];
            if (folded.inside_code_point(b) || (!at_end && folded.inside_code_point(e))) return;
            const std::uint32_t begin = folded.origin(b);
            const std::uint32_t end = at_end ? static_cast<std::uint32_t>(to) : folded.origin(e);
            if (!boundaries.at(begin) || !boundaries.at(end)) return;
            out.push_back(Candidate{begin, end, id});
        });
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
              [](const Candidate& a, const Candidate& b) {
                  return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
              });
}

}  // namespace kg
