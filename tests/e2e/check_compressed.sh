#!/usr/bin/env bash
# Compressed dumps read like the plain one: the same dump as .gz, .zst, .xz, .bz2 and a
# three-stream .bz2 (what Wikipedia's multistream dumps are) must give byte-identical graphs.
# A corrupt bz2 block and a cut-off .bz2 must exit 1 with a message naming the compressed byte
# offset, and still write the graph of the pages before the damage.
#   check_compressed.sh KGRAPH DUMP.xml
set -euo pipefail
kgraph=$1 dump=$2
[ -f "$dump" ] || { echo "SKIP: dump '$dump' is absent"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { "$kgraph" build "$1" -o "$2" --layout none --metrics off -q -O; }
run "$dump" "$work/plain.json"
gzip -c "$dump" > "$work/d.xml.gz"
zstd -q -c "$dump" > "$work/d.xml.zst"
xz -c "$dump" > "$work/d.xml.xz"
bzip2 -c "$dump" > "$work/d.xml.bz2"
size=$(stat -c %s "$dump")
third=$(( size / 3 ))
part() { dd if="$dump" iflag=skip_bytes,count_bytes skip="$1" count="$2" status=none | bzip2 -c; }
{ part 0 "$third"; part "$third" "$third"; part $(( 2 * third )) "$size"; } > "$work/multi.bz2"
fail=0
for f in d.xml.gz d.xml.zst d.xml.xz d.xml.bz2 multi.bz2; do
  run "$work/$f" "$work/$f.json"
  if cmp -s "$work/plain.json" "$work/$f.json"; then echo "same graph: $f"; else echo "FAIL: $f gives another graph"; fail=1; fi
done
# Damage: one byte flipped in the middle of the second stream; the file cut in its middle.
cp "$work/multi.bz2" "$work/corrupt.bz2"
bytes=$(stat -c %s "$work/corrupt.bz2")
printf '\x55' | dd of="$work/corrupt.bz2" bs=1 seek=$(( bytes / 2 )) conv=notrunc status=none
head -c $(( bytes / 2 )) "$work/multi.bz2" > "$work/cut.bz2"
for f in corrupt.bz2 cut.bz2; do
  set +e
  "$kgraph" build "$work/$f" -o "$work/$f.json" --layout none --metrics off -O 2> "$work/$f.err"
  code=$?
  set -e
  if [ "$code" -ne 1 ]; then echo "FAIL: $f exits $code, expected 1"; fail=1; fi
  if ! grep -q "at compressed byte offset" "$work/$f.err"; then echo "FAIL: $f: no byte offset in:"; cat "$work/$f.err"; fail=1; fi
  if [ ! -s "$work/$f.json" ]; then echo "FAIL: $f wrote no graph"; fail=1; fi
  nodes=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['nodes']))" "$work/$f.json")
  echo "$f: exit $code, $nodes nodes kept: $(grep -m1 'compressed byte offset' "$work/$f.err")"
  [ "$nodes" -gt 0 ] || { echo "FAIL: $f kept no pages"; fail=1; }
done
[ "$fail" -eq 0 ] && echo PASSED || { echo FAILED; exit 1; }
