// What every fuzz target shares: the libFuzzer entry point's signature, and a reader of the
// input bytes that the targets split into options and payload.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace kg::fuzz {

/// The input: the first byte picks options (one bit each), the rest is the payload.
struct FuzzInput {
    std::uint8_t flags = 0;
    std::string_view payload;

    FuzzInput(const std::uint8_t* data, std::size_t size) {
        if (size == 0) return;
        flags = data[0];
        payload = std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1);
    }
    bool bit(int k) const noexcept { return (flags >> k) & 1; }
};

/// Stops the run with a crash that libFuzzer records: an invariant does not hold.
[[noreturn]] void broken(const char* what);

}  // namespace kg::fuzz
