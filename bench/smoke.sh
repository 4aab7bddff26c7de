#!/usr/bin/env bash
# CI guard for the benchmarks: runs every JMH benchmark once with minimal iterations, plus each load
# driver of bench/run.sh (wrk, heap, Spring twin vs demo-iotd) once, and renders the report into a scratch folder.
# It judges NO timing; it exits non-zero if anything fails to build, start, answer or report. About 2-3 minutes.
# Its counts go to target/test-results/bench-smoke.json (scripts/README.md).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/lib/results.sh"
SCRATCH=$(mktemp -d)
passed=0 failure="bench/run.sh failed (its output is above)"
finish() {
  local rc=$?
  rm -rf "$SCRATCH"
  if [[ $rc -eq 0 ]]; then write_results bench-smoke "$passed" 0 0 "$SECONDS"
  else write_results bench-smoke "$passed" 1 0 "$SECONDS" "" "$failure"; fi
}
trap finish EXIT
export OUT="$SCRATCH/results" DOCS="$SCRATCH/docs"
export HOT_OPTS="-f 1 -wi 0 -i 1 -r 100ms" HOT_ROUNDS=1 OTEL_ROUNDS=1
export SCRAPE_OPTS="-f 1 -wi 0 -i 1 -r 100ms -p series=1000" SCRAPE_ROUNDS=1
export SCRAPE_SIZES="1000"
export HTTP_ROUNDS=1 WRK_SECONDS=1 HEAP_ROUNDS=1 HEAP_SERIES=1000 TWIN_ROUNDS=1
export BENCH_PORT=${BENCH_PORT:-33180} IOTD_PORT=${IOTD_PORT:-33111} TWIN_PORT=${TWIN_PORT:-33112}
"$ROOT/bench/run.sh"
passed=1
# Every benchmark method must have produced a result (JMH's -foe already fails on an exception).
expected=$(grep -cx ' *@Benchmark' "$ROOT"/bench/jmh/src/main/java/dev/lucidmetrics/bench/HotPathBenchmark.java)
for f in hotpath-t1-r1 hotpath-t2-r1 hotpath-otel-t1-r1; do
  failure="$f.json is missing or not JSON"
  got=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$OUT/$f.json")
  failure="$f has $got results, expected $expected"
  [[ "$got" == "$expected" ]] || { echo "smoke: $failure" >&2; exit 1; }
  passed=$((passed + 1))
done
failure="scrape-r1.json is missing or not JSON"
got=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$OUT/scrape-r1.json")
failure="scrape has $got results, expected 6"
[[ "$got" == 6 ]] || { echo "smoke: $failure" >&2; exit 1; }
passed=$((passed + 1))
echo "bench smoke: all benchmarks and drivers ran (timings not judged)"
