#!/usr/bin/env bash
# Two kgraph binaries on the same input, run alternately (old, new, old, new, …) so that drift
# of the machine hits both alike; prints the medians of wall, user CPU and peak RSS for each and
# the ratio new / old. For checking that a change costs no time.
#   bench/bench_ab.sh OLD NEW RUNS INPUT [kgraph build options…]
# Example: bench/bench_ab.sh /tmp/kgraph-old build/cli/kgraph 11 \
#            ../shared/corpora/markdown-ourhimalayas-gnews-10k -j4
set -euo pipefail
[ $# -ge 4 ] || { sed -n 2,7p "$0" >&2; exit 2; }
old=$1 new=$2 runs=$3 input=$4
shift 4
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for i in $(seq "$runs"); do
  for side in old new; do
    bin=$old
    [ "$side" = new ] && bin=$new
    /usr/bin/time -f "%e %U %M" -o "$out/time" "$bin" build "$input" -o "$out/g.graphml" \
      -o "$out/g.json" -O -q "$@" >/dev/null 2>"$out/stderr" || { cat "$out/stderr" >&2; exit 1; }
    echo "$side $(cat "$out/time")" >> "$out/rows"
  done
done
python3 - "$out/rows" "$runs" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
med = {}
for side in ("old", "new"):
    cols = list(zip(*[list(map(float, r[1:])) for r in rows if r[0] == side]))
    med[side] = [statistics.median(c) for c in cols]
print(f"median of {sys.argv[2]} runs each, alternately")
print("| binary | wall s | user s | peak RSS MB |")
print("| --- | --- | --- | --- |")
for side in ("old", "new"):
    w, u, m = med[side]
    print(f"| {side} | {w:.3f} | {u:.3f} | {m / 1024:.0f} |")
w = med["new"][0] / med["old"][0]
u = med["new"][1] / med["old"][1]
m = med["new"][2] / med["old"][2]
print(f"| new / old | {w:.3f} | {u:.3f} | {m:.3f} |")
PY
