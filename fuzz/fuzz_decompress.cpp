// Fuzz target: each decompressor behind ByteSource (bzip2 one or several threads, gzip, zstd,
// xz): the first byte picks the magic put before the payload, so the fuzzer reaches every
// decoder. Reading stops at 1 MiB of output (a small input may inflate without bound; kgraph
// stops such input by its record limits, not here; a larger cap only slows every run down).
// Only InputError may escape.
#include <string>

#include "base/error.hpp"
#include "fuzz_target.hpp"
#include "importers/compression/byte_source.hpp"

using namespace kg;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fuzz::FuzzInput in(data, size);
    static const std::string_view magics[] = {"BZh", std::string_view("\x1f\x8b", 2),
                                              std::string_view("\x28\xb5\x2f\xfd", 4),
                                              std::string_view("\xfd\x37\x7a\x58\x5a\x00", 6)};
    std::string bytes(in.bit(2) ? "" : magics[in.flags & 3]);
    bytes += in.payload;
    try {
        ByteSource source(bytes, "fuzz", in.bit(3) ? 2 : 1, ByteSource::InMemory{});
        static char buffer[1 << 16];
        std::size_t total = 0;
        for (std::size_t n; (n = source.read(buffer, sizeof buffer)) > 0;) {
            total += n;
            if (source.offset() != total) fuzz::broken("offset disagrees with the bytes read");
            if (total > (1u << 20)) break;
        }
    } catch (const InputError&) {
    }
    return 0;
}
