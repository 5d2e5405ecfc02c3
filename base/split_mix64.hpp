// SplitMix64: a tiny generator whose output is fixed by the seed on every platform (the
// standard library's distributions are not). For Louvain's node order and the benchmarks'
// synthetic inputs.
#pragma once

#include <cstdint>

namespace kg {

struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
};

}  // namespace kg
