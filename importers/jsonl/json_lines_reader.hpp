// JsonLinesReader: wiki pages as JSON lines — one object a line with "title" and "text"
// (WikiExtractor's --json output, our generator's jsonl), optionally "ns" and "redirect" —
// from a ByteSource (so compressed too). Parsed with RapidJSON a line at a time; a line that is
// no such object is reported with its line number and skipped. Called by CorpusReader.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "importers/compression/byte_source.hpp"
#include "importers/mediawiki/mediawiki_dump_reader.hpp"
#include "importers/problem.hpp"

namespace kg {

class JsonLinesReader {
public:
    /// `source` must outlive the reader.
    explicit JsonLinesReader(ByteSource& source);
    ~JsonLinesReader();
    JsonLinesReader(const JsonLinesReader&) = delete;
    JsonLinesReader& operator=(const JsonLinesReader&) = delete;

    /// Reads on until `out` holds at least `max_pages` pages or the input ends; bad lines go
    /// to `problems` (kind bad_record). Returns false once the input has ended. Throws
    /// InputError when the compressed stream is broken.
    bool next(std::vector<DumpPage>& out, std::vector<Problem>& problems, std::size_t max_pages);

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace kg
