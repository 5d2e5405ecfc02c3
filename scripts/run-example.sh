#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a graph: installs what is missing, builds kgraph
# in Release, and converts the example corpus to examples/out/graph.graphml and graph.json.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DKG_BUILD_TESTS=OFF >/dev/null
cmake --build build --target kgraph
mkdir -p examples/out
build/cli/kgraph build examples/corpus -o examples/out/graph.graphml -o examples/out/graph.json -o examples/out/graph.html -O
