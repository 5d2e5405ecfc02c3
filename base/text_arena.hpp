// TextArena: many short strings stored back to back in blocks that never move, so views of
// them stay valid until the arena goes; no per-string allocation or header. For node keys and
// labels (GraphBuilder, then the frozen graph) and the CLI's redirect list.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace kg {

class TextArena {
public:
    /// A copy of `text` that lives as long as the arena (an empty view for empty text).
    std::string_view add(std::string_view text);
    /// Bytes held in blocks (for memory accounting).
    std::size_t capacity() const noexcept { return m_total; }

private:
    std::vector<std::unique_ptr<char[]>> m_blocks;
    std::size_t m_used = 0;
    std::size_t m_capacity = 0;
    std::size_t m_total = 0;
};

}  // namespace kg
