#!/usr/bin/env bash
# Benchmark of the whole `kgraph build` (links, mentions, co-occurrence, GraphML) next to the
# Python peer (../shared/peers/py_networkx.py: regex links, pure-Python Aho-Corasick mentions,
# paragraph co-occurrence, networkx GraphML) on the same input in one run, one core each, and
# the matcher micro-benchmark (kgraph's Aho-Corasick vs Hyperscan) on the same dictionary.
#   bench/bench_mentions.sh [RUNS=3]
# Inputs: real GNews articles (../shared/corpora/markdown-ourhimalayas-gnews copied 100 times
# into .scratch/gnews100) and a generated corpus with a 100,000-entity vocabulary.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shared=../shared
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DKG_BUILD_BENCH=ON -DKG_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench >/dev/null
kgraph=build-bench/cli/kgraph

gnews=.scratch/gnews100
if [ ! -d "$gnews" ]; then
  for i in $(seq -w 1 100); do
    mkdir -p "$gnews/c$i" && cp "$shared"/corpora/markdown-ourhimalayas-gnews/*.md "$gnews/c$i/"
  done
fi
generated=.scratch/bench-md-50-v100k
[ -d "$generated" ] || "$shared/tools/gen-corpus" --out "$generated" --size-mb 50 --vocab 100000 --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

. bench/common.sh

for corpus in "$gnews" "$generated/corpus"; do
  bytes=$(find "$corpus" -type f \( -name '*.md' -o -name '*.txt' \) -printf '%s\n' | awk '{s += $1} END {print s}')
  echo "### $corpus ($bytes bytes), median of $runs runs"
  echo
  echo "| tool | wall s | MB/s | user s | peak RSS MB |"
  echo "| --- | --- | --- | --- | --- |"
  # Like for like: the peer computes no metrics, communities or layout; kgraph's defaults do.
  measure "kgraph build -j1 (links, mentions, sentence co-occurrence → GraphML), no metrics or layout" "$bytes" \
    "$kgraph" build "$corpus" -o "$out/k.graphml" -O -q -j 1 --max-reports 0 --metrics off --layout none
  measure "kgraph build -j2, no metrics or layout" "$bytes" \
    "$kgraph" build "$corpus" -o "$out/k.graphml" -O -q -j 2 --max-reports 0 --metrics off --layout none
  measure "kgraph build -j1, defaults (+ metrics, communities, ForceAtlas2 layout)" "$bytes" \
    "$kgraph" build "$corpus" -o "$out/k.graphml" -O -q -j 1 --max-reports 0
  measure "py_networkx.py (links, mentions, paragraph co-occurrence → GraphML)" "$bytes" \
    /usr/bin/python3 "$shared/peers/py_networkx.py" "$corpus" --graphml "$out/p.graphml"
  echo
  build-bench/bench/matcher_bench "$corpus" "$runs"
  echo
done
