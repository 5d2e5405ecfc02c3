// LineIndex: one pass to find line starts; binary search per lookup.
#include "importers/line_index.hpp"

#include <algorithm>

namespace kg {

LineIndex::LineIndex(std::string_view text) : m_text(text) {
    m_line_starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') m_line_starts.push_back(i + 1);
    }
}

std::pair<std::size_t, std::size_t> LineIndex::position(std::size_t offset) const {
    offset = std::min(offset, m_text.size());
    auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - m_line_starts.begin());
    std::size_t from = *(it - 1);
    std::size_t column = 1;
    // Problems come in offset order: go on from the last answer on the same line instead of
    // recounting a long line from its start for each one.
    if (m_last_line == line && m_last_offset <= offset) {
        from = m_last_offset;
        column = m_last_column;
    }
    for (std::size_t i = from; i < offset; ++i) {
        // Count code points: every byte that is not a UTF-8 continuation byte starts one.
        if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) ++column;
    }
    m_last_line = line;
    m_last_offset = offset;
    m_last_column = column;
    return {line, column};
}

}  // namespace kg
