#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang (ASan + UBSan, leak checks on) and runs them.
#
#   scripts/fuzz.sh [--seconds S] [--runs N] [--jobs J] [TARGET...]
#
# Each target runs for S seconds (default 60) or N executions, whichever ends first, one
# target per job (default: the number of cores), starting from its committed seeds
# (fuzz/corpus/T), the regression inputs (fuzz/regressions/T) and, when ../shared/corpora is
# there, files of the real corpora that suit it. An input over 1 s is a hang, over 2 GiB a
# memory failure; every crash, hang, leak or broken invariant fails the run and is kept in
# build-fuzz/found/ (copy it into fuzz/regressions/T/ once fixed: the test suite replays it).
# The grown corpus stays in build-fuzz/corpus/T between runs. Prints executions per target.
# CI runs `scripts/fuzz.sh --seconds 30`; long runs: `scripts/fuzz.sh --runs 10000000`.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
runs=0
jobs=$(nproc)
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --runs) runs=$2; seconds=0; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
all=(link_scanner front_matter article dump decompress list_files differential)
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

scripts/install-deps.sh
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKG_FUZZ=ON -DKG_BUILD_TESTS=OFF -DKG_WERROR=ON >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target $(printf 'kg_fuzz_%s ' "${targets[@]}")

dict_of() {
  case "$1" in
    link_scanner|front_matter|article) echo fuzz/dict/markdown.dict ;;
    dump) echo fuzz/dict/xml.dict ;;
    list_files) echo fuzz/dict/lists.dict ;;
    *) echo "" ;;
  esac
}
# Files of ../shared/corpora a target starts from (small ones: libFuzzer caps inputs anyway).
shared_seeds() {
  local corpora=../shared/corpora
  [ -d "$corpora" ] || return 0
  case "$1" in
    link_scanner|front_matter|article) find "$corpora" -maxdepth 3 -name '*.md' -size -64k | sort | sed -n 1,300p ;;
    dump) find "$corpora" -maxdepth 3 \( -name '*.xml' -o -name '*.jsonl' \) -size -256k | sort | sed -n 1,50p ;;
    decompress) find "$corpora" -maxdepth 3 \( -name '*.bz2' -o -name '*.gz' -o -name '*.xz' -o -name '*.zst' \) -size -256k | sort | sed -n 1,50p ;;
    *) ;;
  esac
}

mkdir -p build-fuzz/found build-fuzz/logs
run_one() {
  local t=$1 corpus=build-fuzz/corpus/$1 seeds=build-fuzz/seeds/$1
  mkdir -p "$corpus" "$seeds" fuzz/regressions/"$t"
  # Shared files become seeds with an option byte of 0 in front, as the targets read them.
  { shared_seeds "$t" || true; } | while read -r f; do
    { printf '\0'; cat "$f"; } > "$seeds/$(basename "$f" | tr -c 'A-Za-z0-9._-' _)"
  done
  local dict args=()
  dict=$(dict_of "$t")
  [ -n "$dict" ] && args+=("-dict=$dict")
  [ "$runs" -gt 0 ] && args+=("-runs=$runs")
  [ "$seconds" -gt 0 ] && args+=("-max_total_time=$seconds")
  if build-fuzz/fuzz/kg_fuzz_"$t" "${args[@]}" -timeout=1 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix=build-fuzz/found/"$t"- \
      "$corpus" "$seeds" fuzz/corpus/"$t" fuzz/regressions/"$t" \
      > build-fuzz/logs/"$t".log 2>&1; then
    status=ok
  else
    status=FAILED
  fi
  local execs
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' build-fuzz/logs/"$t".log | grep -o '[0-9]*$' || echo "?")
  printf '%-14s %-6s %12s executions  (log: build-fuzz/logs/%s.log)\n' "$t" "$status" "$execs" "$t"
  [ "$status" = ok ]
}

failed=0
pids=()
names=()
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  run_one "$t" > build-fuzz/logs/"$t".status 2>&1 &
  pids+=($!)
  names+=("$t")
done
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || failed=1
  cat build-fuzz/logs/"${names[$i]}".status
done
if [ "$failed" -ne 0 ]; then
  echo "fuzz.sh: a target failed; the input is in build-fuzz/found/, the log in build-fuzz/logs/" >&2
  exit 1
fi
