// AhoCorasick: a byte-level multi-pattern matcher (Aho and Corasick 1975): one pass over the
// text reports every occurrence of every pattern, overlapping ones included. Small automata
// become a full transition table over byte classes (one load a byte); large ones get table rows
// for their shallow states and keep the deeper states' transitions sorted in flat arrays,
// following failure links up to a state with a row. Output links are precomputed. Used by the
// mention spotter on folded text. Immutable and thread-safe once built.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

class AhoCorasick {
public:
    /// Builds the automaton; pattern i is reported with id i. Empty patterns are ignored.
    /// It becomes a full table when that has at most `max_table_entries` entries; else that
    /// many entries go to rows for the shallowest states.
    explicit AhoCorasick(const std::vector<std::string>& patterns,
                         std::size_t max_table_entries = std::size_t{1} << 22);

    /// Calls `report(begin, end, id)` for every occurrence, in order of `end` (and, for one
    /// end, longest pattern first).
    template <typename Report>
    void find_all(std::string_view text, Report&& report) const {
        std::uint32_t state = 0;
        if (m_full) {
            scan_full(text, report);
            return;
        }
        if (m_row_of.empty()) {  // no table at all
            for (std::size_t i = 0; i < text.size(); ++i) {
                state = next(state, static_cast<unsigned char>(text[i]));
                report_at(state, i, report);
            }
            return;
        }
        // Large dictionaries: table rows for the shallow states only (partial_next()).
        std::uint32_t entry = row_bit;  // the root's row, at offset 0
        for (std::size_t i = 0; i < text.size(); ++i) {
            entry = partial_next(entry, static_cast<unsigned char>(text[i]));
            if (entry & output_bit) report_partial(entry, i, report);
        }
    }

    /// find_all() over each segment [bounds[k], bounds[k + 1]) of `text` on its own (no match
    /// spans two), reporting offsets in `text`, in order of end. With table rows, the first
    /// and the second half of the segments are scanned side by side: two independent chains of
    /// loads, so the core overlaps them (the second half's matches wait in a buffer).
    template <typename Report>
    void find_all_segments(std::string_view text, const std::vector<std::uint32_t>& bounds,
                           Report&& report) const {
        if (bounds.size() < 2) return;
        const std::size_t segments = bounds.size() - 1;
        if ((!m_full && m_row_of.empty()) || segments < 2) {
            for (std::size_t k = 0; k < segments; ++k) {
                const std::size_t from = bounds[k];
                find_all(text.substr(from, bounds[k + 1] - from),
                         [&](std::size_t b, std::size_t e, std::uint32_t id) {
                             report(from + b, from + e, id);
                         });
            }
            return;
        }
        // The split: the first segment boundary at or past the middle byte.
        const std::size_t middle = bounds.front() + (bounds.back() - bounds.front()) / 2;
        std::size_t split = 1;
        while (split < segments - 1 && bounds[split] < middle) ++split;
        thread_local std::vector<Match> later;
        later.clear();
        Stream a(bounds, 0, split);
        Stream b(bounds, split, segments);
        const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
        auto report_now = [&](std::size_t begin, std::size_t end, std::uint32_t id) {
            report(begin, end, id);
        };
        auto report_later = [&](std::size_t begin, std::size_t end, std::uint32_t id) {
            later.push_back(Match{begin, end, id});
        };
        if (m_full)
            scan_pair<true>(a, b, bytes, report_now, report_later);
        else
            scan_pair<false>(a, b, bytes, report_now, report_later);
        for (const Match& m : later) report(m.begin, m.end, m.id);
        if (m_full)
            while (b.i < b.end) step<true>(b, bytes, report_now);
        else
            while (b.i < b.end) step<false>(b, bytes, report_now);
    }

    std::size_t state_count() const noexcept { return m_pattern_of.size(); }
    /// True when the automaton is a full table (small dictionaries).
    bool dense() const noexcept { return m_full; }
    /// States with a table row (all of them when dense()).
    std::size_t rows() const noexcept {
        return m_rows.size() / std::max<std::size_t>(m_class_count, 1);
    }

private:
    static constexpr std::uint32_t output_bit = 0x80000000U;
    // A partial table's entries: the offset of the state's row with row_bit, or the state.
    static constexpr std::uint32_t row_bit = 0x40000000U;
    static constexpr std::uint32_t payload_mask = 0x3FFFFFFFU;
    std::uint32_t partial_entry(std::uint32_t state) const {
        const std::uint32_t row = m_row_of[state];
        return (row != no_row ? row * m_class_count | row_bit : state) |
               (m_output_state[state] != 0 ? output_bit : 0);
    }

    // One load a byte: the full transition table over byte classes, rows in breadth-first
    // order (the shallow states, where the text spends most of its time, close together). An
    // entry is where the row reached starts in the table, with output_bit set when its state
    // ends a pattern: no multiplication between one load and the next.
    template <typename Report>
    void scan_full(std::string_view text, Report& report) const {
        const std::uint32_t* rows = m_rows.data();
        const std::uint32_t* classes = m_class;
        const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
        std::uint32_t row = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const std::uint32_t entry = rows[row + classes[bytes[i]]];
            row = entry & ~output_bit;
            if (entry & output_bit) report_at(m_state_of_row[row / m_class_count], i, report);
        }
    }

    // A partial table's step: from a state with a row, one load, as in a full table; below
    // them the sorted edges and failure links, up to a state with a row.
    std::uint32_t partial_next(std::uint32_t entry, unsigned char byte) const {
        if (entry & row_bit) return m_rows[(entry & payload_mask) + m_class[byte]];
        std::uint32_t state = entry & payload_mask;
        for (;;) {
            const std::uint32_t target = edge(state, byte);
            if (target != 0) return partial_entry(target);
            state = m_fail[state];
            const std::uint32_t row = m_row_of[state];
            if (row != no_row) return m_rows[std::size_t{row} * m_class_count + m_class[byte]];
        }
    }
    template <typename Report>
    void report_partial(std::uint32_t entry, std::size_t i, Report& report) const {
        const std::uint32_t payload = entry & payload_mask;
        report_at(entry & row_bit ? m_state_of_row[payload / m_class_count] : payload, i, report);
    }

    struct Match {
        std::size_t begin;
        std::size_t end;
        std::uint32_t id;
    };
    // A scan over segments [first, last) of find_all_segments(): its place, its entry (a full
    // table's row offset, or a partial_entry()), and where its next segment starts (the entry
    // goes back to the root's there).
    struct Stream {
        Stream(const std::vector<std::uint32_t>& segment_bounds, std::size_t first,
               std::size_t last_segment)
            : bounds(segment_bounds),
              next_segment(first + 1),
              last(last_segment),
              i(segment_bounds[first]),
              end(segment_bounds[last_segment]) {}
        const std::vector<std::uint32_t>& bounds;
        std::size_t next_segment;
        std::size_t last;
        std::size_t i;
        std::size_t end;
        std::uint32_t row = 0;
    };
    template <bool Full, typename Report>
    void step(Stream& s, const unsigned char* bytes, Report& report) const {
        while (s.next_segment < s.last && s.i == s.bounds[s.next_segment]) {
            s.row = Full ? 0 : row_bit;
            ++s.next_segment;
        }
        if constexpr (Full) {
            const std::uint32_t entry = m_rows[s.row + m_class[bytes[s.i]]];
            s.row = entry & ~output_bit;
            if (entry & output_bit) report_at(m_state_of_row[s.row / m_class_count], s.i, report);
        } else {
            s.row = partial_next(s.row, bytes[s.i]);
            if (s.row & output_bit) report_partial(s.row, s.i, report);
        }
        ++s.i;
    }
    template <bool Full, typename Now, typename Later>
    void scan_pair(Stream& a, Stream& b, const unsigned char* bytes, Now& now, Later& later) const {
        if constexpr (!Full) a.row = b.row = row_bit;
        while (a.i < a.end && b.i < b.end) {
            step<Full>(a, bytes, now);
            step<Full>(b, bytes, later);
        }
        while (a.i < a.end) step<Full>(a, bytes, now);
    }

    template <typename Report>
    void report_at(std::uint32_t state, std::size_t i, Report& report) const {
        for (std::uint32_t s = m_output_state[state]; s != 0; s = m_output_link[s]) {
            const std::uint32_t id = m_pattern_of[s];
            report(i + 1 - m_length[id], i + 1, id);
        }
    }
    void build_rows(std::size_t max_entries);

    // The state's own edge by `byte`, or 0 (the root is no state's child).
    std::uint32_t edge(std::uint32_t state, unsigned char byte) const {
        if (state == 0) return m_root[byte];
        const std::uint32_t* b = m_label_targets.data() + m_edge_begin[state];
        const unsigned char* labels = m_labels.data() + m_edge_begin[state];
        const std::uint32_t n = m_edge_begin[state + 1] - m_edge_begin[state];
        for (std::uint32_t k = 0; k < n; ++k) {
            if (labels[k] == byte) return b[k];
            if (labels[k] > byte) break;
        }
        return 0;
    }

    std::uint32_t next(std::uint32_t state, unsigned char byte) const {
        while (true) {
            if (state == 0) return m_root[byte];
            if (const std::uint32_t t = edge(state, byte)) return t;
            state = m_fail[state];
        }
    }

    std::vector<std::uint32_t> m_root;        // 256 transitions of the root
    std::vector<std::uint32_t> m_edge_begin;  // per state, into m_labels/m_label_targets
    std::vector<unsigned char> m_labels;      // sorted per state
    std::vector<std::uint32_t> m_label_targets;
    std::vector<std::uint32_t> m_fail;
    std::vector<std::uint32_t> m_pattern_of;    // pattern ending at the state, or none
    std::vector<std::uint32_t> m_output_state;  // the state itself if it ends a pattern,
                                                // else the nearest on its failure chain
    std::vector<std::uint32_t> m_output_link;   // next state with output on the chain
    std::vector<std::uint32_t> m_length;        // pattern lengths by id
    // Table rows over byte classes (bytes that occur in no pattern share one class), breadth
    // first. With m_full, every state's row, and entries are (row * classes) | output_bit,
    // m_state_of_row saying whose row it is; else rows for the shallowest states (as many as
    // fit), found through m_row_of, and entries are partial_entry()s.
    static constexpr std::uint32_t no_row = 0xFFFFFFFFU;
    std::vector<std::uint32_t> m_rows;
    std::vector<std::uint32_t> m_row_of;
    std::vector<std::uint32_t> m_state_of_row;
    bool m_full = false;
    std::uint32_t m_class[256] = {};
    std::uint32_t m_class_count = 1;
};

}  // namespace kg
