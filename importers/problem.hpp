// Problem: one recoverable defect found in an input (bad byte, unclosed link, binary file).
// Importers collect them per document; the CLI reports them (first N per kind) and counts them
// in the summary; --strict turns any of them into exit code 1.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "base/strings.hpp"

namespace kg {

enum class ProblemKind : unsigned char {
    invalid_utf8,
    unclosed_link,
    empty_link,
    long_target,
    unclosed_comment,
    binary_file,
    unreadable_file,
    duplicate_key,
    bad_record,    ///< a JSON line that is no page object, a wiki page without a title
    broken_input,  ///< malformed XML, a truncated dump, corrupt compression: the rest is lost
    redirect_loop,
    nul_byte,        ///< a NUL byte in text (after the first 8 KiB of a file, or in JSON)
    wiki_in_folder,  ///< dumps or JSON lines inside an input folder: read only when named
    too_large,       ///< a page, JSON line or article file over --max-page-mb: skipped
};
inline constexpr std::size_t problem_kind_count = 14;

constexpr std::string_view to_string(ProblemKind kind) {
    constexpr std::array<std::string_view, problem_kind_count> names{
        "invalid UTF-8",    "unclosed wiki-link",
        "empty wiki-link",  "wiki-link target too long",
        "unclosed comment", "binary file skipped",
        "unreadable file",  "duplicate article key",
        "bad record",       "broken input",
        "redirect loop",    "NUL byte",
        "dump in a folder", "too large"};
    return names[static_cast<std::size_t>(kind)];
}

struct Problem {
    ProblemKind kind{};
    std::string source;      ///< file path as the user named it, or "<stdin>"
    std::size_t line = 0;    ///< 1-based; 0 when the problem concerns the whole file
    std::size_t column = 0;  ///< 1-based, in Unicode code points; 0 when unknown
    std::string message;     ///< what was expected and what was found
    /// As many more problems of this kind in this input, not itemized (past --max-reports a
    /// kind: they are counted, not kept).
    std::size_t more = 0;

    /// Compiler-style text: `path:line:col: message` (line and column omitted when 0).
    std::string format() const { return format_position(source, line, column) + ": " + message; }
};

/// Where problems go as they are found, in input order. The CLI's ProblemReporter prints and
/// counts them; under --strict its report() throws, which ends the run.
class ProblemSink {
public:
    virtual ~ProblemSink() = default;
    virtual void report(const Problem& problem) = 0;
};

}  // namespace kg
