#!/usr/bin/env bash
# Benchmark of `kgraph build` on a generated MediaWiki XML dump, next to the Python peer
# (../shared/peers/py_mwparser.py: xml.etree + mwparserfromhell + networkx) on the same dump in
# the same run. Median of RUNS runs: wall s, MB/s of uncompressed XML, pages/s, user s, peak RSS.
#   bench/bench_dump.sh [SIZE_MB=50] [RUNS=3]
# Needs a Release build in build/ (scripts/run-example.sh or scripts/test.sh makes one).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-50}
runs=${2:-3}
shared=../shared
dump=.scratch/bench-mw-$size
kgraph=build/cli/kgraph
[ -x "$kgraph" ] || { echo "build kgraph first: scripts/run-example.sh" >&2; exit 2; }
if [ ! -f "$dump/pages-articles.xml" ]; then
  "$shared/tools/gen-corpus" --out "$dump" --format mediawiki --size-mb "$size" --quiet
fi
xml=$dump/pages-articles.xml
[ -f "$xml.bz2" ] || bzip2 -k -c "$xml" > "$xml.bz2"
[ -f "$xml.zst" ] || zstd -q -c "$xml" > "$xml.zst"
bytes=$(stat -c %s "$xml")
pages=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1]))['documents']; print(sum(d.values()))" "$dump/ground-truth.json")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# measure NAME CMD...: one Markdown row of medians (wall s, MB/s, pages/s, user s, peak RSS MB).
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
print(f'| $name | {wall:.2f} | {$bytes / 1e6 / wall:.1f} | {$pages / wall:,.0f} | {user:.2f} | {rss / 1024:.0f} |')"
}

echo "dump: $xml ($bytes bytes of XML, $pages pages; .bz2 $(stat -c %s "$xml.bz2") bytes), median of $runs runs, $(nproc) cores"
echo
echo "| tool | wall s | MB/s (XML) | pages/s | user s | peak RSS MB |"
echo "| --- | --- | --- | --- | --- | --- |"
common=(-O -q --max-reports 0 --layout none)
measure "kgraph -j1, links → GraphML + JSON" "$kgraph" build "$xml" -o "$out/k.graphml" -o "$out/k.json" -j 1 "${common[@]}"
measure "kgraph -j2, links → GraphML + JSON" "$kgraph" build "$xml" -o "$out/k.graphml" -o "$out/k.json" -j 2 "${common[@]}"
measure "kgraph -j2, links only (no metrics, JSON)" "$kgraph" build "$xml" -o "$out/k.json" -j 2 --metrics off --suspect-links off "${common[@]}"
measure "kgraph -j2, .bz2 input" "$kgraph" build "$xml.bz2" -o "$out/k.json" -j 2 --metrics off --suspect-links off "${common[@]}"
measure "kgraph -j2, .zst input" "$kgraph" build "$xml.zst" -o "$out/k.json" -j 2 --metrics off --suspect-links off "${common[@]}"
measure "kgraph -j2, links + mentions + paragraph co-occurrence → GraphML + JSON" "$kgraph" build "$xml" -o "$out/k.graphml" -o "$out/k.json" -j 2 --mentions on --cooccurrence paragraph "${common[@]}"
measure "py_mwparser.py (links + mentions + paragraph co-occurrence → GraphML + JSON)" /usr/bin/python3 "$shared/peers/py_mwparser.py" "$xml" --graphml "$out/p.graphml" --json "$out/p.json"
"$kgraph" build "$xml" -o "$out/k.json" -j 2 --metrics off --layout none -O 2>&1 | grep -E "^kgraph: (nodes|edges)" || true
