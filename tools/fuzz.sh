#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang and runs each in turn, one
# process at a time (the machine is shared).
#   tools/fuzz.sh [SECONDS]   each target for SECONDS (default $FUZZ_SECONDS or 60)
#   tools/fuzz.sh --smoke     each target briefly, as a step of `make test`
# The seed corpus is made from tests/fixtures/** at run time; what libFuzzer
# learns stays in build-fuzz/corpus/ for the next run. A crash leaves its input
# in build-fuzz/crashes/ and fails the run: turn it into a [regression] test.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-${FUZZ_SECONDS:-60}}
[ "$seconds" = --smoke ] && seconds=10
max_len=${FUZZ_MAX_LEN:-16384}
out=build-fuzz
targets=(read_fuzzer analyze_fuzzer)

command -v clang++ >/dev/null || { echo "fuzz: clang++ missing (run make deps)" >&2; exit 1; }
cmake -S fuzz -B "$out" -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$out" -j2 -- --no-print-directory | grep -v '^\[\|^Consolidate\|^Scanning' || true
for t in "${targets[@]}"; do
  [ -x "$out/$t" ] || { echo "fuzz: $out/$t did not build" >&2; exit 1; }
done

# Seeds: every fixture, and the shared seed article when it is there.
rm -rf "$out/seeds"
mkdir -p "$out/seeds" "$out/crashes"
n=0
while IFS= read -r -d '' f; do
  cp "$f" "$out/seeds/$(printf '%03d' $n)_$(basename "$f")"
  n=$((n + 1))
done < <(find tests/fixtures ../shared/seed -type f -size -1000k -print0 2>/dev/null | sort -z)

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
total=0
for t in "${targets[@]}"; do
  mkdir -p "$out/corpus/$t"
  log="$out/$t.log"
  printf 'fuzz: %-15s %4ss ... ' "$t" "$seconds"
  if "$out/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
      -dict=fuzz/quoteline.dict -print_final_stats=1 -artifact_prefix="$out/crashes/$t-" \
      "$out/corpus/$t" "$out/seeds" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    total=$((total + ${runs:-0}))
    echo "ok, ${runs:-?} executions, corpus $(ls "$out/corpus/$t" | wc -l) inputs"
    printf '%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$seconds" "${runs:-0}" >>"$out/executions.tsv"
  else
    status=1
    echo "FAILED (log: $log)"
    grep -m1 -A12 'ERROR\|runtime error\|_fuzzer: ' "$log" | sed 's/^/    /' || tail -20 "$log"
    ls -t "$out"/crashes/"$t"-* 2>/dev/null | head -1 | sed 's/^/    input: /'
  fi
done
all=$(awk -F'\t' '{s += $4} END {print s + 0}' "$out/executions.tsv" 2>/dev/null || echo 0)
echo "fuzz: $total executions in this run, $all in $out/executions.tsv so far"
exit $status
