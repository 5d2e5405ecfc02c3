#!/usr/bin/env bash
# Memory at Wikipedia scale: bench/synth_dump writes a dump of the chosen shape straight into
# `kgraph build -` (no disk: ~6–16 GB of XML), the JSON goes to `wc -c`; prints nodes, unique
# edges, wall time, MB/s of XML, peak RSS and peak bytes per unique edge (everything included:
# nodes, keys, redirects, buffers).
#   bench/bench_scale.sh [SHAPE=enwiki]
# SHAPE: enwiki  — 7 M articles, 11 M redirects, 13 M red-link targets, 23.6 links an article
#                  (English Wikipedia: ~7 M articles, ~11 M redirects, ~165 M links)
#        500m    — 7 M articles, 5 M redirects, 13 M targets, 72.5 links an article, 70 %
#                  uniform targets: ~20 M nodes and ~500 M unique edges
#        small   — enwiki / 10, for a quick look
# Needs a Release build in build/ (scripts/run-example.sh or scripts/test.sh makes one).
set -euo pipefail
cd "$(dirname "$0")/.."
shape=${1:-enwiki}
kgraph=build/cli/kgraph
[ -x "$kgraph" ] || { echo "build kgraph first: scripts/run-example.sh" >&2; exit 2; }
case $shape in
  enwiki) args=(7000000 11000000 13000000 23.6 0.5) ;;
  500m) args=(7000000 5000000 13000000 72.5 0.7) ;;
  small) args=(700000 1100000 1300000 23.6 0.5) ;;
  *) echo "unknown shape '$shape': use enwiki, 500m or small" >&2; exit 2 ;;
esac
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
g++ -O2 -std=c++17 -I. -o "$out/synth_dump" bench/synth_dump.cpp
"$out/synth_dump" "${args[@]}" 2>"$out/synth" |
  /usr/bin/time -f "%e %U %M" -o "$out/time" "$kgraph" build - -F mediawiki -o - -f json \
    --max-reports 0 2>"$out/stderr" | wc -c >"$out/bytes"
python3 - "$out" "$shape" <<'PY'
import re, sys
out, shape = sys.argv[1], sys.argv[2]
wall, user, rss_kb = map(float, open(f"{out}/time").read().split())
err = open(f"{out}/stderr").read()
synth = open(f"{out}/synth").read()
num = lambda pattern, text: int(re.search(pattern, text).group(1).replace(",", ""))
nodes = num(r"kgraph: nodes ([\d,]+)", err)
edges = num(r"kgraph: edges ([\d,]+)", err)
xml = num(r"links, (\d+) bytes", synth)
links = num(r"redirects, (\d+) links", synth)
rss = rss_kb * 1024
print(f"| {shape} | {nodes:,} | {edges:,} | {links:,} | {xml / 1e9:.2f} GB | {wall:.0f} | "
      f"{xml / 1e6 / wall:.1f} | {rss / 2**30:.2f} GiB | {rss / edges:.1f} |")
PY
grep -E "^kgraph: (nodes|edges|metrics|wrote)" "$out/stderr" || true
