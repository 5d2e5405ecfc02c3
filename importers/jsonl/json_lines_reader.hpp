// JsonLinesReader: wiki pages as JSON lines — one object a line with "title" and "text"
// (WikiExtractor's --json output, our generator's jsonl), optionally "ns" and "redirect" —
// from a ByteSource (so compressed too). Parsed with RapidJSON a line at a time; a line that is
// no such object is reported with its line number and skipped. A PageSource.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "importers/compression/byte_source.hpp"
#include "importers/page_source.hpp"

namespace kg {

class JsonLinesReader : public PageSource {
public:
    /// `source` must outlive the reader.
    explicit JsonLinesReader(ByteSource& source);
    ~JsonLinesReader();
    JsonLinesReader(const JsonLinesReader&) = delete;
    JsonLinesReader& operator=(const JsonLinesReader&) = delete;

    /// Reads on until `out` holds at least `max_pages` pages or the input ends; bad lines go
    /// to `problems` (kind bad_record). Returns false once the input has ended. Throws
    /// InputError when the compressed stream is broken.
    bool next(std::vector<WikiPage>& out, std::vector<Problem>& problems,
              std::size_t max_pages) override;

    /// Texts as our generator writes them (Markdown-flavoured wiki-links, code spans) or
    /// WikiExtractor's plain text.
    Dialect dialect() const noexcept override { return Dialect::markdown; }
    /// A JSON line is one line of the file: the problem points at it, and says where in the
    /// text.
    void place(Problem& problem, const WikiPage& page) const override;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace kg
