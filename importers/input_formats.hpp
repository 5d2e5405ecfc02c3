// The input format table: one row per way kgraph reads an input (name for -F, suffixes, what
// it is). -F's lookup and help text, the suffix rules of folder walking and of files named
// directly come from it. Adding an importer: its reader (behind PageSource for page streams)
// and one row in input_formats.cpp (docs/ARCHITECTURE.md, "How to add an importer").
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/links/link_scanner.hpp"
#include "importers/page_source.hpp"

namespace kg {

class ByteSource;

/// What an input holds: one article (Markdown, text, wikitext), a MediaWiki XML dump, or wiki
/// pages as JSON lines (the last two possibly compressed).
enum class InputKind { article, mediawiki_dump, json_lines };

/// The kind a file's name implies: .xml (and any compressed name but JSON) is a dump, .jsonl,
/// .ndjson and .json (compressed or not) are JSON lines, the rest one article each.
InputKind input_kind_for_name(std::string_view name);

struct InputFile {
    std::string path;      ///< file system path ("-" for stdin)
    std::string source;    ///< how messages name it: the path as given, or "<stdin>"
    std::string relative;  ///< '/'-separated path below its input folder (the file name for a
                           ///< file named directly); decides the key and resolves links
    Dialect dialect = Dialect::markdown;
    InputKind kind = InputKind::article;
    bool read_once = false;  ///< standard input, a pipe or a device: its bytes come once
};

/// What -F names: a dialect of article files, or a kind of wiki input.
struct InputFormat {
    std::optional<Dialect> dialect;
    std::optional<InputKind> kind;
};

struct InputFormatInfo {
    std::string_view name;                   ///< for -F
    InputFormat format;                      ///< what -F NAME forces
    std::vector<std::string_view> suffixes;  ///< lower-case, with the dot
    bool in_folders = false;  ///< files with these suffixes are read when a folder is walked
    bool compressed = false;  ///< compressed files (.bz2 .gz .zst .xz) default to this format
    /// For page streams: opens the pages of (decompressed) `bytes`, which outlive them.
    std::unique_ptr<PageSource> (*open_pages)(ByteSource& bytes) = nullptr;
};

/// Every input format, in the order help texts list them.
const std::vector<InputFormatInfo>& input_formats();

/// The format -F `name` names, or nullptr.
const InputFormatInfo* input_format_named(std::string_view name);

/// The pages of a wiki input of `kind` (not InputKind::article).
std::unique_ptr<PageSource> open_page_source(InputKind kind, ByteSource& bytes);

/// The names, in table order.
std::vector<std::string_view> input_format_names();

/// The suffixes of the files read from folders (.md .markdown .txt .wiki).
std::vector<std::string_view> input_folder_suffixes();

/// Suffixes of compressed inputs, decompressed as they are read.
const std::vector<std::string_view>& compressed_suffixes();

/// Whether a file with `extension` (".md", any case) is read when its folder is walked.
bool is_article_extension(std::string_view extension);

/// The dialect of an article file with `extension`: wikitext for .wiki, else Markdown.
Dialect dialect_for_extension(std::string_view extension);

}  // namespace kg
