// Co-occurrence window breaks.
#include "importers/text/windows.hpp"

#include "importers/text/sentence_breaks.hpp"

namespace kg {

std::vector<std::uint32_t> window_breaks(std::string_view text, std::size_t begin,
                                         CooccurrenceWindow window) {
    std::vector<std::uint32_t> breaks;
    if (window == CooccurrenceWindow::paragraph) {
        for (std::size_t e = text.find('\n', begin); e != std::string_view::npos;
             e = text.find('\n', e + 1)) {
            std::size_t k = e + 1;
            while (k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) ++k;
            if (k < text.size() && text[k] == '\n')
                breaks.push_back(static_cast<std::uint32_t>(k + 1));
        }
    } else if (window == CooccurrenceWindow::sentence) {
        sentence_breaks(text, begin, breaks);
    }
    return breaks;
}

}  // namespace kg
