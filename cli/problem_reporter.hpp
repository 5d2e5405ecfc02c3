// ProblemReporter: prints input problems on stderr as they arrive — the first few of each kind,
// then only counts — and totals them for the summary. Under --strict the first problem ends
// the run (StrictFailure, exit 1).
#pragma once

#include <array>
#include <cstddef>
#include <iosfwd>
#include <string>

#include "base/error.hpp"
#include "importers/problem.hpp"

namespace kg::cli {

/// Thrown under --strict at the first problem; the message is the problem itself.
class StrictFailure : public Error {
public:
    using Error::Error;
};

class ProblemReporter : public ProblemSink {
public:
    ProblemReporter(std::ostream& out, std::size_t max_per_kind, bool strict)
        : m_out(out), m_max_per_kind(max_per_kind), m_strict(strict) {}

    /// Reports one problem. Throws StrictFailure under --strict.
    void report(const Problem& problem) override;

    std::size_t total() const noexcept { return m_total; }
    std::size_t count(ProblemKind kind) const noexcept {
        return m_counts[static_cast<std::size_t>(kind)];
    }
    /// "unclosed wiki-link 2, invalid UTF-8 1" (kinds with a count, in enum order).
    std::string breakdown() const;
    /// Lines saying how many of each kind were not printed ("… and 12 more …").
    std::string unprinted() const;

private:
    std::ostream& m_out;
    std::size_t m_max_per_kind;
    bool m_strict;
    std::size_t m_total = 0;
    std::array<std::size_t, problem_kind_count> m_counts{};
};

}  // namespace kg::cli
