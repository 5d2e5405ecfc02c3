// AhoCorasick construction: trie, then breadth-first failure links, then flat arrays.
#include "importers/aho_corasick.hpp"

#include <algorithm>
#include <deque>
#include <limits>
#include <map>

namespace kg {

namespace {
constexpr std::uint32_t no_pattern = std::numeric_limits<std::uint32_t>::max();
}

AhoCorasick::AhoCorasick(const std::vector<std::string>& patterns, std::size_t max_table_entries) {
    // Trie with sorted children (std::map keeps labels ordered for the flat arrays).
    std::vector<std::map<unsigned char, std::uint32_t>> children(1);
    m_pattern_of.assign(1, no_pattern);
    m_length.reserve(patterns.size());
    for (std::uint32_t id = 0; id < patterns.size(); ++id) {
        const std::string& p = patterns[id];
        m_length.push_back(static_cast<std::uint32_t>(p.size()));
        if (p.empty()) continue;
        std::uint32_t s = 0;
        for (char ch : p) {
            const auto byte = static_cast<unsigned char>(ch);
            auto it = children[s].find(byte);
            if (it == children[s].end()) {
                const auto created = static_cast<std::uint32_t>(children.size());
                children[s].emplace(byte, created);
                children.emplace_back();
                m_pattern_of.push_back(no_pattern);
                s = created;
            } else {
                s = it->second;
            }
        }
        // Duplicates: the first id wins.
        if (m_pattern_of[s] == no_pattern) m_pattern_of[s] = id;
    }
    const std::size_t n = children.size();
    m_edge_begin.assign(n + 1, 0);
    for (std::size_t s = 0; s < n; ++s) {
        m_edge_begin[s + 1] = m_edge_begin[s] + static_cast<std::uint32_t>(children[s].size());
    }
    m_labels.reserve(m_edge_begin[n]);
    m_label_targets.reserve(m_edge_begin[n]);
    for (std::size_t s = 0; s < n; ++s) {
        for (const auto& [label, target] : children[s]) {
            m_labels.push_back(label);
            m_label_targets.push_back(target);
        }
    }
    m_root.assign(256, 0);
    for (const auto& [label, target] : children[0]) m_root[label] = target;

    m_fail.assign(n, 0);
    m_output_state.assign(n, 0);
    m_output_link.assign(n, 0);
    std::deque<std::uint32_t> queue;
    for (const auto& [label, target] : children[0]) queue.push_back(target);
    while (!queue.empty()) {
        const std::uint32_t r = queue.front();
        queue.pop_front();
        // Output: this state if it ends a pattern, then the chain of its failure state.
        const std::uint32_t f = m_fail[r];
        const std::uint32_t inherited = m_output_state[f];
        if (m_pattern_of[r] != no_pattern) {
            m_output_state[r] = r;
            m_output_link[r] = inherited;
        } else {
            m_output_state[r] = inherited;
        }
        for (const auto& [label, u] : children[r]) {
            queue.push_back(u);
            m_fail[u] = r == 0 ? 0 : next(m_fail[r], label);
            if (m_fail[u] == u) m_fail[u] = 0;
        }
    }
    // State 0 never reports.
    m_output_state[0] = 0;
    build_rows(max_table_entries);
}

void AhoCorasick::build_rows(std::size_t max_entries) {
    std::vector<bool> used(256, false);
    for (unsigned char label : m_labels) used[label] = true;
    for (std::size_t b = 0; b < 256; ++b)
        if (m_root[b] != 0) used[b] = true;
    std::uint32_t classes = 1;  // class 0: bytes of no pattern
    for (std::size_t b = 0; b < 256; ++b) m_class[b] = used[b] ? classes++ : 0;
    m_class_count = classes;
    const std::size_t states = m_pattern_of.size();
    if (states >= output_bit) return;
    m_full = states * classes <= max_entries;
    const std::size_t rows = m_full ? states : max_entries / classes;
    if (rows == 0) return;
    m_rows.assign(rows * classes, 0);
    m_row_of.assign(states, no_row);
    auto entry = [&](std::uint32_t t) { return t | (m_output_state[t] != 0 ? output_bit : 0); };
    // Breadth first, a state's row is its failure state's row (already made, being shallower)
    // with the state's own edges written over it. Without a full table, rows go to the first
    // states in that order: the shallowest.
    std::vector<std::uint32_t> queue{0};
    std::uint32_t given = 0;
    for (std::size_t head = 0; head < queue.size() && given < rows; ++head) {
        const std::uint32_t s = queue[head];
        const std::uint32_t row_index = m_full ? s : given;
        ++given;
        m_row_of[s] = row_index;
        std::uint32_t* row = m_rows.data() + std::size_t{row_index} * classes;
        if (s == 0) {
            for (std::size_t b = 0; b < 256; ++b)
                if (used[b]) row[m_class[b]] = entry(m_root[b]);
        } else {
            const std::uint32_t* fail_row =
                m_rows.data() + std::size_t{m_row_of[m_fail[s]]} * classes;
            std::copy(fail_row, fail_row + classes, row);
        }
        for (std::uint32_t k = m_edge_begin[s]; k < m_edge_begin[s + 1]; ++k) {
            row[m_class[m_labels[k]]] = entry(m_label_targets[k]);
            queue.push_back(m_label_targets[k]);
        }
    }
}

}  // namespace kg
