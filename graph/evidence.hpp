// Evidence: the text behind an edge — up to K passages per (source, target, kind), the first K
// the build meets in document order (so the same for any thread count), each with where it
// was found and the span of the matched name(s). Filled by the pipeline and the mention pass
// (--evidence K), read by the writers by the edge's keys (so it survives any reduction).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/text_arena.hpp"
#include "graph/graph_types.hpp"

namespace kg {

struct Evidence {
    std::string_view text;   ///< the passage (valid UTF-8; its sentence, at most ~240 bytes)
    std::string_view where;  ///< "path:line:column" (or the dump's page position) of the match
    std::uint32_t begin = 0, end = 0;    ///< the matched name in `text` (bytes)
    std::uint32_t begin2 = 0, end2 = 0;  ///< co-occurrence: the other name (else both 0)
};

class EvidenceIndex {
public:
    explicit EvidenceIndex(unsigned per_edge) : m_per_edge(per_edge) {}
    EvidenceIndex(const EvidenceIndex&) = delete;
    EvidenceIndex& operator=(const EvidenceIndex&) = delete;

    unsigned per_edge() const noexcept { return m_per_edge; }
    /// True while the edge has fewer than per_edge() passages. Co-occurrence edges are
    /// undirected: either order of the keys names the same edge.
    bool wants(std::string_view source, std::string_view target, EdgeKind kind) const;
    /// Keeps a copy of `e` (its texts) when the edge wants more; else does nothing.
    void add(std::string_view source, std::string_view target, EdgeKind kind, const Evidence& e);
    /// The passages of an edge, in the order they were added (nullptr: none).
    const std::vector<Evidence>* find(std::string_view source, std::string_view target,
                                      EdgeKind kind) const;
    std::size_t edges() const noexcept { return m_map.size(); }
    std::size_t passages() const noexcept { return m_passages; }
    /// Bytes held (texts and entries), for the summary and bench/.
    std::size_t bytes() const noexcept;
    /// Moves every edge to the keys `rekey` gives its ends (wiki redirects, resolved after the
    /// first pass); passages of edges that meet are merged in the order added, up to K.
    template <typename Rekey>
    void rekey(Rekey rekey);

private:
    static std::string map_key(std::string_view source, std::string_view target, EdgeKind kind);
    unsigned m_per_edge;
    std::unordered_map<std::string, std::vector<Evidence>> m_map;
    std::vector<std::string> m_order;  // map keys in order of first passage (for rekey)
    TextArena m_texts;
    std::size_t m_passages = 0;
};

template <typename Rekey>
void EvidenceIndex::rekey(Rekey rekey) {
    std::unordered_map<std::string, std::vector<Evidence>> old;
    old.swap(m_map);
    std::vector<std::string> order;
    order.swap(m_order);
    m_passages = 0;
    for (const std::string& k : order) {
        const auto kind = static_cast<EdgeKind>(static_cast<unsigned char>(k[0]));
        const std::size_t split = k.find('\0', 1);
        const std::string source = rekey(std::string_view(k).substr(1, split - 1));
        const std::string target = rekey(std::string_view(k).substr(split + 1));
        for (const Evidence& e : old[k]) {
            const std::string key = map_key(source, target, kind);
            auto [it, added] = m_map.try_emplace(key);
            if (added) m_order.push_back(key);
            if (it->second.size() < m_per_edge) {
                it->second.push_back(e);  // the texts stay in the arena
                ++m_passages;
            }
        }
    }
}

}  // namespace kg
