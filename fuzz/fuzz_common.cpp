// The helpers of fuzz_target.hpp.
#include <cstdio>
#include <cstdlib>

#include "fuzz_target.hpp"

namespace kg::fuzz {

void broken(const char* what) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

}  // namespace kg::fuzz
