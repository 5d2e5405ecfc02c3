// parse_front_matter: a line-based reader of the YAML subset found in note vaults
// (YAML 1.2 spec, sections 7.3 flow scalars and 7.4 flow collections, simplified).
#include "importers/markdown/front_matter.hpp"

#include <algorithm>

#include "base/strings.hpp"

namespace kg {
namespace {

std::string unquote(std::string_view s) {
    s = trim(s);
    if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') {
        std::string out;
        const std::string_view inner = s.substr(1, s.size() - 2);
        for (std::size_t i = 0; i < inner.size(); ++i) {
            out += inner[i];
            if (inner[i] == '\'' && i + 1 < inner.size() && inner[i + 1] == '\'') ++i;
        }
        return out;
    }
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') {
        std::string out;
        const std::string_view inner = s.substr(1, s.size() - 2);
        for (std::size_t i = 0; i < inner.size(); ++i) {
            if (inner[i] == '\\' && i + 1 < inner.size()) {
                const char e = inner[++i];
                out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
            } else {
                out += inner[i];
            }
        }
        return out;
    }
    // A plain scalar ends at " #" (a comment).
    const std::size_t comment = s.find(" #");
    return std::string(trim(s.substr(0, comment)));
}

// "[a, 'b, c', d]" -> a / b, c / d
std::vector<std::string> flow_list(std::string_view s) {
    std::vector<std::string> out;
    s = trim(s);
    s.remove_prefix(1);  // '['
    // The closing ']', if there: an unclosed list ends with its last item, whose last byte
    // may be part of a character.
    if (!s.empty() && s.back() == ']') s.remove_suffix(1);
    std::size_t start = 0;
    char quote = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i < s.size() && quote != 0) {
            if (s[i] == quote) quote = 0;
            continue;
        }
        if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
            quote = s[i];
            continue;
        }
        if (i == s.size() || s[i] == ',') {
            std::string item = unquote(s.substr(start, i - start));
            if (!item.empty()) out.push_back(std::move(item));
            start = i + 1;
        }
    }
    return out;
}

bool is_fence(std::string_view line, bool closing) {
    line = trim(line);
    return line == "---" || (closing && line == "...");
}

}  // namespace

FrontMatter parse_front_matter(std::string_view text) {
    FrontMatter fm;
    std::size_t eol = text.find('\n');
    if (eol == std::string_view::npos || !is_fence(text.substr(0, eol), false)) return fm;

    std::vector<std::string_view> lines;
    std::size_t pos = eol + 1;
    bool closed = false;
    while (pos <= text.size()) {
        std::size_t e = text.find('\n', pos);
        if (e == std::string_view::npos) e = text.size();
        const std::string_view line = text.substr(pos, e - pos);
        pos = e + 1;
        if (is_fence(line, true)) {
            closed = true;
            break;
        }
        lines.push_back(line);
        if (e == text.size()) break;
    }
    if (!closed) return fm;
    fm.present = true;
    fm.body_offset = std::min(pos, text.size());

    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '#') continue;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view key = trim(line.substr(0, colon));
        const std::string_view value = trim(line.substr(colon + 1));
        std::vector<std::string> items;
        if (!value.empty() && value.front() == '[') {
            items = flow_list(value);
        } else if (!value.empty()) {
            items.push_back(unquote(value));
        } else {
            // A block list on the following, indented lines.
            while (i + 1 < lines.size()) {
                const std::string_view next = trim(lines[i + 1]);
                if (next.empty() || next.front() != '-' ||
                    (lines[i + 1][0] != ' ' && lines[i + 1][0] != '-'))
                    break;
                std::string item = unquote(next.substr(1));
                if (!item.empty()) items.push_back(std::move(item));
                ++i;
            }
        }
        if (key == "title" && !items.empty()) {
            fm.title = items.front();
        } else if ((key == "lang" || key == "language") && !items.empty()) {
            fm.lang = items.front();
        } else if (key == "aliases" || key == "alias") {
            for (auto& a : items) fm.aliases.push_back(std::move(a));
        }
    }
    return fm;
}

}  // namespace kg
