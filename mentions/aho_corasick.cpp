// AhoCorasick construction: the trie in flat arrays, then breadth-first failure links, then
// the table rows.
#include "mentions/aho_corasick.hpp"

#include <algorithm>
#include <deque>
#include <limits>

namespace kg {

namespace {
constexpr std::uint32_t no_pattern = std::numeric_limits<std::uint32_t>::max();
}

AhoCorasick::AhoCorasick(const std::vector<std::string>& patterns, std::size_t max_table_entries) {
    // The trie from the patterns in sorted order: each shares a prefix with the one before
    // and adds states for the rest, so every state's children come out in label order; the
    // edges are then grouped by parent (a counting sort) into the flat arrays.
    m_length.reserve(patterns.size());
    for (const std::string& p : patterns) m_length.push_back(static_cast<std::uint32_t>(p.size()));
    std::vector<std::uint32_t> order(patterns.size());
    for (std::uint32_t id = 0; id < order.size(); ++id) order[id] = id;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return patterns[a] < patterns[b]; });
    struct Edge {
        std::uint32_t parent;
        std::uint32_t child;
        unsigned char label;
    };
    std::vector<Edge> edges;
    m_pattern_of.assign(1, no_pattern);
    std::vector<std::uint32_t> path{0};  // states along the previous pattern
    const std::string* previous = nullptr;
    for (const std::uint32_t id : order) {
        const std::string& p = patterns[id];
        if (p.empty()) continue;
        std::size_t shared = 0;
        if (previous != nullptr) {
            const std::size_t limit = std::min(previous->size(), p.size());
            while (shared < limit && (*previous)[shared] == p[shared]) ++shared;
        }
        path.resize(shared + 1);
        for (std::size_t k = shared; k < p.size(); ++k) {
            const auto created = static_cast<std::uint32_t>(m_pattern_of.size());
            m_pattern_of.push_back(no_pattern);
            edges.push_back(Edge{path.back(), created, static_cast<unsigned char>(p[k])});
            path.push_back(created);
        }
        // Duplicates: the first id wins (the sort is stable).
        if (m_pattern_of[path.back()] == no_pattern) m_pattern_of[path.back()] = id;
        previous = &p;
    }
    const std::size_t n = m_pattern_of.size();
    m_edge_begin.assign(n + 1, 0);
    for (const Edge& e : edges) ++m_edge_begin[e.parent + 1];
    for (std::size_t s = 0; s < n; ++s) m_edge_begin[s + 1] += m_edge_begin[s];
    m_labels.resize(edges.size());
    m_label_targets.resize(edges.size());
    std::vector<std::uint32_t> fill(m_edge_begin.begin(), m_edge_begin.end() - 1);
    for (const Edge& e : edges) {  // in creation order: a parent's children in label order
        const std::uint32_t at = fill[e.parent]++;
        m_labels[at] = e.label;
        m_label_targets[at] = e.child;
    }
    m_root.assign(256, 0);
    for (std::uint32_t k = m_edge_begin[0]; k < m_edge_begin[1]; ++k)
        m_root[m_labels[k]] = m_label_targets[k];

    m_fail.assign(n, 0);
    m_output_state.assign(n, 0);
    m_output_link.assign(n, 0);
    std::deque<std::uint32_t> queue;
    for (std::uint32_t k = m_edge_begin[0]; k < m_edge_begin[1]; ++k)
        queue.push_back(m_label_targets[k]);
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
        for (std::uint32_t k = m_edge_begin[r]; k < m_edge_begin[r + 1]; ++k) {
            const std::uint32_t u = m_label_targets[k];
            queue.push_back(u);
            m_fail[u] = r == 0 ? 0 : next(m_fail[r], m_labels[k]);
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
    if (states > payload_mask) return;
    // Full-table entries are offsets into the table, with the top bit for output.
    m_full = states * classes <= max_entries && states * classes < output_bit;
    std::size_t rows = m_full ? states : std::min(states, max_entries / classes);
    // A partial table's row offsets must fit beside its two flag bits.
    rows = std::min<std::size_t>(rows, payload_mask / classes);
    if (rows == 0) return;
    // Rows go breadth first, to the first `rows` states in that order: the shallowest.
    m_row_of.assign(states, no_row);
    m_state_of_row.assign(1, 0);
    m_row_of[0] = 0;
    for (std::size_t head = 0; head < m_state_of_row.size() && m_state_of_row.size() < rows;
         ++head) {
        const std::uint32_t s = m_state_of_row[head];
        for (std::uint32_t k = m_edge_begin[s];
             k < m_edge_begin[s + 1] && m_state_of_row.size() < rows; ++k) {
            m_row_of[m_label_targets[k]] = static_cast<std::uint32_t>(m_state_of_row.size());
            m_state_of_row.push_back(m_label_targets[k]);
        }
    }
    // A full table's entries say where rows start, a partial one's name states.
    auto entry = [&](std::uint32_t t) {
        return m_full ? m_row_of[t] * classes | (m_output_state[t] != 0 ? output_bit : 0)
                      : partial_entry(t);
    };
    m_rows.assign(m_state_of_row.size() * classes, 0);
    // A state's row is its failure state's row (made before it, being shallower) with the
    // state's own edges written over it.
    for (std::size_t r = 0; r < m_state_of_row.size(); ++r) {
        const std::uint32_t s = m_state_of_row[r];
        std::uint32_t* row = m_rows.data() + r * classes;
        if (s == 0) {
            for (std::size_t b = 0; b < 256; ++b)
                if (used[b]) row[m_class[b]] = entry(m_root[b]);
        } else {
            const std::uint32_t* fail_row =
                m_rows.data() + std::size_t{m_row_of[m_fail[s]]} * classes;
            std::copy(fail_row, fail_row + classes, row);
        }
        for (std::uint32_t k = m_edge_begin[s]; k < m_edge_begin[s + 1]; ++k)
            row[m_class[m_labels[k]]] = entry(m_label_targets[k]);
    }
}

}  // namespace kg
