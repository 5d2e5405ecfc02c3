#!/usr/bin/env bash
# The whole default build (links, mentions, co-occurrence, suspect checks, metrics, layout,
# GraphML) on real and generated input, -j1 and -j2, with the time of every stage from
# `--timings`, the links-only dump build, and the Python peer on the same input, in one run.
#   bench/bench_defaults.sh [RUNS=3] [--no-peer]
# The peers run once each (the dump's takes about two minutes and 4 GB).
# Inputs: ../shared/corpora/markdown-ourhimalayas-gnews-10k (10,000 real articles, 45 MB) and
# a generated 100 MB MediaWiki dump (gen-corpus --format mediawiki --size-mb 100 --seed 1,
# kept in .scratch/). Prints Markdown tables of medians; stages are medians of their own.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
peer=1
for a in "$@"; do
  case "$a" in
    --no-peer) peer=0 ;;
    [0-9]*) runs=$a ;;
    *) sed -n 2,9p "$0" >&2; exit 2 ;;
  esac
done
shared=../shared
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DKG_BUILD_BENCH=ON -DKG_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench >/dev/null
kgraph=build-bench/cli/kgraph
gnews=$shared/corpora/markdown-ourhimalayas-gnews-10k
[ -d "$gnews" ] || { echo "bench_defaults.sh: $gnews is missing" >&2; exit 1; }
dump=.scratch/bench-dump-100/pages-articles.xml
[ -f "$dump" ] || "$shared/tools/gen-corpus" --out .scratch/bench-dump-100 --format mediawiki \
  --size-mb 100 --seed 1 --quiet --force
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# One row: medians of wall, user, RSS and of each stage's seconds over $runs runs.
run_kgraph() {
  local name=$1 bytes=$2; shift 2
  : > "$out/rows"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %M" -o "$out/time" "$kgraph" build "$@" -o "$out/k.graphml" -O \
      --timings --max-reports 0 >/dev/null 2>"$out/stderr" || { cat "$out/stderr" >&2; exit 1; }
    python3 - "$out/time" "$out/stderr" >> "$out/rows" <<'PY'
import re, sys
wall, user, rss = open(sys.argv[1]).read().split()
err = open(sys.argv[2], encoding="utf-8").read()
def grab(pattern):
    m = re.search(pattern, err)
    return m.group(1) if m else "0"
read = grab(r"read .* in ([0-9.]+) s,")
mentions = grab(r"times: mention pass ([0-9.]+) s")
freeze = grab(r"graph built ([0-9.]+) s")
metrics = grab(r"modularity [0-9.]+\), ([0-9.]+) s")
layout = grab(r"kgraph: layout: .*, ([0-9.]+) s\n")
write = grab(r"bytes, ([0-9.]+) s\)")
print(wall, user, rss, read, mentions, freeze, metrics, layout, write)
PY
  done
  python3 - "$out/rows" "$name" "$bytes" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
m = [statistics.median(c) for c in zip(*rows)]
wall, user, rss, read, mentions, freeze, metrics, layout, write = m
first = read - mentions
mb = int(sys.argv[3]) / 1e6
print(f"| {sys.argv[2]} | {wall:.2f} | {mb / wall:.1f} | {user:.2f} | {rss / 1024:.0f} | "
      f"{first:.2f} | {mentions:.2f} | {freeze:.2f} | {metrics:.2f} | {layout:.2f} | {write:.2f} |")
PY
}

. bench/common.sh

header() {
  echo "| build | wall s | MB/s | user s | peak RSS MB | first pass s | mention pass s | graph s | metrics s | layout s | GraphML s |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
}

bytes=$(find "$gnews" -type f -name '*.md' -printf '%s\n' | awk '{s += $1} END {print s}')
echo "### gnews-10k ($bytes bytes), median of $runs runs"
echo
header
run_kgraph "defaults -j1" "$bytes" "$gnews" -j1
run_kgraph "defaults -j2" "$bytes" "$gnews" -j2
run_kgraph "--layout none --metrics off -j1" "$bytes" "$gnews" -j1 --layout none --metrics off
run_kgraph "--layout none --metrics off -j2" "$bytes" "$gnews" -j2 --layout none --metrics off
echo
if [ "$peer" = 1 ]; then
  echo "| peer | wall s | MB/s | user s | peak RSS MB |"
  echo "| --- | --- | --- | --- | --- |"
  runs=1 measure "py_networkx.py (links, mentions, paragraph co-occurrence → GraphML; no metrics or layout)" "$bytes" \
    /usr/bin/python3 "$shared/peers/py_networkx.py" "$gnews" --graphml "$out/p.graphml"
  echo
fi

bytes=$(stat -c %s "$dump")
echo "### generated dump ($bytes bytes), median of $runs runs"
echo
header
run_kgraph "defaults -j1" "$bytes" "$dump" -j1
run_kgraph "defaults -j2" "$bytes" "$dump" -j2
run_kgraph "links only (--mentions off --cooccurrence off --layout none --metrics off) -j1" \
  "$bytes" "$dump" -j1 --mentions off --cooccurrence off --layout none --metrics off
echo
if [ "$peer" = 1 ]; then
  echo "| peer | wall s | MB/s | user s | peak RSS MB |"
  echo "| --- | --- | --- | --- | --- |"
  runs=1 measure "py_mwparser.py (links + mentions + paragraph co-occurrence → GraphML)" "$bytes" \
    /usr/bin/python3 "$shared/peers/py_mwparser.py" "$dump" --graphml "$out/p.graphml"
fi
