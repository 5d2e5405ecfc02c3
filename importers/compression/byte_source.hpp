// ByteSource: the bytes of one input (a file, or "-" for standard input), decompressed on the
// fly when they start with the magic bytes of bzip2 ("BZh", libbz2), gzip (1f 8b, zlib), zstd
// (28 b5 2f fd, libzstd) or xz (fd 37 7a 58 5a 00, liblzma). Concatenated streams — what
// Wikipedia's multistream .bz2 dumps are — are read to the end; with several threads, the
// streams of a multistream .bz2 are decompressed on all of them, ahead of the reader, and
// handed on in file order. Used by the dump and JSON-lines readers; knows nothing of what the
// bytes mean.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace kg {

enum class Compression { none, bzip2, gzip, zstd, xz };

std::string_view to_string(Compression compression);

/// The compression whose magic bytes `head` starts with (none when no known magic matches).
Compression detect_compression(std::string_view head);

class ByteSource {
public:
    /// Opens `path` ("-": standard input) and detects its compression. `source` names it in
    /// messages. `threads` > 1 decompresses a multistream .bz2 in parallel (the bytes read are
    /// the same). Throws InputError when it cannot be opened.
    ByteSource(const std::string& path, std::string source, unsigned threads = 1);
    /// Reads `bytes` (which must outlive the source) as if they were a file: for tests and the
    /// fuzz targets.
    struct InMemory {};
    ByteSource(std::string_view bytes, std::string source, unsigned threads, InMemory);
    ~ByteSource();
    ByteSource(const ByteSource&) = delete;
    ByteSource& operator=(const ByteSource&) = delete;

    /// Reads up to `size` decompressed bytes into `buffer`; returns 0 only at the end. Throws
    /// InputError on corrupt compressed data or a stream cut short, naming the compressed
    /// byte offset where it went wrong.
    std::size_t read(char* buffer, std::size_t size);

    Compression compression() const noexcept;
    /// True when a multistream .bz2 is being decompressed on several threads.
    bool parallel() const noexcept;
    /// Raw (compressed) bytes consumed so far, and the file's size (0 when unknown: a pipe).
    std::uint64_t raw_offset() const noexcept;
    std::uint64_t raw_size() const noexcept;
    /// Decompressed bytes returned so far.
    std::uint64_t offset() const noexcept;
    const std::string& source() const noexcept;

private:
    void start();  ///< detects the compression from the first bytes
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace kg
