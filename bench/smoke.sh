#!/usr/bin/env bash
# CI guard for the benchmarks (issue 6): runs every JMH benchmark once with minimal iterations, plus each load
# driver of bench/run.sh (wrk, heap, Spring twin vs demo-iotd) once, and renders the report into a scratch folder.
# It judges NO timing; it exits non-zero if anything fails to build, start, answer or report. About 2-3 minutes.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
export OUT="$SCRATCH/results" DOCS="$SCRATCH/docs"
export HOT_OPTS="-f 1 -wi 0 -i 1 -r 100ms" HOT_ROUNDS=1 OTEL_ROUNDS=1
export SCRAPE_OPTS="-f 1 -wi 0 -i 1 -r 100ms -p series=1000" SCRAPE_ROUNDS=1
export SCRAPE_SIZES="1000"
export HTTP_ROUNDS=1 WRK_SECONDS=1 HEAP_ROUNDS=1 HEAP_SERIES=1000 TWIN_ROUNDS=1
export BENCH_PORT=${BENCH_PORT:-33180} IOTD_PORT=${IOTD_PORT:-33111} TWIN_PORT=${TWIN_PORT:-33112}
"$ROOT/bench/run.sh"
# Every benchmark method must have produced a result (JMH's -foe already fails on an exception).
expected=$(grep -cx ' *@Benchmark' "$ROOT"/bench/jmh/src/main/java/dev/lucidmetrics/bench/HotPathBenchmark.java)
for f in hotpath-t1-r1 hotpath-t2-r1 hotpath-otel-t1-r1; do
  got=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$OUT/$f.json")
  [[ "$got" == "$expected" ]] || { echo "smoke: $f has $got results, expected $expected" >&2; exit 1; }
done
got=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$OUT/scrape-r1.json")
[[ "$got" == 6 ]] || { echo "smoke: scrape has $got results, expected 6" >&2; exit 1; }
echo "bench smoke: all benchmarks and drivers ran (timings not judged)"
