// LineBuffer: one output line put together from text and numbers, with no allocation once it
// has grown to the longest line (the writers' edge lines, millions of them in a dump's graph).
#pragma once

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace kg {

class LineBuffer {
public:
    void clear() noexcept { m_size = 0; }
    LineBuffer& text(std::string_view s) {
        reserve(s.size());
        std::memcpy(m_bytes.data() + m_size, s.data(), s.size());
        m_size += s.size();
        return *this;
    }
    LineBuffer& number(std::uint64_t v) {
        reserve(20);  // the digits of 2^64 - 1
        char* const at = m_bytes.data() + m_size;
        m_size = static_cast<std::size_t>(std::to_chars(at, at + 20, v).ptr - m_bytes.data());
        return *this;
    }
    std::string_view view() const noexcept { return {m_bytes.data(), m_size}; }

private:
    void reserve(std::size_t more) {
        if (m_size + more > m_bytes.size()) m_bytes.resize(2 * (m_size + more));
    }
    std::string m_bytes = std::string(256, '\0');
    std::size_t m_size = 0;
};

}  // namespace kg
