// EvidenceIndex: passages by edge, texts in an arena.
#include "graph/evidence.hpp"

namespace kg {

std::string EvidenceIndex::map_key(std::string_view source, std::string_view target,
                                   EdgeKind kind) {
    if (kind == EdgeKind::cooccurrence && target < source) std::swap(source, target);
    std::string key;
    key.reserve(source.size() + target.size() + 2);
    key += static_cast<char>(kind);
    key += source;
    key += '\0';
    key += target;
    return key;
}

bool EvidenceIndex::wants(std::string_view source, std::string_view target, EdgeKind kind) const {
    if (m_per_edge == 0) return false;
    const auto it = m_map.find(map_key(source, target, kind));
    return it == m_map.end() || it->second.size() < m_per_edge;
}

void EvidenceIndex::add(std::string_view source, std::string_view target, EdgeKind kind,
                        const Evidence& e) {
    if (m_per_edge == 0) return;
    const std::string key = map_key(source, target, kind);
    auto [it, added] = m_map.try_emplace(key);
    if (added) m_order.push_back(key);
    if (it->second.size() >= m_per_edge) return;
    Evidence kept = e;
    kept.text = m_texts.add(e.text);
    kept.where = m_texts.add(e.where);
    it->second.push_back(kept);
    ++m_passages;
}

const std::vector<Evidence>* EvidenceIndex::find(std::string_view source, std::string_view target,
                                                 EdgeKind kind) const {
    const auto it = m_map.find(map_key(source, target, kind));
    return it == m_map.end() ? nullptr : &it->second;
}

std::size_t EvidenceIndex::bytes() const noexcept {
    std::size_t keys = 0;
    for (const std::string& k : m_order) keys += 2 * (k.size() + sizeof(std::string));
    return m_texts.capacity() + keys + m_passages * sizeof(Evidence) +
           m_map.size() * (sizeof(std::vector<Evidence>) + 32);
}

}  // namespace kg
