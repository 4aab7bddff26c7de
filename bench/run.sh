#!/usr/bin/env bash
# The full benchmark run (bench/README.md gives its duration per part). Writes machine-readable results to bench/results/ and regenerates
# docs/performance.md and docs/performance-scrape.svg from them (bench/report.py).
#
#   bench/run.sh                          # everything
#   ONLY="hotpath scrape" bench/run.sh    # a subset of the PARTS below (the report always runs)
#
# Settings (env), each with its default:
#   JMH rounds and options:  HOT_OPTS ("-f 1 -wi 2 -w 300ms -i 3 -r 300ms") HOT_ROUNDS (5) HOT_THREADS ("1 2 4")
#                            HOT_JAVAS ("17 25") OTEL_ROUNDS (3) ADDER_ROUNDS (5) PROFILE_OPTS and
#                            PROFILE_METHODS (the JFR-profiled run)
#                            SCRAPE_OPTS ("-f 1 -wi 2 -w 1s -i 3 -r 1s") SCRAPE_ROUNDS (5) SCRAPE_SIZES
#                            ("1000 10000 100000")
#   integrations (JMH):      INTEGRATION_ROUNDS (5; HOT_OPTS, 1 thread, JDK 17)
#   growth (JMH):            GROWTH_ROUNDS (5) GROWTH_SIZES ("1000 10000 100000 1000000", the library's scrape,
#                            text, plain, SCRAPE_OPTS, -Xmx4g) LOOKUP_CHILDREN ("10 1000 100000", HOT_OPTS)
#   native histograms:       NATIVE_OPTS ("-f 1 -wi 2 -w 300ms -i 3 -r 300ms") NATIVE_ROUNDS (5) NATIVE_THREADS
#                            ("1 2 4") NATIVE_SIZES ("100 1000", histogram series in the protobuf scrape)
#   HTTP:                    HTTP_ROUNDS (5) WRK_SECONDS (8) HTTP_BACKENDS ("simpleclient client_java") BENCH_PORT (24080, hello server for wrk; the Jetty
#                            one's metrics on BENCH_PORT + 1)
#   heap:                    HEAP_ROUNDS (3) HEAP_SERIES (100000) HEAP_JAVAS ("17 25 25coh")
#   start-up:                STARTUP_ROUNDS (5) STARTUP_JAVAS ("17 25") TWIN_CONFIGS ("default small")
#                            STARTUP_ARCHIVES ("none app") IOTD_PORT (24011) TWIN_PORT (24012)
#   library start-up:        LIB_ROUNDS (7) LIB_BACKENDS ("simpleclient client_java") LIB_SHARES ("off jdk")
#                            LIB_JAVAS ("17 25")
#   JAVA17 (java on the PATH), JAVA25 (/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; parts for 25 are skipped, and say
#   so, when it is missing), SKIP_BUILD (unset), OUT (bench/results), DOCS (docs). bench/smoke.sh sets them all tiny.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
OUT=${OUT:-$BENCH/results}
DOCS=${DOCS:-$ROOT/docs}
JAR="$BENCH/jmh/target/benchmarks.jar"
FLOOR_JAR="$BENCH/jmh/target/bench-floor.jar"
OTEL_CP="$BENCH/jmh/target/otel-classpath/*"
TWIN_JAR="$BENCH/spring-twin/target/spring-twin.jar"
PARTS="hotpath adder scrape native integrations growth http heap startup library"
ONLY=${ONLY:-$PARTS}
HOT_OPTS=${HOT_OPTS:-"-f 1 -wi 2 -w 300ms -i 3 -r 300ms"}
HOT_ROUNDS=${HOT_ROUNDS:-5}
HOT_THREADS=${HOT_THREADS:-"1 2 4"}
HOT_JAVAS=${HOT_JAVAS:-"17 25"}
OTEL_ROUNDS=${OTEL_ROUNDS:-3}
ADDER_ROUNDS=${ADDER_ROUNDS:-5}
PROFILE_OPTS=${PROFILE_OPTS:-"-f 1 -wi 2 -w 500ms -i 3 -r 2s"}
PROFILE_METHODS=${PROFILE_METHODS:-"counter_raw|counter_lucid|counter_micrometer|counter_clientjava|storage_simpleclient|storage_jdkdouble"}
SCRAPE_OPTS=${SCRAPE_OPTS:-"-f 1 -wi 2 -w 1s -i 3 -r 1s"}
SCRAPE_ROUNDS=${SCRAPE_ROUNDS:-5}
SCRAPE_SIZES=${SCRAPE_SIZES:-"1000 10000 100000"}
INTEGRATION_ROUNDS=${INTEGRATION_ROUNDS:-5}
GROWTH_ROUNDS=${GROWTH_ROUNDS:-5}
GROWTH_SIZES=${GROWTH_SIZES:-"1000 10000 100000 1000000"}
LOOKUP_CHILDREN=${LOOKUP_CHILDREN:-"10 1000 100000"}
HTTP_BACKENDS=${HTTP_BACKENDS:-"simpleclient client_java"}
LIB_ROUNDS=${LIB_ROUNDS:-7}
LIB_BACKENDS=${LIB_BACKENDS:-"simpleclient client_java"}
LIB_SHARES=${LIB_SHARES:-"off jdk"}
LIB_JAVAS=${LIB_JAVAS:-"17 25"}
NATIVE_OPTS=${NATIVE_OPTS:-"-f 1 -wi 2 -w 300ms -i 3 -r 300ms"}
NATIVE_ROUNDS=${NATIVE_ROUNDS:-5}
NATIVE_THREADS=${NATIVE_THREADS:-"1 2 4"}
NATIVE_SIZES=${NATIVE_SIZES:-"100 1000"}
HTTP_ROUNDS=${HTTP_ROUNDS:-5}
WRK_SECONDS=${WRK_SECONDS:-8}
HEAP_ROUNDS=${HEAP_ROUNDS:-3}
HEAP_SERIES=${HEAP_SERIES:-100000}
HEAP_JAVAS=${HEAP_JAVAS:-"17 25 25coh"}
STARTUP_ROUNDS=${STARTUP_ROUNDS:-${TWIN_ROUNDS:-5}}
STARTUP_JAVAS=${STARTUP_JAVAS:-"17 25"}
STARTUP_ARCHIVES=${STARTUP_ARCHIVES:-"none app"}
TWIN_CONFIGS=${TWIN_CONFIGS:-"default small"}
BENCH_PORT=${BENCH_PORT:-24080}
IOTD_PORT=${IOTD_PORT:-24011}
TWIN_PORT=${TWIN_PORT:-24012}
JAVA17=${JAVA17:-$(command -v java)}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
WRK=${WRK:-/usr/bin/wrk}
mkdir -p "$OUT"
PARTS_CSV="$OUT/parts.csv"
[[ -f "$PARTS_CSV" ]] || echo "part,start_utc,end_utc,loadavg_start,loadavg_end,git" > "$PARTS_CSV"
# shellcheck source=scripts/lib/common.sh
source "$ROOT/scripts/lib/common.sh"   # ports, processes, health polls: the scripts' one library
trap stop_all EXIT                      # an app left running by a failed part stops with the run

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

part_begin() { part_start=$(date -u +%Y-%m-%dT%H:%M:%SZ); part_load=$(cut -d' ' -f1 /proc/loadavg); }
part_end() { # part: replace its previous line with this run's times and 1-minute load averages
  local rev; rev=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
  grep -v "^$1," "$PARTS_CSV" > "$PARTS_CSV.tmp" || true
  echo "$1,$part_start,$(date -u +%Y-%m-%dT%H:%M:%SZ),$part_load,$(cut -d' ' -f1 /proc/loadavg),$rev" >> "$PARTS_CSV.tmp"
  mv "$PARTS_CSV.tmp" "$PARTS_CSV"
  write_settings "$1"
}
write_settings() { # part: the settings it ran with, into settings.json (the report's rules list them)
  python3 - "$OUT/settings.json" "$1" <<'PY'
import json, os, sys
names = ("HOT_OPTS HOT_ROUNDS HOT_THREADS HOT_JAVAS OTEL_ROUNDS ADDER_ROUNDS PROFILE_OPTS SCRAPE_OPTS SCRAPE_ROUNDS "
         "SCRAPE_SIZES INTEGRATION_ROUNDS GROWTH_ROUNDS GROWTH_SIZES LOOKUP_CHILDREN HTTP_ROUNDS WRK_SECONDS "
         "HTTP_BACKENDS NATIVE_OPTS NATIVE_ROUNDS NATIVE_THREADS NATIVE_SIZES HEAP_ROUNDS HEAP_SERIES HEAP_JAVAS STARTUP_ROUNDS STARTUP_JAVAS STARTUP_ARCHIVES TWIN_CONFIGS "
         "LIB_ROUNDS LIB_BACKENDS LIB_SHARES LIB_JAVAS").split()
settings = json.load(open(sys.argv[1])) if os.path.exists(sys.argv[1]) else {}
settings[sys.argv[2]] = {n: os.environ[n] for n in names}
json.dump(settings, open(sys.argv[1], "w"), indent=1)
PY
}

java_of() { # 17|25 -> the java binary for that JDK
  case $1 in 17) echo "$JAVA17";; 25) echo "$JAVA25";; *) echo "unknown JDK \"$1\" (17, 25)" >&2; exit 1;; esac
}
have_java() { [[ -x "$(java_of "$1")" ]]; }

launch() { # name port url cmd... : start, wait for a 200 on url; sets pid and launch_ms (launch to first 200).
  # Dev ports lie inside Linux's ephemeral range, so an outgoing connection can briefly hold one and the bind
  # fails; such an attempt (its log says "in use") is discarded and retried, up to three times. Polled every
  # 10 ms, so the start time is not rounded up to common.sh's default 0.2 s.
  local name=$1 port=$2 url=$3; shift 3
  for attempt in 1 2 3; do
    local t0; t0=$(date +%s%N)
    start_process "$name" "$port" "$OUT/$name.log" "$@" \
      || { echo "set the port variables of bench/run.sh" >&2; exit 1; }
    pid=$STARTED_PID
    if POLL_INTERVAL=0.01 wait_healthy 90 "$url" "$pid" "$OUT/$name.log"; then
      launch_ms=$(( ($(date +%s%N) - t0) / 1000000 )); return 0
    fi
    stop_pid "$pid"
    grep -qi 'in use' "$OUT/$name.log" || break
    log "$name: port $port was taken at bind time (attempt $attempt); retrying"
    sleep 1
  done
  echo "$name did not answer $url:" >&2; cat "$OUT/$name.log" >&2; exit 1
}
wants() { [[ " $ONLY " == *" $1 "* ]]; }
for part in $ONLY; do
  [[ " $PARTS " == *" $part "* ]] || { echo "ONLY: unknown part \"$part\" ($PARTS)" >&2; exit 1; }
done
export HOT_OPTS HOT_ROUNDS HOT_THREADS HOT_JAVAS OTEL_ROUNDS ADDER_ROUNDS PROFILE_OPTS SCRAPE_OPTS SCRAPE_ROUNDS \
  SCRAPE_SIZES INTEGRATION_ROUNDS GROWTH_ROUNDS GROWTH_SIZES LOOKUP_CHILDREN HTTP_ROUNDS WRK_SECONDS HTTP_BACKENDS \
  NATIVE_OPTS NATIVE_ROUNDS NATIVE_THREADS NATIVE_SIZES HEAP_ROUNDS HEAP_SERIES HEAP_JAVAS STARTUP_ROUNDS STARTUP_JAVAS STARTUP_ARCHIVES TWIN_CONFIGS LIB_ROUNDS \
  LIB_BACKENDS LIB_SHARES LIB_JAVAS
skipped_25() { log "JDK 25 not found at $JAVA25: $1 on 25 skipped (set JAVA25)"; echo "$1" >> "$OUT/skipped-25.txt"; }
rm -f "$OUT/skipped-25.txt"

# ---------------------------------------------------------------- build
if [[ -z "${SKIP_BUILD:-}" ]]; then
  log "building benchmarks.jar, the floor jar, the Spring twin and demo-iotd"
  (cd "$ROOT" && mvn -B -q -Pbench package -Dmaven.test.skip=true -pl bench/jmh,bench/spring-twin,demo-iotd -am)
fi

# ---------------------------------------------------------------- machine
{
  echo "{"
  echo "  \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
  echo "  \"cpu\": \"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')\","
  echo "  \"cores\": $(nproc),"
  echo "  \"mem_total_kb\": $(awk '/MemTotal/ {print $2}' /proc/meminfo),"
  echo "  \"kernel\": \"$(uname -r)\","
  echo "  \"java\": \"$("$JAVA17" -version 2>&1 | head -2 | tail -1)\","
  echo "  \"java25\": \"$( (have_java 25 && "$JAVA25" -version 2>&1 | head -2 | tail -1) || echo "not found at $JAVA25")\","
  echo "  \"wrk\": \"$($WRK -v 2>&1 | head -1 | cut -c1-60)\","
  echo "  \"loadavg_start\": \"$(cut -d' ' -f1-3 /proc/loadavg)\","
  echo "  \"git\": \"$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)\""
  echo "}"
} > "$OUT/machine.json"

jmh() { # jdk name class-path jmh-args... : one JMH run into $OUT/name.json (+ .log)
  local jdk=$1 name=$2 cp=$3; shift 3
  "$(java_of "$jdk")" -cp "$cp" org.openjdk.jmh.Main "$@" -foe true -rf json -rff "$OUT/$name.json" > "$OUT/$name.log"
}

# ---------------------------------------------------------------- hot path
# Each part runs as several short JMH rounds (-f 1 each) rather than one long run: within a round the
# implementations of one case run back to back (JMH orders by name), so each ratio compares measurements seconds
# apart, and the spread across rounds shows how much the shared machine moved them. bench/report.py takes each
# round's median iteration and the median of the per-round ratios (a verdict needs at least 5 rounds).
if wants hotpath; then
  part_begin
  rm -f "$OUT"/hotpath-*.json "$OUT"/hotpath-*.log "$OUT"/contended-*.json "$OUT"/contended-*.log
  for round in $(seq 1 "$HOT_ROUNDS"); do
    for jdk in $HOT_JAVAS; do
      if ! have_java "$jdk"; then (( round > 1 )) || skipped_25 "hot path"; continue; fi
      for t in $HOT_THREADS; do
        log "hot path round $round, JDK $jdk, $t thread(s)"
        jmh "$jdk" "hotpath-j$jdk-t$t-r$round" "$JAR" HotPathBenchmark $HOT_OPTS -t "$t" -p classpath=plain
      done
      log "contended loop round $round, JDK $jdk, 4 threads"
      jmh "$jdk" "contended-j$jdk-t4-r$round" "$JAR" ContendedBenchmark $HOT_OPTS -t 4
    done
    if (( round <= OTEL_ROUNDS )); then
      log "hot path round $round, JDK 17, 1 thread, OpenTelemetry API on the class path"
      jmh 17 "hotpath-otel-t1-r$round" "$JAR:$OTEL_CP" HotPathBenchmark $HOT_OPTS -t 1 -p classpath=otel
    fi
  done
  part_end hotpath
fi

# ---------------------------------------------------------------- contended counter storage, and where it goes
if wants adder; then
  part_begin
  rm -f "$OUT"/adder-*.json "$OUT"/adder-*.log "$OUT"/adder-profile.csv
  for round in $(seq 1 "$ADDER_ROUNDS"); do
    for t in $HOT_THREADS; do
      log "counter storage round $round, $t thread(s)"
      jmh 17 "adder-t$t-r$round" "$JAR" AdderBenchmark $HOT_OPTS -t "$t"
    done
  done
  # Where two threads on one counter spend their time: JMH's JFR profiler (execution samples with inlined frames
  # resolved; no hardware counters needed, unlike -prof perfnorm, which this VM lacks), counted by top frame.
  log "JFR profile of two threads on one counter"
  rm -rf "$BENCH/target/adder-jfr"
  jmh 17 adder-profile "$JAR" "AdderBenchmark.($PROFILE_METHODS)\$" \
    $PROFILE_OPTS -t 2 -prof "jfr:dir=$BENCH/target/adder-jfr"
  python3 "$BENCH/reporting/jfr_frames.py" "$(dirname "$(readlink -f "$JAVA17")")/jfr" "$BENCH/target/adder-jfr" \
    > "$OUT/adder-profile.csv"
  part_end adder
fi

# ---------------------------------------------------------------- scrape
if wants scrape; then
  part_begin
  rm -f "$OUT"/scrape-r*.json "$OUT"/scrape-r*.log
  sizes=$(echo "$SCRAPE_SIZES" | tr ' ' ',')
  for round in $(seq 1 "$SCRAPE_ROUNDS"); do
    log "scrape round $round: $SCRAPE_SIZES series, text and OpenMetrics, plain and gzip, with -prof gc"
    jmh 17 "scrape-r$round" "$JAR" "bench\.ScrapeBenchmark\." $SCRAPE_OPTS -p series="$sizes" -jvmArgs "-Xms2g -Xmx2g" -prof gc
  done
  "$JAVA17" -cp "$JAR" dev.lucidmetrics.bench.ScrapeSizes $SCRAPE_SIZES > "$OUT/scrape-sizes.csv"
  part_end scrape
fi

# ---------------------------------------------------------------- native histograms
# observe() into a classic, a native and a both histogram on the client_java backend and in raw client_java (and
# Micrometer's classic histogram), side by side in one run at each thread count, and one scrape of histogram series
# in text, OpenMetrics and protobuf by the library and by raw client_java's writers.
if wants native; then
  part_begin
  rm -f "$OUT"/native-*.json "$OUT"/native-*.log
  sizes=$(echo "$NATIVE_SIZES" | tr ' ' ',')
  for round in $(seq 1 "$NATIVE_ROUNDS"); do
    log "native histograms round $round: observe by kind ($NATIVE_THREADS threads), scrape of $NATIVE_SIZES series by format"
    for t in $NATIVE_THREADS; do
      jmh 17 "native-observe-t$t-r$round" "$JAR" "bench\.NativeObserveBenchmark\." $NATIVE_OPTS -t "$t"
    done
    jmh 17 "native-scrape-r$round" "$JAR" "bench\.ProtobufScrapeBenchmark\." $NATIVE_OPTS -p series="$sizes" -prof gc
  done
  part_end native
fi

# ---------------------------------------------------------------- integrations: executor and log-event counters
if wants integrations; then
  part_begin
  rm -f "$OUT"/integrations-r*.json "$OUT"/integrations-r*.log
  for round in $(seq 1 "$INTEGRATION_ROUNDS"); do
    log "integrations round $round: executor task, Logback and JUL events, bare and instrumented"
    jmh 17 "integrations-r$round" "$JAR" IntegrationBenchmark $HOT_OPTS -t 1
  done
  part_end integrations
fi

# ---------------------------------------------------------------- growth: scrape to 1M series, lookup to 100k children
# The library's own scrape (both backends, text, plain) from 1k to 1M series of one counter, and the labelled lookup
# among 10 to 100k children of one metric; maxLabelCombinations is raised to the size in both (ScrapeTargets.lucid,
# LookupBenchmark), since the default of 1,000 would refuse the larger rows.
if wants growth; then
  part_begin
  rm -f "$OUT"/growth-r*.json "$OUT"/growth-r*.log "$OUT"/lookup-r*.json "$OUT"/lookup-r*.log
  for round in $(seq 1 "$GROWTH_ROUNDS"); do
    log "growth round $round: the library's scrape at $GROWTH_SIZES series"
    jmh 17 "growth-r$round" "$JAR" 'bench\.ScrapeBenchmark\.scrape_lucid$' $SCRAPE_OPTS -p series="$(tr ' ' , <<< "$GROWTH_SIZES")" \
      -p encoding=plain -p format=text -jvmArgs "-Xms4g -Xmx4g" -prof gc
    log "growth round $round: labelled lookup among $LOOKUP_CHILDREN children"
    jmh 17 "lookup-r$round" "$JAR" LookupBenchmark $HOT_OPTS -t 1 -p children="$(tr ' ' , <<< "$LOOKUP_CHILDREN")" \
      -jvmArgs "-Xms2g -Xmx2g"
  done
  "$JAVA17" -Xmx4g -Dimpls=lucid -cp "$JAR" dev.lucidmetrics.bench.ScrapeSizes $GROWTH_SIZES > "$OUT/growth-sizes.csv"
  part_end growth
fi

# ---------------------------------------------------------------- HTTP instrumentation overhead
if wants http; then
  part_begin
  # shellcheck source=bench/run-http.sh
  source "$BENCH/run-http.sh"
  part_end http
fi

# ---------------------------------------------------------------- heap per labelled series
if wants heap; then
  part_begin
  # JDK 17, JDK 25, and JDK 25 with compact object headers (8-byte instead of 12-byte headers on every object).
  echo "jdk,round,impl,series,bytes_per_series" > "$OUT/heap.csv"
  for round in $(seq 1 "$HEAP_ROUNDS"); do
    for jdk in $HEAP_JAVAS; do
      flags=(); [[ "$jdk" == 25coh ]] && flags=(-XX:+UseCompactObjectHeaders)
      if ! have_java "${jdk%coh}"; then (( round > 1 )) || skipped_25 "heap ($jdk)"; continue; fi
      for impl in lucid:simpleclient lucid:client_java raw micrometer clientjava adder rawgauge addergauge; do
        log "heap round $round, JDK $jdk: $impl"
        line=$("$(java_of "${jdk%coh}")" "${flags[@]}" -XX:+UseSerialGC -Xms1g -Xmx1g -cp "$JAR" \
          dev.lucidmetrics.bench.HeapPerSeries "$impl" "$HEAP_SERIES")
        echo "$jdk,$round,$line" >> "$OUT/heap.csv"
      done
    done
  done
  part_end heap
fi

# ---------------------------------------------------------------- start-up and memory: demo-iotd, Spring twin, floor
if wants startup; then
  part_begin
  # shellcheck source=bench/run-startup.sh
  source "$BENCH/run-startup.sh"
  part_end startup
fi

# ---------------------------------------------------------------- the library's own start-up, memory and classes
if wants library; then
  part_begin
  # shellcheck source=bench/run-startup-library.sh
  source "$BENCH/run-startup-library.sh"
  part_end library
fi

sed -i "s|\"git\"|\"loadavg_end\": \"$(cut -d' ' -f1-3 /proc/loadavg)\",\n  \"git\"|" "$OUT/machine.json"
log "writing $DOCS/performance.md"
python3 "$BENCH/report.py" "$OUT" "$DOCS"
log "done"
