// TextArena: 1 MB blocks (larger for a longer string); the last block takes what fits.
#include "base/text_arena.hpp"

#include <algorithm>

namespace kg {

std::string_view TextArena::add(std::string_view text) {
    if (text.empty()) return {};
    if (m_capacity - m_used < text.size()) {
        m_capacity = std::max<std::size_t>(std::size_t{1} << 20, text.size());
        m_blocks.push_back(std::make_unique<char[]>(m_capacity));
        m_used = 0;
        m_total += m_capacity;
    }
    char* out = m_blocks.back().get() + m_used;
    std::copy(text.begin(), text.end(), out);
    m_used += text.size();
    return {out, text.size()};
}

}  // namespace kg
