// passage_around and markup_end.
#include "importers/text/passages.hpp"

#include <algorithm>

namespace kg {
namespace {

bool continuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

// True when a sentence ends just before `at` (its terminator ends at at).
bool ends_sentence(std::string_view t, std::size_t at) {
    if (at == 0) return false;
    const char c = t[at - 1];
    // A line break alone does not end a sentence (Markdown wraps them); a blank line does.
    if (c == '\n') return at >= 2 && t[at - 2] == '\n';
    if (c == '.' || c == '!' || c == '?') return true;
    if (at >= 3) {
        const std::string_view last = t.substr(at - 3, 3);
        return last == "\xE3\x80\x82" || last == "\xEF\xBC\x81" ||
               last == "\xEF\xBC\x9F";  // 。！？
    }
    return false;
}

}  // namespace

PassageRange passage_around(std::string_view text, std::size_t begin, std::size_t end,
                            std::size_t context) {
    std::size_t from = begin;
    const std::size_t low = begin > context ? begin - context : 0;
    while (from > low && !ends_sentence(text, from)) --from;
    while (from < begin && continuation(static_cast<unsigned char>(text[from]))) ++from;
    while (from < begin && (text[from] == ' ' || text[from] == '\n' || text[from] == '\t')) ++from;
    std::size_t to = end;
    const std::size_t high = std::min(text.size(), end + context);
    while (to < high && !ends_sentence(text, to)) ++to;
    while (to > end && to < text.size() && continuation(static_cast<unsigned char>(text[to]))) --to;
    while (to > end && (text[to - 1] == '\n' || text[to - 1] == '\r')) --to;
    return {from, to};
}

std::size_t markup_end(std::string_view text, std::size_t offset) {
    const std::string_view rest = text.substr(offset, 400);
    if (rest.compare(0, 2, "[[") == 0) {
        // Nested links close first: [[File:a.jpg|a [[b]] caption]] ends at the outer ]].
        int depth = 0;
        for (std::size_t i = 0; i + 1 < rest.size(); ++i) {
            if (rest[i] == '[' && rest[i + 1] == '[') {
                ++depth;
                ++i;
            } else if (rest[i] == ']' && rest[i + 1] == ']') {
                if (--depth == 0) return offset + i + 2;
                ++i;
            }
        }
    } else if (!rest.empty() && rest[0] == '[') {
        const std::size_t middle = rest.find("](");
        const std::size_t close =
            middle == std::string_view::npos ? middle : rest.find(')', middle + 2);
        if (close != std::string_view::npos) return offset + close + 1;
    }
    std::size_t next = offset + 1;
    while (next < text.size() && continuation(static_cast<unsigned char>(text[next]))) ++next;
    return std::min(next, text.size());
}

}  // namespace kg
