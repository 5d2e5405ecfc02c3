// ByteSet: finds the next byte of a small set (up to 8 ASCII signs) in a text, 16 bytes at a
// time with SSE2 where the target has it. Scanners use it to jump over running text to the
// next sign that can start a construct; `[[`, `<` and `{{` are rare in prose.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kg {

class ByteSet {
public:
    /// Precondition: 1 to 8 distinct signs.
    explicit ByteSet(std::string_view signs) : m_count(signs.size()) {
        for (std::size_t k = 0; k < signs.size() && k < m_signs.size(); ++k) {
            m_signs[k] = signs[k];
            m_member[static_cast<unsigned char>(signs[k])] = true;
        }
    }

    bool contains(char c) const noexcept { return m_member[static_cast<unsigned char>(c)]; }

    /// The first offset in [from, limit) whose byte is in the set, else `limit`.
    /// Precondition: limit <= text.size().
    std::size_t find(std::string_view text, std::size_t from, std::size_t limit) const noexcept {
        std::size_t i = from;
#if defined(__SSE2__)
        const char* data = text.data();
        __m128i wanted[8];
        for (std::size_t k = 0; k < m_count; ++k) wanted[k] = _mm_set1_epi8(m_signs[k]);
        while (i + 16 <= limit) {
            const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
            __m128i hit = _mm_cmpeq_epi8(block, wanted[0]);
            for (std::size_t k = 1; k < m_count; ++k) {
                hit = _mm_or_si128(hit, _mm_cmpeq_epi8(block, wanted[k]));
            }
            const int mask = _mm_movemask_epi8(hit);
            if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(mask));
            i += 16;
        }
#endif
        while (i < limit && !contains(text[i])) ++i;
        return i;
    }

private:
    std::array<char, 8> m_signs{};
    std::size_t m_count;
    std::array<bool, 256> m_member{};
};

}  // namespace kg
