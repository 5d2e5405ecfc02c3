#!/usr/bin/env bash
# Benchmark of `kgraph build` on a generated Markdown corpus, next to the Python peer
# (../shared/peers/py_networkx.py) on the same input in the same run. Reports the median of
# RUNS runs: wall seconds, MB/s of input, user CPU seconds, peak RSS.
#   bench/bench_build.sh [SIZE_MB=50] [RUNS=3]
# Needs a Release build in build/ (scripts/run-example.sh or scripts/test.sh makes one).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-50}
runs=${2:-3}
shared=../shared
corpus=.scratch/bench-md-$size
kgraph=build/cli/kgraph
[ -x "$kgraph" ] || { echo "build kgraph first: scripts/run-example.sh" >&2; exit 2; }
if [ ! -d "$corpus" ]; then
  "$shared/tools/gen-corpus" --out "$corpus" --size-mb "$size" --quiet
fi
bytes=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['bytes'])" "$corpus/ground-truth.json")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

. bench/common.sh

echo "corpus: $corpus ($bytes bytes, $(find "$corpus/corpus" -type f | wc -l) files), median of $runs runs, $(nproc) cores"
echo
echo "| tool | wall s | MB/s | user s | peak RSS MB |"
echo "| --- | --- | --- | --- | --- |"
measure "kgraph build -j1 (links → GraphML + JSON)" "$bytes" "$kgraph" build "$corpus/corpus" -o "$out/k.graphml" -o "$out/k.json" -O -q -j 1 --max-reports 0 --mentions off --cooccurrence off --suspect-links off
measure "kgraph build -j2" "$bytes" "$kgraph" build "$corpus/corpus" -o "$out/k.graphml" -o "$out/k.json" -O -q -j 2 --max-reports 0 --mentions off --cooccurrence off --suspect-links off
measure "py_networkx.py --cooc none (links + mentions → GraphML + JSON)" "$bytes" /usr/bin/python3 "$shared/peers/py_networkx.py" "$corpus/corpus" --graphml "$out/p.graphml" --json "$out/p.json" --cooc none
