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

# measure NAME CMD...: prints "NAME wall user rss" for each run, then the medians.
measure() {
  local name=$1; shift
  local rows=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %M" -o "$out/time" "$@" >/dev/null 2>"$out/stderr" || { cat "$out/stderr" >&2; exit 1; }
    rows+=("$(cat "$out/time")")
  done
  printf '%s\n' "${rows[@]}" | python3 -c "
import statistics, sys
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
wall, user, rss = (statistics.median(c) for c in zip(*rows))
print(f'| $name | {wall:.2f} | {$bytes / 1e6 / wall:.1f} | {user:.2f} | {rss / 1024:.0f} |')"
}

echo "corpus: $corpus ($bytes bytes, $(find "$corpus/corpus" -type f | wc -l) files), median of $runs runs, $(nproc) cores"
echo
echo "| tool | wall s | MB/s | user s | peak RSS MB |"
echo "| --- | --- | --- | --- | --- |"
measure "kgraph build -j1 (links → GraphML + JSON)" "$kgraph" build "$corpus/corpus" -o "$out/k.graphml" -o "$out/k.json" -O -q -j 1 --max-reports 0
measure "kgraph build -j2" "$kgraph" build "$corpus/corpus" -o "$out/k.graphml" -o "$out/k.json" -O -q -j 2 --max-reports 0
measure "py_networkx.py --cooc none (links + mentions → GraphML + JSON)" /usr/bin/python3 "$shared/peers/py_networkx.py" "$corpus/corpus" --graphml "$out/p.graphml" --json "$out/p.json" --cooc none
