// The input format table and the lookups derived from it.
#include "importers/input_formats.hpp"

#include "base/text_util.hpp"
#include "importers/jsonl/json_lines_reader.hpp"
#include "importers/mediawiki/mediawiki_dump_reader.hpp"

namespace kg {

namespace {

template <typename Reader>
std::unique_ptr<PageSource> open_pages(ByteSource& bytes) {
    return std::make_unique<Reader>(bytes);
}

}  // namespace

const std::vector<InputFormatInfo>& input_formats() {
    // clang-format off
    static const std::vector<InputFormatInfo> table = {
        {"markdown", {Dialect::markdown, std::nullopt}, {".md", ".markdown", ".txt"}, true, false,
         nullptr},
        {"wikitext", {Dialect::wikitext, std::nullopt}, {".wiki"}, true, false, nullptr},
        {"mediawiki", {std::nullopt, InputKind::mediawiki_dump}, {".xml"}, false, true,
         open_pages<MediaWikiDumpReader>},
        {"jsonl", {std::nullopt, InputKind::json_lines}, {".jsonl", ".ndjson", ".json"}, false,
         false, open_pages<JsonLinesReader>},
    };
    // clang-format on
    return table;
}

std::unique_ptr<PageSource> open_page_source(InputKind kind, ByteSource& bytes) {
    for (const InputFormatInfo& f : input_formats())
        if (f.format.kind == kind && f.open_pages) return f.open_pages(bytes);
    return nullptr;
}

const std::vector<std::string_view>& compressed_suffixes() {
    static const std::vector<std::string_view> suffixes = {".bz2", ".gz", ".zst", ".xz"};
    return suffixes;
}

const InputFormatInfo* input_format_named(std::string_view name) {
    for (const InputFormatInfo& f : input_formats())
        if (f.name == name) return &f;
    return nullptr;
}

std::vector<std::string_view> input_format_names() {
    std::vector<std::string_view> names;
    for (const InputFormatInfo& f : input_formats()) names.push_back(f.name);
    return names;
}

std::vector<std::string_view> input_folder_suffixes() {
    std::vector<std::string_view> suffixes;
    for (const InputFormatInfo& f : input_formats())
        if (f.in_folders) suffixes.insert(suffixes.end(), f.suffixes.begin(), f.suffixes.end());
    return suffixes;
}

namespace {

// The row whose suffixes end `lower_name`, or nullptr.
const InputFormatInfo* format_for_suffix(std::string_view lower_name) {
    for (const InputFormatInfo& f : input_formats())
        for (std::string_view s : f.suffixes)
            if (ends_with(lower_name, s)) return &f;
    return nullptr;
}

}  // namespace

InputKind input_kind_for_name(std::string_view name) {
    std::string n = ascii_lower(name);
    bool compressed = false;
    for (std::string_view suffix : compressed_suffixes()) {
        if (ends_with(n, suffix)) {
            n.resize(n.size() - suffix.size());
            compressed = true;
            break;
        }
    }
    const InputFormatInfo* f = format_for_suffix(n);
    if (f && f->format.kind) return *f->format.kind;
    // Wikipedia's names put ".xml" in the middle (…-pages-articles1.xml-p10p30302.bz2): any
    // other compressed name goes to the row that takes compressed files.
    if (compressed) {
        for (const InputFormatInfo& row : input_formats())
            if (row.compressed && row.format.kind) return *row.format.kind;
    }
    return InputKind::article;
}

// An extension (".md") has one dot, as every suffix of the table: ending in a suffix is being it.
bool is_article_extension(std::string_view extension) {
    const InputFormatInfo* f = format_for_suffix(ascii_lower(extension));
    return f && f->in_folders;
}

Dialect dialect_for_extension(std::string_view extension) {
    const InputFormatInfo* f = format_for_suffix(ascii_lower(extension));
    return f && f->format.dialect ? *f->format.dialect : Dialect::markdown;
}

}  // namespace kg
