// LineIndex: byte offset -> (line, column) for messages. Lines end at LF (a CR before it is part
// of the line end); columns count Unicode code points, 1-based, so CJK text points at the
// right character. Built lazily by importers only when a problem must be reported; one
// instance per document, not shared between threads.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace kg {

class LineIndex {
public:
    explicit LineIndex(std::string_view text);

    /// 1-based line and column of byte `offset` (clamped to the end of the text).
    std::pair<std::size_t, std::size_t> position(std::size_t offset) const;

private:
    std::string_view m_text;
    std::vector<std::size_t> m_line_starts;
    mutable std::size_t m_last_line = 0;  // memo of the last answer (not thread-shared)
    mutable std::size_t m_last_offset = 0;
    mutable std::size_t m_last_column = 1;
};

}  // namespace kg
