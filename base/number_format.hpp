// Number formatting for summary lines: digits grouped by thousands, counts with their noun.
#pragma once

#include <cstdint>
#include <string>

namespace kg {

/// 1234567 -> "1,234,567"
inline std::string grouped(std::uint64_t n) {
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
        digits.insert(static_cast<std::size_t>(i), ",");
    }
    return digits;
}

/// 1 -> "1 article", 1234 -> "1,234 articles" (`plural` defaults to `singular` + "s").
inline std::string counted(std::uint64_t n, const std::string& singular, std::string plural = {}) {
    if (plural.empty()) plural = singular + "s";
    return grouped(n) + ' ' + (n == 1 ? singular : plural);
}

}  // namespace kg
