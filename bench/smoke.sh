#!/usr/bin/env bash
# CI guard for the benchmarks: runs every JMH benchmark once with minimal iterations (JDK 17, and the hot path at 2
# threads only; growth and lookup at their two smallest sizes), each driver of bench/run.sh once (wrk, heap on JDK 17
# and on 25 with compact object headers, start-up with app archives on 17 and 25, one JVM setting; the JDK server and
# Jetty's servlet filter under wrk on each backend; the library alone on each backend, JDK 17, with its class lists)
# and renders the report into a scratch folder. It judges NO timing (one round gives no verdict); it exits non-zero if anything fails to build, start,
# answer or report. Where JDK 25 is missing, its parts are skipped and the run says so. A few minutes.
# Its counts go to target/test-results/bench-smoke.json (scripts/README.md): one check per verified result below,
# and the JDK 25 parts as skipped checks, with the reason, where there is no JDK 25.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/lib/results.sh"
SCRATCH=$(mktemp -d)
passed=0 skipped=0 reason="" failure="bench/run.sh failed (its output is above)"
finish() {
  local rc=$?
  rm -rf "$SCRATCH"
  if [[ $rc -eq 0 ]]; then write_results bench-smoke "$passed" 0 "$skipped" "$SECONDS" "$reason"
  else write_results bench-smoke "$passed" 1 "$skipped" "$SECONDS" "$reason" "$failure"; fi
}
trap finish EXIT
export OUT="$SCRATCH/results" DOCS="$SCRATCH/docs"
export HOT_OPTS="-f 1 -wi 0 -i 1 -r 100ms" HOT_ROUNDS=1 OTEL_ROUNDS=1 HOT_THREADS=2 HOT_JAVAS=17 ADDER_ROUNDS=1
export PROFILE_OPTS="-f 1 -wi 0 -i 1 -r 300ms" PROFILE_METHODS=counter_raw
export SCRAPE_OPTS="-f 1 -wi 0 -i 1 -r 100ms" SCRAPE_ROUNDS=1 SCRAPE_SIZES="1000"
export NATIVE_OPTS="-f 1 -wi 0 -i 1 -r 100ms" NATIVE_ROUNDS=1 NATIVE_THREADS=1 NATIVE_SIZES="100"
export HTTP_ROUNDS=1 WRK_SECONDS=1 HEAP_ROUNDS=1 HEAP_SERIES=1000 HEAP_JAVAS="17 25coh"
export STARTUP_ROUNDS=1 STARTUP_JAVAS="17 25" STARTUP_ARCHIVES=app TWIN_CONFIGS=small TRAIN_REQUESTS=10
export INTEGRATION_ROUNDS=1 GROWTH_ROUNDS=1 GROWTH_SIZES="1000 2000" LOOKUP_CHILDREN="10 100"
export LIB_ROUNDS=1 LIB_SHARES=jdk LIB_JAVAS=17
export BENCH_PORT=${BENCH_PORT:-24180} IOTD_PORT=${IOTD_PORT:-24111} TWIN_PORT=${TWIN_PORT:-24112}
"$ROOT/bench/run.sh"

fail() { failure="$*"; echo "smoke: $*" >&2; exit 1; }
ok() { passed=$((passed + 1)); }
src=$ROOT/bench/jmh/src/main/java/dev/lucidmetrics/bench
backends=2 # the library's methods (those taking a state with @Param backend) run once per backend
methods() { # class [per-size factor]: results one JMH run of it must give
  local all lucid; all=$(grep -cx ' *@Benchmark' "$src/$1.java")
  lucid=$(grep -cE '^ *public .*_lucid[a-z]*\((LucidMeters|Lucid) ' "$src/$1.java" || true)
  echo $(( (all + lucid * (backends - 1)) * ${2:-1} ))
}
results() { python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$OUT/$1.json"; }
# Every benchmark method must have produced a result (JMH's -foe already fails on an exception).
for f in hotpath-j17-t2-r1:HotPathBenchmark hotpath-otel-t1-r1:HotPathBenchmark contended-j17-t4-r1:ContendedBenchmark \
         adder-t2-r1:AdderBenchmark integrations-r1:IntegrationBenchmark; do
  got=$(results "${f%%:*}") want=$(methods "${f#*:}")
  [[ "$got" == "$want" ]] || fail "${f%%:*} has $got results, expected $want"
  ok
done
got=$(results scrape-r1) want=$(methods ScrapeBenchmark 4)
[[ "$got" == "$want" ]] || fail "scrape has $got results, expected $want (every handler, text and OpenMetrics, plain and gzip)"
ok
got=$(results lookup-r1) want=$(methods LookupBenchmark 2)
[[ "$got" == "$want" ]] || fail "lookup has $got results, expected $want (every implementation at 2 sizes)"
ok
got=$(results growth-r1) want=$(( backends * 2 ))
[[ "$got" == "$want" ]] || fail "growth has $got results, expected $want (the library on each backend at 2 sizes)"
ok
# Each scrape answered the format asked for: OpenMetrics rows carry its content type, text rows do not.
bad=$(python3 - "$OUT/scrape-sizes.csv" <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if ("openmetrics" in r["content_type"]) != (r["format"] == "openmetrics"):
        print(r["impl"], r["backend"], r["format"], r["content_type"])
PY
)
[[ -z "$bad" ]] || fail "scrapes answered another format than asked: $bad"
ok
# Native histograms: observe() of each kind, and a scrape in each format (protobuf beside text and OpenMetrics).
got=$(results native-observe-t1-r1) want=$(methods NativeObserveBenchmark)
[[ "$got" == "$want" ]] || fail "native-observe has $got results, expected $want (each kind, library and raw)"
ok
got=$(results native-scrape-r1) want=$(methods ProtobufScrapeBenchmark)
[[ "$got" == "$want" ]] || fail "native-scrape has $got results, expected $want (each format, library and raw)"
ok
grep -q '^counter_raw,' "$OUT/adder-profile.csv" || fail "no JFR profile of counter_raw in adder-profile.csv"
ok
# client_java 1.x: exactly one version in the shaded jar (two would overwrite each other's classes).
versions=$(python3 - "$ROOT/bench/jmh/target/benchmarks.jar" <<'PY'
import re, sys, zipfile
jar = zipfile.ZipFile(sys.argv[1])
names = [n for n in jar.namelist() if re.match(r"META-INF/maven/io.prometheus/prometheus-metrics.*/pom.properties$", n)]
print("\n".join(sorted({l[8:] for n in names for l in jar.read(n).decode().splitlines() if l.startswith("version=")})))
PY
)
[[ $(echo "$versions" | wc -l) == 1 && -n "$versions" ]] || fail "benchmarks.jar holds client_java 1.x versions: $versions"
ok
# Start-up: every app with its archive on each JDK that ran, every run answering 1,000 × 200 (the runs without an
# app archive differ only by -Xshare:on in place of the archive flags).
jdks=17; [[ -f "$OUT/skipped-25.txt" ]] && grep -q start-up "$OUT/skipped-25.txt" || jdks="17 25"
want=$(( $(wc -w <<< "$jdks") * $(wc -w <<< "$STARTUP_ARCHIVES") * 3 ))
got=$(awk -F, 'NR > 1 && $8 == 1000' "$OUT/startup.csv" | wc -l)
[[ "$got" == "$want" ]] || { cat "$OUT/startup.csv" >&2; fail "start-up has $got good runs, expected $want"; }
ok
# The HTTP servers: bare and each backend answered wrk (wrk_run already checked an instrumented one counted).
for f in http http-jetty; do
  got=$(awk -F, 'NR > 1 && $4 > 0 {print $2 ($3 == "" ? "" : "-" $3)}' "$OUT/$f.csv" | sort -u | paste -sd' ')
  [[ "$got" == "bare instrumented-client_java instrumented-simpleclient" ]] \
    || fail "$f.csv has results for '$got', expected bare and instrumented on each backend"
  ok
done
# The library alone: both variants on both backends answered 1,000 × 200, and the class lists name the library's.
got=$(awk -F, 'NR > 1 && $8 == 1000' "$OUT/library-startup.csv" | wc -l)
[[ "$got" == $(( backends * 2 )) ]] || { cat "$OUT/library-startup.csv" >&2; fail "library start-up has $got good runs"; }
ok
for b in simpleclient client_java; do
  grep -q '^start,dev\.lucidmetrics\.core\.AppMetrics$' "$OUT/library-classes-j17-$b.csv" \
    || fail "library-classes-j17-$b.csv does not list AppMetrics among the classes loaded at start"
  ok
done
grep -q ',lucid:client_java,' "$OUT/heap.csv" || fail "heap.csv has no row of the client_java backend"
ok
for heading in '^## Rules of the run' '^## Goals' 'The Servlet filter on Jetty' "^## 7\. The library's own" \
               '^## 8\. Integrations' '^## 9\. How cost grows' 'performance-growth.svg' 'performance-lookup.svg' \
               '^## 10\. Native histograms'; do
  grep -q "$heading" "$DOCS/performance.md" || fail "the report has no '$heading'"
  ok
done
if [[ -f "$OUT/skipped-25.txt" ]]; then
  skipped=$(wc -l < "$OUT/skipped-25.txt")
  reason="JDK 25 not installed at ${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}: skipped $(paste -sd, "$OUT/skipped-25.txt")"
  echo "bench smoke: $reason"
fi
echo "bench smoke: all benchmarks and drivers ran (timings not judged)"
