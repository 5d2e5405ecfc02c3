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

. bench/common.sh

echo "dump: $xml ($bytes bytes of XML, $pages pages; .bz2 $(stat -c %s "$xml.bz2") bytes), median of $runs runs, $(nproc) cores"
echo
echo "| tool | wall s | MB/s (XML) | pages/s | user s | peak RSS MB |"
echo "| --- | --- | --- | --- | --- | --- |"
common=(-O -q --max-reports 0 --layout none)
measure "kgraph -j1, links → GraphML + JSON" "$bytes" "$kgraph" build "$xml" -o "$out/k.graphml" -o "$out/k.json" -j 1 "${common[@]}"
measure "kgraph -j2, links → GraphML + JSON" "$bytes" "$kgraph" build "$xml" -o "$out/k.graphml" -o "$out/k.json" -j 2 "${common[@]}"
measure "kgraph -j2, links only (no metrics, JSON)" "$bytes" "$kgraph" build "$xml" -o "$out/k.json" -j 2 --metrics off --suspect-links off "${common[@]}"
measure "kgraph -j2, .bz2 input" "$bytes" "$kgraph" build "$xml.bz2" -o "$out/k.json" -j 2 --metrics off --suspect-links off "${common[@]}"
measure "kgraph -j2, .zst input" "$bytes" "$kgraph" build "$xml.zst" -o "$out/k.json" -j 2 --metrics off --suspect-links off "${common[@]}"
measure "kgraph -j2, links + mentions + paragraph co-occurrence → GraphML + JSON" "$bytes" "$kgraph" build "$xml" -o "$out/k.graphml" -o "$out/k.json" -j 2 --mentions on --cooccurrence paragraph "${common[@]}"
measure "py_mwparser.py (links + mentions + paragraph co-occurrence → GraphML + JSON)" "$bytes" /usr/bin/python3 "$shared/peers/py_mwparser.py" "$xml" --graphml "$out/p.graphml" --json "$out/p.json"
"$kgraph" build "$xml" -o "$out/k.json" -j 2 --metrics off --layout none -O 2>&1 | grep -E "^kgraph: (nodes|edges)" || true
