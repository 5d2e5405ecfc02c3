// String helpers every module shares: trimming, splitting on a separator, a source position as
// compilers print it, and choosing an enum value by its name. One implementation each.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg {

/// `s` without leading and trailing bytes of `blanks` (by default space, tab and CR).
inline std::string_view trim(std::string_view s, std::string_view blanks = " \t\r") {
    const std::size_t first = s.find_first_not_of(blanks);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(blanks) - first + 1);
}

/// The pieces of `s` between `separator`s, empty ones included ("a,,b" -> a, "", b; "" -> "").
inline std::vector<std::string_view> split(std::string_view s, char separator) {
    std::vector<std::string_view> out;
    std::size_t from = 0;
    while (true) {
        const std::size_t at = s.find(separator, from);
        if (at == std::string_view::npos) {
            out.push_back(s.substr(from));
            return out;
        }
        out.push_back(s.substr(from, at - from));
        from = at + 1;
    }
}

/// `source:line:column` (line and column left out when 0), as compilers print positions.
inline std::string format_position(std::string_view source, std::size_t line, std::size_t column) {
    std::string out(source);
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    return out;
}

/// The items with `separator` between them.
inline std::string join(const std::vector<std::string_view>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += separator;
        out += items[i];
    }
    return out;
}

/// "a, b or c": names for a message.
inline std::string one_of(const std::vector<std::string_view>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
        out += names[i];
    }
    return out;
}

/// `text` with its spaces turned into line breaks where a line would pass `width` columns
/// (greedy; a word longer than the width stands alone; bytes are counted as columns).
inline std::string wrap(std::string_view text, std::size_t width) {
    std::string out;
    std::size_t line = 0;
    for (std::string_view word : split(text, ' ')) {
        if (line > 0 && line + 1 + word.size() > width) {
            out += '\n';
            line = 0;
        } else if (line > 0 || !out.empty()) {
            out += ' ';
            ++line;
        }
        out += word;
        line += word.size();
    }
    return out;
}

/// A name and the value it stands for.
template <typename Value>
using NamedValue = std::pair<std::string_view, Value>;

/// The value named `name` among `choices`, or nullptr.
template <typename Value>
const Value* find_named(const std::vector<NamedValue<Value>>& choices, std::string_view name) {
    for (const auto& [n, v] : choices)
        if (n == name) return &v;
    return nullptr;
}

/// The names of `choices`, in order.
template <typename Value>
std::vector<std::string_view> names_of(const std::vector<NamedValue<Value>>& choices) {
    std::vector<std::string_view> out;
    for (const auto& choice : choices) out.push_back(choice.first);
    return out;
}

}  // namespace kg
