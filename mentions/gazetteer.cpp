// Gazetteer: forms, their statistics and filters; entities and stop-word files.
#include "mentions/gazetteer.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>

#include <rapidjson/document.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <sys/stat.h>

#include "base/error.hpp"
#include "base/strings.hpp"
#include "base/text_util.hpp"

namespace kg {
namespace {

// Function words only: what an auto-linker links and no reader takes for an entity.
constexpr std::array<std::string_view, 75> builtin_stop_words{
    // Chinese
    "关于", "我们", "他们", "她们", "你们", "这个", "那个", "一个", "没有", "因为", "所以", "但是",
    "如果", "可以", "已经", "这些", "那些", "什么", "时候", "自己", "还是", "就是", "不是", "目前",
    "表示", "进行", "以及", "认为", "其中", "之后", "之前", "现在", "这样", "由于", "通过", "对于",
    "而且", "或者", "然而", "虽然", "可能", "需要", "应该", "同时", "一些", "很多", "所有", "其他",
    "關於", "我們", "他們", "這個", "沒有", "因為",
    // English (three letters or more; shorter forms are never spotted)
    "the", "and", "for", "with", "about", "this", "that", "from", "have", "was", "were", "are",
    "not", "but", "they", "their", "which", "when", "what", "there", "also"};

/// The trimmed, non-empty pieces of `s` between `sep`s.
std::vector<std::string> trimmed_items(std::string_view s, char sep) {
    std::vector<std::string> out;
    for (std::string_view item : split(s, sep)) {
        item = trim(item);
        if (!item.empty()) out.emplace_back(item);
    }
    return out;
}

}  // namespace

bool is_builtin_stop_word(std::string_view folded) {
    return std::find(builtin_stop_words.begin(), builtin_stop_words.end(), folded) !=
           builtin_stop_words.end();
}

bool long_enough(std::string_view folded) {
    std::size_t alnum = 0;
    bool cjk = false;
    const auto* p = reinterpret_cast<const uint8_t*>(folded.data());
    const auto n = static_cast<int32_t>(folded.size());
    for (int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c < 0) continue;
        if (u_isalnum(c)) ++alnum;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
            script == USCRIPT_HANGUL) {
            cjk = true;
        }
    }
    return alnum >= (cjk ? 2u : 3u);
}

const FormTarget& GazetteerForm::target() const {
    return *std::max_element(
        targets.begin(), targets.end(),
        [](const FormTarget& a, const FormTarget& b) { return a.votes < b.votes; });
}

GazetteerForm& Gazetteer::form_for(std::string_view surface, bool& created) {
    // A name linked a thousand times is folded once: a spelling seen before maps to its form.
    m_probe.assign(surface.data(), surface.size());
    if (const auto seen = m_spellings.find(m_probe); seen != m_spellings.end()) {
        created = false;
        return m_forms[seen->second];
    }
    std::string folded = m_folder.fold(surface);
    const auto [it, inserted] =
        m_index.try_emplace(folded, static_cast<std::uint32_t>(m_forms.size()));
    created = inserted;
    if (inserted) {
        GazetteerForm form;
        form.surface = std::string(surface);
        form.folded = std::move(folded);
        m_forms.push_back(std::move(form));
    }
    m_spellings.emplace(m_probe, it->second);
    return m_forms[it->second];
}

std::optional<std::uint32_t> Gazetteer::add(std::string_view surface, std::string_view key,
                                            NodeKind kind, std::string_view lang, bool as_link) {
    if (surface.empty() || key.empty()) return std::nullopt;
    bool created = false;
    GazetteerForm& form = form_for(surface, created);
    const auto id = static_cast<std::uint32_t>(&form - m_forms.data());
    if (form.folded.empty()) return id;
    auto target = std::find_if(form.targets.begin(), form.targets.end(),
                               [&](const FormTarget& t) { return t.key == key; });
    if (target == form.targets.end()) {
        form.targets.push_back(FormTarget{std::string(key), std::string(lang), kind, 0});
        target = form.targets.end() - 1;
    }
    if (kind > target->kind) target->kind = kind;
    if (kind == NodeKind::article && !as_link) form.names_article = true;
    if (as_link) {
        ++target->votes;
        ++form.linked;
    }
    return id;
}

std::optional<std::uint32_t> Gazetteer::find(std::string_view surface) const {
    if (const auto seen = m_spellings.find(std::string(surface)); seen != m_spellings.end())
        return seen->second;
    const auto it = m_index.find(m_folder.fold(surface));
    if (it == m_index.end()) return std::nullopt;
    return it->second;
}

void Gazetteer::count_document(std::vector<std::uint32_t>& ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (std::uint32_t id : ids) ++m_forms[id].documents;
}

FormVerdict Gazetteer::verdict(const GazetteerForm& form, const GazetteerFilter& filter,
                               std::uint32_t document_count) const {
    if (form.from_entities_file) return FormVerdict::kept;
    if (!long_enough(form.folded)) return FormVerdict::too_short;
    if ((filter.builtin_stop_words && is_builtin_stop_word(form.folded)) ||
        filter.stop_words.count(form.folded) > 0) {
        return FormVerdict::stop_word;
    }
    if (form.names_article && form.targets.size() > 1) {
        // "Settings" as the label of several notes: which one a mention means is unknown.
        const std::uint32_t top = form.target().votes;
        if (std::count_if(form.targets.begin(), form.targets.end(),
                          [&](const FormTarget& t) { return t.votes == top; }) > 1)
            return FormVerdict::ambiguous;
    }
    if (!form.names_article && form.link_probability() < filter.min_link_probability) {
        return FormVerdict::low_link_probability;
    }
    if (document_count > 0 &&
        static_cast<double>(form.documents) / document_count > filter.max_document_frequency) {
        return FormVerdict::high_document_frequency;
    }
    return FormVerdict::kept;
}

namespace {

/// A file of names the user gave (--entities, --stopwords): a regular file or a pipe.
std::ifstream open_list_file(const std::string& path, const std::string& what) {
    struct stat st {};
    if (path.empty()) throw UsageError("the " + what + " file name is empty: name a file");
    if (::stat(path.c_str(), &st) != 0)
        throw UsageError("cannot read " + what + " file '" + path + "': " + std::strerror(errno) +
                         ": check the path");
    if (S_ISDIR(st.st_mode))
        throw UsageError(what + " file '" + path + "' is a folder: name a file");
    std::ifstream in(path, std::ios::binary);
    if (!in || !(S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)))
        throw UsageError("cannot read " + what + " file '" + path + "': check the path");
    return in;
}

/// A line of such a file, BOM (line 1), CR and surrounding blanks removed; a NUL byte or
/// invalid UTF-8 is an error at its line (the file is not text, or not UTF-8).
std::string checked_list_line(std::string& line, std::size_t number, const std::string& path,
                              const std::string& what) {
    if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (line.find('\0') != std::string::npos)
        throw InputError(path, number, line.find('\0') + 1,
                         "a NUL byte: the " + what + " file must be UTF-8 text");
    if (!is_valid_utf8(line))
        throw InputError(path, number, 0, "invalid UTF-8: the " + what + " file must be UTF-8");
    return std::string(trim(line));
}

}  // namespace

void Gazetteer::load_entities(const std::string& path,
                              const std::function<std::string(std::string_view)>& key_of) {
    std::ifstream in = open_list_file(path, "entities");
    std::string line;
    std::size_t line_number = 0;
    // JSON lines by the name, or when the first entry is an object; else TSV. Decided for the
    // whole file: a line of the other kind is an error, not read another way.
    std::optional<bool> json;
    const std::string lower = ascii_lower(path);
    for (std::string_view suffix : {".jsonl", ".ndjson", ".json"})
        if (ends_with(lower, suffix)) json = true;
    while (std::getline(in, line)) {
        ++line_number;
        const std::string trimmed = checked_list_line(line, line_number, path, "entities");
        if (trimmed.empty() || trimmed[0] == '#') continue;
        if (!json) json = trimmed[0] == '{';
        std::string name;
        std::vector<std::string> aliases;
        std::string type;
        if (*json) {
            rapidjson::Document d;
            d.Parse<rapidjson::kParseIterativeFlag>(trimmed.c_str());
            if (d.HasParseError() || !d.IsObject() || !d.HasMember("name") ||
                !d["name"].IsString()) {
                throw InputError(
                    path, line_number, 0,
                    "expected a JSON object with a \"name\" string, e.g. "
                    "{\"name\": \"OpenAI\", \"aliases\": [\"Open AI\"], \"type\": \"org\"}");
            }
            name = d["name"].GetString();
            if (d.HasMember("aliases") && d["aliases"].IsArray()) {
                for (const auto& a : d["aliases"].GetArray()) {
                    if (a.IsString()) aliases.emplace_back(a.GetString());
                }
            }
            if (d.HasMember("type") && d["type"].IsString()) type = d["type"].GetString();
        } else {
            std::vector<std::string> fields;
            for (std::string_view field : split(trimmed, '\t')) fields.emplace_back(trim(field));
            if (line_number == 1 && ascii_lower(fields[0]) == "name") continue;  // header
            name = fields[0];
            if (fields.size() > 1) aliases = trimmed_items(fields[1], '|');
            if (fields.size() > 2) type = fields[2];
        }
        name = std::string(trim(name));
        if (name.empty()) throw InputError(path, line_number, 0, "empty entity name");
        const std::string key = key_of(name);
        aliases.insert(aliases.begin(), name);
        for (const std::string& alias : aliases) {
            bool created = false;
            GazetteerForm& form = form_for(alias, created);
            if (form.folded.empty()) continue;
            form.from_entities_file = true;
            if (!type.empty()) form.type = type;
            auto target = std::find_if(form.targets.begin(), form.targets.end(),
                                       [&](const FormTarget& t) { return t.key == key; });
            if (target == form.targets.end()) {
                // The file's word outweighs corpus links for its own names.
                form.targets.push_back(FormTarget{key, "", NodeKind::entity, 1u << 30});
            } else {
                target->votes += 1u << 30;
            }
        }
    }
}

void Gazetteer::load_stop_words(const std::string& path, GazetteerFilter& filter) const {
    std::ifstream in = open_list_file(path, "stop-word");
    std::string line;
    std::size_t line_number = 0;
    while (std::getline(in, line)) {
        const std::string word = checked_list_line(line, ++line_number, path, "stop-word");
        if (word.empty() || word[0] == '#') continue;
        filter.stop_words.insert(m_folder.fold(word));
    }
}

}  // namespace kg
