// MentionSpotter: finds the gazetteer's forms in the running text of an article. Text is
// folded (MatchFolder) and scanned by an Aho–Corasick automaton; every match must start and
// end on a word boundary of ICU's word segmentation (dictionary-based for Chinese and
// Japanese), checked only around candidates, so "apple" is not in "pineapple" and 天机 is not
// in 聊天机器人, while 在Kestrel的 and iPhone手机 work. Thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "importers/document.hpp"
#include "mentions/aho_corasick.hpp"
#include "mentions/gazetteer.hpp"

namespace kg {

class MentionSpotter : public CandidateFinder {
public:
    /// Matches every form of `gazetteer` (which must outlive the spotter).
    explicit MentionSpotter(const Gazetteer& gazetteer);

    /// Appends every boundary-valid occurrence (overlaps included) of every form inside the
    /// `visible` ranges of `text`, sorted by begin, then longest first.
    void spot(std::string_view text, const Ranges& visible,
              std::vector<Candidate>& out) const override;

    const Gazetteer& gazetteer() const noexcept { return m_gazetteer; }

private:
    const Gazetteer& m_gazetteer;
    AhoCorasick m_automaton;
};

/// Leftmost-longest, non-overlapping choice among `candidates` (sorted as spot() leaves
/// them) of those whose form passes `keep`.
template <typename Keep>
std::vector<Candidate> select_mentions(const std::vector<Candidate>& candidates, Keep&& keep) {
    std::vector<Candidate> chosen;
    std::uint32_t covered = 0;
    for (const Candidate& c : candidates) {
        if (c.begin < covered || !keep(c.form)) continue;
        chosen.push_back(c);
        covered = c.end;
    }
    return chosen;
}

}  // namespace kg
