// ByteSource: a raw reader (stdio, 1 MiB buffer) under one streaming decoder per compression:
// libbz2's BZ2_bzDecompress (re-initialized after each BZ_STREAM_END while input remains, for
// multistream dumps), zlib's inflate in gzip mode (reset after each member), libzstd's
// ZSTD_decompressStream (frames follow one another), liblzma's stream decoder with
// LZMA_CONCATENATED.
#include "importers/byte_source.hpp"

#include <bzlib.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>
#include <vector>

#include "graph/error.hpp"

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

struct ByteSource::Impl {
    std::string source;
    std::FILE* file = nullptr;
    bool owns_file = false;
    std::vector<char> raw = std::vector<char>(1 << 20);
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

    ~Impl() {
        if (bz_open) BZ2_bzDecompressEnd(&bz);
        if (gz_open) inflateEnd(&gz);
        if (zstd != nullptr) ZSTD_freeDStream(zstd);
        if (xz_open) lzma_end(&xz);
        if (owns_file && file != nullptr) std::fclose(file);
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw InputError(source, 0, 0,
                         what + " at compressed byte offset " + std::to_string(raw_consumed));
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
            if (rc == BZ_DATA_ERROR || rc == BZ_DATA_ERROR_MAGIC) fail("corrupt bzip2 data");
            if (rc != BZ_OK) fail("bzip2 decoder error " + std::to_string(rc));
            if (!more && bz.avail_out > 0) fail("bzip2 stream cut short (truncated file?)");
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

ByteSource::ByteSource(const std::string& path, std::string source) : m(std::make_unique<Impl>()) {
    m->source = std::move(source);
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
    m->fill();
    m->compression = detect_compression(
        std::string_view(m->raw.data() + m->raw_begin, m->raw_end - m->raw_begin));
}

ByteSource::~ByteSource() = default;

std::size_t ByteSource::read(char* buffer, std::size_t size) {
    std::size_t n = 0;
    switch (m->compression) {
        case Compression::none:
            n = m->read_plain(buffer, size);
            break;
        case Compression::bzip2:
            n = m->read_bzip2(buffer, size);
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
