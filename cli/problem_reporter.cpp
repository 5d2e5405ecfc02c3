// ProblemReporter: "path:line:col: warning: message" lines, compiler style.
#include "cli/problem_reporter.hpp"

#include <ostream>

namespace kg::cli {

void ProblemReporter::report(const Problem& problem) {
    const auto kind = static_cast<std::size_t>(problem.kind);
    m_total += 1 + problem.more;
    const bool print = m_counts[kind] < m_max_per_kind;
    m_counts[kind] += 1 + problem.more;
    if (m_strict) throw StrictFailure(problem.format() + " (--strict)");
    if (print) m_out << problem.format() << '\n';
}

std::string ProblemReporter::breakdown() const {
    std::string out;
    for (std::size_t k = 0; k < problem_kind_count; ++k) {
        if (m_counts[k] == 0) continue;
        if (!out.empty()) out += ", ";
        out +=
            std::string(to_string(static_cast<ProblemKind>(k))) + ' ' + std::to_string(m_counts[k]);
    }
    return out;
}

std::string ProblemReporter::unprinted() const {
    std::string out;
    for (std::size_t k = 0; k < problem_kind_count; ++k) {
        if (m_counts[k] <= m_max_per_kind) continue;
        out += "kgraph: … and " + std::to_string(m_counts[k] - m_max_per_kind) + " more '" +
               std::string(to_string(static_cast<ProblemKind>(k))) +
               "' not shown (use --max-reports N to see more)\n";
    }
    return out;
}

}  // namespace kg::cli
