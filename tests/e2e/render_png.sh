#!/usr/bin/env bash
# Renders a corpus's graph to PNG with Graphviz at kgraph's own positions (neato -n), so a
# person can look at it: OUTPUT.png. Fails if kgraph or neato fail or the picture is empty.
#   render_png.sh KGRAPH CORPUS OUTPUT.png
set -euo pipefail
kgraph=$1 corpus=$2 png=$3
[ -d "$corpus" ] || { echo "SKIP: corpus '$corpus' is absent"; exit 77; }
dot=$(mktemp --suffix=.dot)
trap 'rm -f "$dot"' EXIT
"$kgraph" build "$corpus" -o "$dot" -O -q
neato -n -Tpng -Gdpi=60 "$dot" -o "$png" 2>/dev/null
size=$(stat -c %s "$png")
[ "$size" -gt 20000 ] || { echo "FAIL: $png is only $size bytes"; exit 1; }
echo "PASSED: $png ($size bytes)"
