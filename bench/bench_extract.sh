#!/usr/bin/env bash
# Link extraction alone (bench/extract_bench: decompression, XML, link scanning and target
# normalization, as `kgraph build` reads; no graph, no output) on a generated MediaWiki dump:
# on one core (taskset), on two, and from a multistream .bz2 next to bzip2's own decoding of
# it. Median of RUNS runs: wall s, MB/s of uncompressed XML, user s, peak RSS.
#   bench/bench_extract.sh [SIZE_MB=200] [RUNS=5]
# Builds build-bench/ (Release, -DKG_BUILD_BENCH=ON) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-200}
runs=${2:-5}
shared=../shared
dump=.scratch/bench-mw-$size
bench=build-bench/bench/extract_bench
if [ ! -x "$bench" ]; then
  cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DKG_BUILD_BENCH=ON \
    -DKG_BUILD_TESTS=OFF >/dev/null
  cmake --build build-bench --target extract_bench >/dev/null
fi
if [ ! -f "$dump/pages-articles.xml" ]; then
  "$shared/tools/gen-corpus" --out "$dump" --format mediawiki --size-mb "$size" --quiet
fi
xml=$dump/pages-articles.xml
multi=$xml.multi.bz2
if [ ! -f "$multi" ]; then
  # As Wikipedia's multistream files: many bzip2 streams, one after the other (1 MB of XML
  # each here; a cut inside a page is fine, the streams decode to the same bytes).
  parts=$(mktemp -d)
  split -b 1000000 -d -a 4 "$xml" "$parts/p"
  ls "$parts"/p* | xargs -P "$(nproc)" -n 1 bzip2 -9
  cat "$parts"/p*.bz2 > "$multi"
  rm -rf "$parts"
fi
bytes=$(stat -c %s "$xml")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

. bench/common.sh

echo "dump: $xml ($bytes bytes of XML; multistream .bz2 $(stat -c %s "$multi") bytes), median of $runs runs, $(nproc) cores"
echo
echo "| run | wall s | MB/s (XML) | user s | peak RSS MB |"
echo "| --- | --- | --- | --- | --- |"
measure "one core (taskset -c 0), -j1" "$bytes" taskset -c 0 "$bench" "$xml" 1 nosuspect
measure "two cores, -j1 (one thread)" "$bytes" "$bench" "$xml" 1 nosuspect
measure "two cores, -j2" "$bytes" "$bench" "$xml" 2 nosuspect
measure "one core, -j1, with suspect-link checks (ICU)" "$bytes" taskset -c 0 "$bench" "$xml" 1 suspect
measure "two cores, -j2, with suspect-link checks" "$bytes" "$bench" "$xml" 2 suspect
measure "bzip2 -dc of the multistream .bz2, one core" "$bytes" taskset -c 0 bzip2 -dc "$multi"
measure "two cores, -j2, multistream .bz2" "$bytes" "$bench" "$multi" 2 nosuspect
