#!/usr/bin/env bash
# Builds kgraph and runs every test: a Release build with warnings as errors (unit, golden CLI,
# end-to-end with xmllint/networkx/igraph and, through Node.js, graphology/Cytoscape.js,
# examples), then 30 s of each libFuzzer target (scripts/fuzz.sh) and an ASan+UBSan build of the
# same suite. Installs missing packages first. `scripts/test.sh --fast` skips fuzzing and the
# sanitizer build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)
# The JavaScript clients the viewer-format checks load (versions locked in package-lock.json).
(cd tests/js && npm ci --no-audit --no-fund --loglevel=error)

# The benchmarks are built too (not run), so that they keep compiling.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DKG_WERROR=ON -DKG_BUILD_TESTS=ON -DKG_BUILD_BENCH=ON >/dev/null
cmake --build build -j "$jobs"
(cd build && ctest -j "$jobs" --output-on-failure)

if [ "${1:-}" != "--fast" ]; then
  # A short run of every libFuzzer target (clang, ASan+UBSan); long runs: scripts/fuzz.sh --runs N.
  scripts/fuzz.sh --seconds 30

  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKG_SANITIZE=ON -DKG_WERROR=ON -DKG_BUILD_TESTS=ON >/dev/null
  cmake --build build-asan -j "$jobs"
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest -j "$jobs" --output-on-failure)
fi
