// ByteSource: a raw reader (stdio, 1 MiB buffer) under one streaming decoder per compression:
// libbz2's BZ2_bzDecompress (re-initialized after each BZ_STREAM_END while input remains, for
// multistream dumps), zlib's inflate in gzip mode (reset after each member), libzstd's
// ZSTD_decompressStream (frames follow one another), liblzma's stream decoder with
// LZMA_CONCATENATED.
#include "importers/compression/byte_source.hpp"

#include <bzlib.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <future>
#include <system_error>
#include <vector>

#include "base/error.hpp"
#include "base/read_buffer.hpp"

namespace kg {

std::string_view to_string(Compression compression) {
    switch (compression) {
        case Compression::none:
            return "none";
        case Compression::bzip2:
            return "bzip2";
        case Compression::gzip:
            return "gzip";
        case Compression::zstd:
            return "zstd";
        case Compression::xz:
            return "xz";
    }
    return "none";
}

Compression detect_compression(std::string_view head) {
    auto starts = [&](std::string_view magic) { return head.substr(0, magic.size()) == magic; };
    if (starts("BZh")) return Compression::bzip2;
    if (starts("\x1f\x8b")) return Compression::gzip;
    if (starts("\x28\xb5\x2f\xfd")) return Compression::zstd;
    if (starts(std::string_view("\xfd"
                                "7zXZ\0",
                                6)))
        return Compression::xz;
    return Compression::none;
}

namespace {

// Where the next bzip2 stream starts at or after `from`: "BZh", a block size digit, and the
// first block's magic 0x314159265359 ("1AY&SY"). Streams start on a byte boundary; the
// 10-byte pattern inside compressed data is a 2^-80 chance per position.
std::size_t bzip2_stream_start(const std::string& raw, std::size_t from) {
    for (std::size_t i = raw.find("BZh", from); i != std::string::npos;
         i = raw.find("BZh", i + 1)) {
        if (i + 10 > raw.size()) return std::string::npos;
        if (raw[i + 3] >= '1' && raw[i + 3] <= '9' && raw.compare(i + 4, 6, "1AY&SY") == 0)
            return i;
    }
    return std::string::npos;
}

/// A unit decoded ahead of the reader, on a worker thread.
struct DecodedUnit {
    std::string bytes;
    bool too_large = false;  ///< inflates past unit_output_limit: the reader decodes it itself
    std::string raw;         ///< then: its compressed bytes
};

/// The most a unit may inflate to in memory: a bzip2 bomb (a stream of zeros inflates 45,000
/// times) is decoded by the reader as it reads, not held whole by every worker.
constexpr std::size_t unit_output_limit = 64u << 20;

// What a BZ2_bzDecompress result other than BZ_STREAM_END means when decoding stops; BZ_OK:
// the input ended inside a stream.
std::string bzip2_problem(int rc) {
    if (rc == BZ_DATA_ERROR || rc == BZ_DATA_ERROR_MAGIC) return "corrupt bzip2 data";
    if (rc == BZ_OK) return "bzip2 stream cut short (truncated file?)";
    return "bzip2 decoder error " + std::to_string(rc);
}

// Decompresses `raw`, one or more complete bzip2 streams that start `offset` bytes into the
// file; throws InputError naming the file offset of damage. Stops early when `cancel` is set
// (the reader has stopped) or the output passes unit_output_limit.
DecodedUnit decompress_bzip2_streams(std::string raw, std::uint64_t offset,
                                     const std::string& source, const std::atomic<bool>& cancel) {
    DecodedUnit unit;
    std::string& out = unit.bytes;
    out.assign(raw.size() * 5 + 4096, '\0');
    std::size_t written = 0;
    std::size_t in = 0;
    while (in < raw.size()) {
        bz_stream bz{};
        if (BZ2_bzDecompressInit(&bz, 0, 0) != BZ_OK) {
            throw InputError(source, 0, 0, "cannot start bzip2 decoder");
        }
        int rc = BZ_OK;
        for (;;) {
            if (cancel.load(std::memory_order_relaxed)) {
                BZ2_bzDecompressEnd(&bz);
                return {};
            }
            if (written >= unit_output_limit) {
                BZ2_bzDecompressEnd(&bz);
                unit.bytes.clear();
                unit.bytes.shrink_to_fit();
                unit.too_large = true;
                unit.raw = std::move(raw);
                return unit;
            }
            if (written == out.size()) out.resize(out.size() * 2);
            bz.next_in = const_cast<char*>(raw.data() + in);
            bz.avail_in = static_cast<unsigned>(std::min<std::size_t>(raw.size() - in, 1u << 30));
            bz.next_out = out.data() + written;
            // At most 4 MiB a call: the cancel flag and the limit are looked at often.
            bz.avail_out =
                static_cast<unsigned>(std::min<std::size_t>(out.size() - written, 4u << 20));
            const unsigned before_in = bz.avail_in;
            const unsigned before_out = bz.avail_out;
            rc = BZ2_bzDecompress(&bz);
            in += before_in - bz.avail_in;
            written += before_out - bz.avail_out;
            if (rc == BZ_STREAM_END) break;
            if (rc != BZ_OK || (bz.avail_in == 0 && in == raw.size() && bz.avail_out > 0)) {
                BZ2_bzDecompressEnd(&bz);
                throw InputError(source, 0, 0,
                                 bzip2_problem(rc) + " at compressed byte offset " +
                                     std::to_string(offset + in));
            }
        }
        BZ2_bzDecompressEnd(&bz);
    }
    out.resize(written);
    return unit;
}

}  // namespace

struct ByteSource::Impl {
    std::string source;
    std::FILE* file = nullptr;
    bool owns_file = false;
    ReadBuffer raw{1 << 20};
    std::size_t raw_begin = 0;  // unconsumed raw bytes are raw[raw_begin, raw_end)
    std::size_t raw_end = 0;
    bool raw_eof = false;
    std::uint64_t raw_consumed = 0;  // raw bytes handed to the decoder (or returned)
    std::uint64_t raw_total = 0;
    std::uint64_t produced = 0;
    Compression compression = Compression::none;
    bool finished = false;  // the decoder saw the end of the last stream

    bz_stream bz{};
    bool bz_open = false;
    z_stream gz{};
    bool gz_open = false;
    ZSTD_DStream* zstd = nullptr;
    std::size_t zstd_pending = 0;  // ZSTD_decompressStream's last hint: 0 at a frame's end
    lzma_stream xz = LZMA_STREAM_INIT;
    bool xz_open = false;

    // Parallel multistream bzip2: raw bytes not yet cut into units start at a stream; units of
    // whole streams decompress in the background, in file order.
    bool parallel = false;
    unsigned threads = 1;
    std::string pending_raw;
    std::uint64_t pending_offset = 0;
    std::deque<std::future<DecodedUnit>> inflight;
    std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
    // A unit too large to hold decoded, read through this decoder as it is read.
    std::string serial_raw;
    std::size_t serial_in = 0;
    std::uint64_t serial_offset = 0;
    bz_stream serial_bz{};
    bool serial_open = false;
    bool serial_active = false;
    std::deque<std::uint64_t> inflight_end;
    std::string current;
    std::size_t current_pos = 0;
    static constexpr std::size_t min_unit = 256u << 10;  // ~1 Wikipedia stream (100 pages)

    // Reads raw bytes onto pending_raw; false at the end of the file.
    bool read_more(std::size_t bytes) {
        if (raw_eof) return false;
        const std::size_t old = pending_raw.size();
        pending_raw.resize(old + bytes);
        const std::size_t n = std::fread(pending_raw.data() + old, 1, bytes, file);
        pending_raw.resize(old + n);
        if (n < bytes) {
            if (std::ferror(file)) fail("read error (" + std::string(std::strerror(errno)) + ")");
            raw_eof = true;
        }
        return n > 0;
    }

    // Cuts the next unit (whole streams, at least min_unit raw bytes unless the file ends) off
    // pending_raw; false when nothing is left.
    bool next_unit(std::string& unit, std::uint64_t& offset) {
        std::size_t searched = min_unit;
        for (;;) {
            if (pending_raw.size() > searched) {
                const std::size_t cut = bzip2_stream_start(pending_raw, searched);
                if (cut != std::string::npos) {
                    unit.assign(pending_raw, 0, cut);
                    pending_raw.erase(0, cut);
                    offset = pending_offset;
                    pending_offset += cut;
                    return true;
                }
                searched = pending_raw.size() > 10 ? pending_raw.size() - 10 : 0;
            }
            if (!read_more(1u << 20)) break;
        }
        if (pending_raw.empty()) return false;
        unit = std::move(pending_raw);
        pending_raw.clear();
        offset = pending_offset;
        pending_offset += unit.size();
        return true;
    }

    void top_up() {
        while (inflight.size() < static_cast<std::size_t>(threads)) {
            std::string unit;
            std::uint64_t offset = 0;
            if (!next_unit(unit, offset)) break;
            const std::uint64_t end = offset + unit.size();
            inflight.push_back(std::async(
                std::launch::async, [u = std::move(unit), offset, src = source, c = cancel]() {
                    return decompress_bzip2_streams(std::move(u), offset, src, *c);
                }));
            inflight_end.push_back(end);
        }
    }

    // Reads the too-large unit's streams as they decode; 0 when they have ended.
    std::size_t read_serial_unit(char* out, std::size_t size) {
        std::size_t n = 0;
        while (n == 0 && (serial_open || serial_in < serial_raw.size())) {
            if (!serial_open) {
                serial_bz = bz_stream{};
                if (BZ2_bzDecompressInit(&serial_bz, 0, 0) != BZ_OK)
                    fail("cannot start bzip2 decoder");
                serial_open = true;
            }
            serial_bz.next_in = serial_raw.data() + serial_in;
            serial_bz.avail_in = static_cast<unsigned>(
                std::min<std::size_t>(serial_raw.size() - serial_in, 1u << 30));
            serial_bz.next_out = out;
            serial_bz.avail_out = static_cast<unsigned>(std::min<std::size_t>(size, 1u << 30));
            const unsigned before_in = serial_bz.avail_in;
            const int rc = BZ2_bzDecompress(&serial_bz);
            serial_in += before_in - serial_bz.avail_in;
            n = std::min<std::size_t>(size, 1u << 30) - serial_bz.avail_out;
            if (rc == BZ_STREAM_END) {
                BZ2_bzDecompressEnd(&serial_bz);
                serial_open = false;
            } else if (rc != BZ_OK || (n == 0 && serial_in == serial_raw.size())) {
                fail(bzip2_problem(rc), serial_offset + serial_in);
            }
        }
        return n;
    }

    std::size_t read_parallel(char* out, std::size_t size) {
        if (serial_active) {
            if (const std::size_t n = read_serial_unit(out, size); n > 0) return n;
            serial_active = false;
            serial_raw.clear();
        }
        while (current_pos == current.size()) {
            top_up();
            if (inflight.empty()) return 0;
            DecodedUnit unit = inflight.front().get();  // rethrows a worker's InputError
            const std::uint64_t unit_end = inflight_end.front();
            const std::uint64_t unit_begin = unit_end - (unit.too_large ? unit.raw.size() : 0);
            current = std::move(unit.bytes);
            current_pos = 0;
            raw_consumed = unit_end;
            inflight.pop_front();
            inflight_end.pop_front();
            top_up();  // keep `threads` units decoding while this one is read
            if (unit.too_large) {
                serial_raw = std::move(unit.raw);
                serial_in = 0;
                serial_offset = unit_begin;
                serial_active = true;
                return read_parallel(out, size);
            }
        }
        const std::size_t n = std::min(size, current.size() - current_pos);
        std::memcpy(out, current.data() + current_pos, n);
        current_pos += n;
        return n;
    }

    // With several threads, a .bz2 whose first 32 MiB hold a second stream is read in
    // parallel; a single-stream file (or a pipe) streams on one thread.
    void choose_bzip2_mode() {
        if (threads <= 1 || compression != Compression::bzip2) return;
        pending_raw.assign(raw.data() + raw_begin, raw_end - raw_begin);
        raw_begin = raw_end = 0;
        std::size_t searched = 4;
        bool found = false;
        while (!found) {
            found = bzip2_stream_start(pending_raw, searched) != std::string::npos;
            if (found || pending_raw.size() >= (32u << 20)) break;
            searched = pending_raw.size() > 10 ? pending_raw.size() - 10 : 4;
            if (!read_more(1u << 20)) break;
        }
        if (found) {
            parallel = true;
            return;
        }
        raw.assign(pending_raw.data(), pending_raw.size(), 1u << 20);
        raw_begin = 0;
        raw_end = pending_raw.size();
        pending_raw.clear();
    }

    ~Impl() {
        cancel->store(true);  // the reader has stopped: workers stop decoding
        for (auto& f : inflight) {
            if (f.valid()) f.wait();
        }
        if (serial_open) BZ2_bzDecompressEnd(&serial_bz);
        if (bz_open) BZ2_bzDecompressEnd(&bz);
        if (gz_open) inflateEnd(&gz);
        if (zstd != nullptr) ZSTD_freeDStream(zstd);
        if (xz_open) lzma_end(&xz);
        if (owns_file && file != nullptr) std::fclose(file);
    }

    [[noreturn]] void fail(const std::string& what) const { fail(what, raw_consumed); }
    [[noreturn]] void fail(const std::string& what, std::uint64_t offset) const {
        throw InputError(source, 0, 0,
                         what + " at compressed byte offset " + std::to_string(offset));
    }

    // Makes sure unconsumed raw bytes are available unless the file has ended.
    bool fill() {
        if (raw_begin < raw_end) return true;
        if (raw_eof) return false;
        raw_begin = 0;
        raw_end = std::fread(raw.data(), 1, raw.size(), file);
        if (raw_end < raw.size()) {
            if (std::ferror(file)) fail("read error (" + std::string(std::strerror(errno)) + ")");
            raw_eof = true;
        }
        return raw_end > 0;
    }

    void consumed(std::size_t n) {
        raw_begin += n;
        raw_consumed += n;
    }

    std::size_t read_plain(char* out, std::size_t size) {
        if (!fill()) return 0;
        const std::size_t n = std::min(size, raw_end - raw_begin);
        std::memcpy(out, raw.data() + raw_begin, n);
        consumed(n);
        return n;
    }

    std::size_t read_bzip2(char* out, std::size_t size) {
        std::size_t written = 0;
        while (written < size && !finished) {
            if (!bz_open) {
                if (!fill()) {
                    finished = true;
                    break;
                }
                if (BZ2_bzDecompressInit(&bz, 0, 0) != BZ_OK) fail("cannot start bzip2 decoder");
                bz_open = true;
            }
            const bool more = fill();
            bz.next_in = raw.data() + raw_begin;
            bz.avail_in = static_cast<unsigned>(raw_end - raw_begin);
            bz.next_out = out + written;
            bz.avail_out = static_cast<unsigned>(size - written);
            const int rc = BZ2_bzDecompress(&bz);
            consumed(raw_end - raw_begin - bz.avail_in);
            written = size - bz.avail_out;
            if (rc == BZ_STREAM_END) {
                // One stream of a multistream file ended; another may follow.
                BZ2_bzDecompressEnd(&bz);
                bz_open = false;
                continue;
            }
            if (rc != BZ_OK || (!more && bz.avail_out > 0)) fail(bzip2_problem(rc));
        }
        return written;
    }

    std::size_t read_gzip(char* out, std::size_t size) {
        std::size_t written = 0;
        while (written < size && !finished) {
            if (!gz_open) {
                if (!fill()) {
                    finished = true;
                    break;
                }
                if (inflateInit2(&gz, 16 + MAX_WBITS) != Z_OK) fail("cannot start gzip decoder");
                gz_open = true;
            }
            const bool more = fill();
            gz.next_in = reinterpret_cast<Bytef*>(raw.data() + raw_begin);
            gz.avail_in = static_cast<uInt>(raw_end - raw_begin);
            gz.next_out = reinterpret_cast<Bytef*>(out + written);
            gz.avail_out = static_cast<uInt>(size - written);
            const int rc = inflate(&gz, Z_NO_FLUSH);
            consumed(raw_end - raw_begin - gz.avail_in);
            written = size - gz.avail_out;
            if (rc == Z_STREAM_END) {
                inflateEnd(&gz);
                gz_open = false;
                continue;
            }
            if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT) {
                fail("corrupt gzip data" +
                     std::string(gz.msg ? std::string(" (") + gz.msg + ")" : ""));
            }
            if (rc == Z_BUF_ERROR && !more) fail("gzip stream cut short (truncated file?)");
            if (rc != Z_OK && rc != Z_BUF_ERROR) fail("gzip decoder error " + std::to_string(rc));
        }
        return written;
    }

    std::size_t read_zstd(char* out, std::size_t size) {
        if (zstd == nullptr) {
            zstd = ZSTD_createDStream();
            if (zstd == nullptr || ZSTD_isError(ZSTD_initDStream(zstd)))
                fail("cannot start zstd decoder");
            zstd_pending = 0;
        }
        ZSTD_outBuffer output{out, size, 0};
        while (output.pos < output.size && !finished) {
            const bool more = fill();
            if (!more) {
                if (zstd_pending != 0) fail("zstd stream cut short (truncated file?)");
                finished = true;
                break;
            }
            ZSTD_inBuffer input{raw.data() + raw_begin, raw_end - raw_begin, 0};
            const std::size_t rc = ZSTD_decompressStream(zstd, &output, &input);
            consumed(input.pos);
            if (ZSTD_isError(rc))
                fail(std::string("corrupt zstd data (") + ZSTD_getErrorName(rc) + ")");
            zstd_pending = rc;
        }
        return output.pos;
    }

    std::size_t read_xz(char* out, std::size_t size) {
        if (!xz_open) {
            if (lzma_stream_decoder(&xz, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK) {
                fail("cannot start xz decoder");
            }
            xz_open = true;
        }
        xz.next_out = reinterpret_cast<std::uint8_t*>(out);
        xz.avail_out = size;
        while (xz.avail_out > 0 && !finished) {
            const bool more = fill();
            xz.next_in = reinterpret_cast<const std::uint8_t*>(raw.data() + raw_begin);
            xz.avail_in = raw_end - raw_begin;
            const lzma_ret rc = lzma_code(&xz, more ? LZMA_RUN : LZMA_FINISH);
            consumed(raw_end - raw_begin - xz.avail_in);
            if (rc == LZMA_STREAM_END) {
                finished = true;
                break;
            }
            if (rc == LZMA_BUF_ERROR && !more) fail("xz stream cut short (truncated file?)");
            if (rc == LZMA_DATA_ERROR || rc == LZMA_FORMAT_ERROR) fail("corrupt xz data");
            if (rc != LZMA_OK && rc != LZMA_BUF_ERROR)
                fail("xz decoder error " + std::to_string(rc));
        }
        return size - xz.avail_out;
    }
};

ByteSource::ByteSource(const std::string& path, std::string source, unsigned threads)
    : m(std::make_unique<Impl>()) {
    m->source = std::move(source);
    m->threads = threads;
    if (path == "-") {
        m->file = stdin;
    } else {
        m->file = std::fopen(path.c_str(), "rb");
        if (m->file == nullptr) {
            throw InputError(
                m->source, 0, 0,
                "cannot open: " + std::error_code(errno, std::generic_category()).message());
        }
        m->owns_file = true;
        if (std::fseek(m->file, 0, SEEK_END) == 0) {
            const long size = std::ftell(m->file);
            if (size > 0) m->raw_total = static_cast<std::uint64_t>(size);
            std::fseek(m->file, 0, SEEK_SET);
        }
    }
    start();
}

ByteSource::ByteSource(std::string_view bytes, std::string source, unsigned threads, InMemory)
    : m(std::make_unique<Impl>()) {
    m->source = std::move(source);
    m->threads = threads;
    // fmemopen: a stream over the caller's bytes (read only; "rb" never writes to them).
    static char empty = 0;
    m->file = ::fmemopen(bytes.empty() ? &empty : const_cast<char*>(bytes.data()),
                         bytes.empty() ? 1 : bytes.size(), "rb");
    if (m->file == nullptr) throw InputError(m->source, 0, 0, "cannot read bytes in memory");
    if (bytes.empty()) std::fgetc(m->file);  // at the end: a 0-byte input
    m->owns_file = true;
    m->raw_total = bytes.size();
    start();
}

void ByteSource::start() {
    m->fill();
    m->compression = detect_compression(
        std::string_view(m->raw.data() + m->raw_begin, m->raw_end - m->raw_begin));
    m->choose_bzip2_mode();
}

ByteSource::~ByteSource() = default;

std::size_t ByteSource::read(char* buffer, std::size_t size) {
    std::size_t n = 0;
    switch (m->compression) {
        case Compression::none:
            n = m->read_plain(buffer, size);
            break;
        case Compression::bzip2:
            n = m->parallel ? m->read_parallel(buffer, size) : m->read_bzip2(buffer, size);
            break;
        case Compression::gzip:
            n = m->read_gzip(buffer, size);
            break;
        case Compression::zstd:
            n = m->read_zstd(buffer, size);
            break;
        case Compression::xz:
            n = m->read_xz(buffer, size);
            break;
    }
    m->produced += n;
    return n;
}

Compression ByteSource::compression() const noexcept {
    return m->compression;
}
bool ByteSource::parallel() const noexcept {
    return m->parallel;
}
std::uint64_t ByteSource::raw_offset() const noexcept {
    return m->raw_consumed;
}
std::uint64_t ByteSource::raw_size() const noexcept {
    return m->raw_total;
}
std::uint64_t ByteSource::offset() const noexcept {
    return m->produced;
}
const std::string& ByteSource::source() const noexcept {
    return m->source;
}

}  // namespace kg
