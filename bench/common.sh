# Shared by the bench scripts: measure NAME BYTES CMD... runs CMD $runs times under
# /usr/bin/time and prints one Markdown table row of medians (wall s, MB/s of BYTES, user s,
# peak RSS MB; with $pages set, pages/s after MB/s). Needs $runs and $out (a scratch folder)
# set by the caller.
measure() {
  local name=$1 bytes=$2; shift 2
  local rows=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %M" -o "$out/time" "$@" >/dev/null 2>"$out/stderr" || { cat "$out/stderr" >&2; exit 1; }
    rows+=("$(cat "$out/time")")
  done
  printf '%s\n' "${rows[@]}" | python3 -c "
import statistics, sys
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
wall, user, rss = (statistics.median(c) for c in zip(*rows))
pages = '${pages:-}'
rate = f' {int(pages) / wall:,.0f} |' if pages else ''
print(f'| $name | {wall:.2f} | {$bytes / 1e6 / wall:.2f} |{rate} {user:.2f} | {rss / 1024:.0f} |')"
}
