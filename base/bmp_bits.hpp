// BmpBits: one bit for each code point of the Basic Multilingual Plane (8 KB), for the
// per-character tests of hot loops (which characters a CJK run takes, which end a sentence).
#pragma once

#include <cstdint>
#include <vector>

#include <unicode/umachine.h>

namespace kg {

class BmpBits {
public:
    /// Precondition: c < 0x10000.
    void set(std::uint32_t c) { m_words[c >> 6] |= std::uint64_t{1} << (c & 63); }
    /// False for anything outside the plane (and for -1, a malformed sequence).
    bool test(UChar32 c) const noexcept {
        if (c < 0 || c > 0xFFFF) return false;
        const auto u = static_cast<std::uint32_t>(c);
        return (m_words[u >> 6] >> (u & 63)) & 1U;
    }

private:
    std::vector<std::uint64_t> m_words = std::vector<std::uint64_t>(0x10000 / 64);
};

}  // namespace kg
