// JsonLinesReader: 1 MiB chunks split at '\n'; each non-blank line parsed by
// rapidjson::Document::Parse (RapidJSON's DOM for one small object).
#include "importers/jsonl/json_lines_reader.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

namespace kg {

struct JsonLinesReader::Impl {
    ByteSource& source;
    std::string pending;  // bytes after the last complete line
    std::vector<char> chunk = std::vector<char>(1 << 20);
    std::size_t line = 0;
    bool ended = false;

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
        rapidjson::Document doc;
        doc.Parse(text.data(), text.size());
        if (doc.HasParseError()) {
            bad(std::string("not JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()) +
                " at column " + std::to_string(doc.GetErrorOffset() + 1));
            return;
        }
        if (!doc.IsObject()) {
            bad("expected a JSON object with \"title\" and \"text\"");
            return;
        }
        const auto title = doc.FindMember("title");
        const auto body = doc.FindMember("text");
        if (title == doc.MemberEnd() || !title->value.IsString() || body == doc.MemberEnd() ||
            !body->value.IsString()) {
            bad("expected string members \"title\" and \"text\"");
            return;
        }
        WikiPage page;
        page.title.assign(title->value.GetString(), title->value.GetStringLength());
        page.text.assign(body->value.GetString(), body->value.GetStringLength());
        const auto ns = doc.FindMember("ns");
        if (ns != doc.MemberEnd() && ns->value.IsInt()) page.ns = ns->value.GetInt();
        const auto redirect = doc.FindMember("redirect");
        if (redirect != doc.MemberEnd() && redirect->value.IsString()) {
            page.redirect.assign(redirect->value.GetString(), redirect->value.GetStringLength());
        }
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
        m->pending.append(m->chunk.data(), n);
        std::size_t from = 0;
        for (std::size_t nl = m->pending.find('\n'); nl != std::string::npos;
             nl = m->pending.find('\n', from)) {
            m->parse_line(std::string_view(m->pending).substr(from, nl - from), out, problems);
            from = nl + 1;
        }
        m->pending.erase(0, from);
    }
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
