// JsonLinesReader: 1 MiB chunks split at '\n'; each non-blank line parsed by
// rapidjson::Reader (SAX, iterative: bounded stack, only a page's members kept).
#include "importers/jsonl/json_lines_reader.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <utility>

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include "base/read_buffer.hpp"

namespace kg {

namespace {

/// The members of a record's top-level object that make a page: "title", "text", "redirect"
/// (strings) and "ns" (an int). As with a lookup in a DOM, the first member of each name
/// counts, and counts only if of its type. Anything nested is skipped.
struct PageFields : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, PageFields> {
    static constexpr int ns_field = 3;
    int depth = 0;
    bool object = false;  ///< the value is an object
    int field = -1;       ///< the page member the next top-level value is for, or -1
    std::array<bool, 4> seen{};
    std::array<std::optional<std::string>, 3> strings;  ///< title, text, redirect
    std::optional<int> ns;

    bool Key(const char* s, rapidjson::SizeType n, bool) {
        if (depth != 1) return true;
        static constexpr std::array<std::string_view, 4> names{"title", "text", "redirect", "ns"};
        const auto it = std::find(names.begin(), names.end(), std::string_view(s, n));
        field = it == names.end() ? -1 : static_cast<int>(it - names.begin());
        if (field >= 0 && std::exchange(seen[static_cast<std::size_t>(field)], true)) field = -1;
        return true;
    }
    bool String(const char* s, rapidjson::SizeType n, bool) {
        if (depth == 1 && field >= 0 && field < ns_field)
            strings[static_cast<std::size_t>(field)].emplace(s, n);
        return Default();
    }
    bool Int(int i) {
        if (depth == 1 && field == ns_field) ns = i;
        return Default();
    }
    bool Uint(unsigned u) {
        if (u <= static_cast<unsigned>(std::numeric_limits<int>::max()))
            return Int(static_cast<int>(u));
        return Default();
    }
    bool Default() {
        if (depth == 1) field = -1;
        return true;
    }
    bool StartObject() {
        object = object || depth == 0;
        Default();
        ++depth;
        return true;
    }
    bool StartArray() {
        Default();
        ++depth;
        return true;
    }
    bool EndObject(rapidjson::SizeType) { return --depth, true; }
    bool EndArray(rapidjson::SizeType) { return --depth, true; }
};

}  // namespace

struct JsonLinesReader::Impl {
    ByteSource& source;
    std::string pending;  // bytes after the last complete line
    ReadBuffer chunk{1 << 20};
    std::size_t line = 0;
    bool ended = false;
    bool skipping = false;  // inside a line over the limit: dropped up to its end

    explicit Impl(ByteSource& s) : source(s) {}

    void parse_line(std::string_view text, std::vector<WikiPage>& out,
                    std::vector<Problem>& problems) {
        ++line;
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        if (line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        if (text.find_first_not_of(" \t") == std::string_view::npos) return;
        auto bad = [&](const std::string& message) {
            problems.push_back(Problem{ProblemKind::bad_record, source.source(), line, 0,
                                       message + "; line skipped"});
        };
        PageFields fields;
        rapidjson::Reader reader;
        rapidjson::MemoryStream stream(text.data(), text.size());
        // Iterative: nesting as deep as the line is long costs heap, not stack. SAX: only the
        // members of the top object that make a page are kept, not a tree of the whole line.
        reader.Parse<rapidjson::kParseIterativeFlag>(stream, fields);
        if (reader.HasParseError()) {
            bad(std::string("not JSON: ") +
                rapidjson::GetParseError_En(reader.GetParseErrorCode()) + " at column " +
                std::to_string(reader.GetErrorOffset() + 1));
            return;
        }
        if (!fields.object) {
            bad("expected a JSON object with \"title\" and \"text\"");
            return;
        }
        auto& [title, body, redirect] = fields.strings;
        if (!title || !body) {
            bad("expected string members \"title\" and \"text\"");
            return;
        }
        WikiPage page;
        page.title = std::move(*title);
        page.text = std::move(*body);
        if (fields.ns) page.ns = *fields.ns;
        if (redirect) page.redirect = std::move(*redirect);
        page.line = line;
        page.text_line = 0;  // positions inside a JSON string do not map to lines of the file
        out.push_back(std::move(page));
    }
};

JsonLinesReader::JsonLinesReader(ByteSource& source) : m(std::make_unique<Impl>(source)) {}

JsonLinesReader::~JsonLinesReader() = default;

bool JsonLinesReader::next(std::vector<WikiPage>& out, std::vector<Problem>& problems,
                           std::size_t max_pages) {
    while (out.size() < max_pages && !m->ended) {
        const std::size_t n = m->source.read(m->chunk.data(), m->chunk.size());
        if (n == 0) {
            m->ended = true;
            if (!m->pending.empty()) m->parse_line(m->pending, out, problems);
            m->pending.clear();
            break;
        }
        std::string_view chunk(m->chunk.data(), n);
        if (m->skipping) {
            const std::size_t nl = chunk.find('\n');
            if (nl == std::string_view::npos) continue;
            m->skipping = false;
            ++m->line;
            chunk.remove_prefix(nl + 1);
        }
        // Newlines are looked for in the new bytes only: a long line costs linear time.
        std::size_t from = 0;
        std::size_t look = m->pending.size();
        m->pending.append(chunk);
        for (std::size_t nl = m->pending.find('\n', look); nl != std::string::npos;
             nl = m->pending.find('\n', from)) {
            m->parse_line(std::string_view(m->pending).substr(from, nl - from), out, problems);
            from = nl + 1;
        }
        m->pending.erase(0, from);
        if (m->pending.size() > m_max_page_bytes) {
            problems.push_back(Problem{ProblemKind::too_large, m->source.source(), m->line + 1, 0,
                                       "a line over " + std::to_string(m_max_page_bytes >> 20) +
                                           " MiB (--max-page-mb) is skipped"});
            m->pending.clear();
            m->pending.shrink_to_fit();
            m->skipping = true;
        }
    }
    if (m->ended && m->skipping) ++m->line;
    return !m->ended;
}

void JsonLinesReader::place(Problem& problem, const WikiPage& page) const {
    problem.message = "in page '" + page.title + "' (its text's line " +
                      std::to_string(problem.line) + ", column " + std::to_string(problem.column) +
                      "): " + problem.message;
    problem.line = page.line;
    problem.column = 0;
}

}  // namespace kg
