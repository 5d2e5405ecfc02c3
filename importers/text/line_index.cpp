// LineIndex: one memchr pass to find line starts; binary search per lookup.
#include "importers/text/line_index.hpp"

#include <algorithm>
#include <cstring>

namespace kg {

LineIndex::LineIndex(std::string_view text) : m_text(text) {
    m_line_starts.push_back(0);
    const char* data = text.data();
    const char* end = data + text.size();
    for (const char* p = data; p < end;) {
        const void* newline = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        if (newline == nullptr) break;
        p = static_cast<const char*>(newline) + 1;
        m_line_starts.push_back(static_cast<std::size_t>(p - data));
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
