#!/usr/bin/env bash
# The full benchmark run (about 70 minutes on 2 cores). Writes machine-readable results to bench/results/ and regenerates
# docs/performance.md and docs/performance-scrape.svg from them (bench/report.py).
#
#   bench/run.sh                          # everything
#   ONLY="hotpath scrape" bench/run.sh    # a subset of: hotpath adder scrape native http heap startup (report always
#                                         # runs; "native" has no figures of record yet and is not in the report)
#
# Settings (env), each with its default:
#   JMH rounds and options:  HOT_OPTS ("-f 1 -wi 2 -w 300ms -i 3 -r 300ms") HOT_ROUNDS (5) HOT_THREADS ("1 2 4")
#                            HOT_JAVAS ("17 25") OTEL_ROUNDS (3) ADDER_ROUNDS (5) PROFILE_OPTS and
#                            PROFILE_METHODS (the JFR-profiled run)
#                            SCRAPE_OPTS ("-f 1 -wi 2 -w 1s -i 3 -r 1s") SCRAPE_ROUNDS (5) SCRAPE_SIZES
#                            ("1000 10000 100000")
#   native histograms:       NATIVE_OPTS ("-f 1 -wi 2 -w 300ms -i 3 -r 300ms") NATIVE_ROUNDS (3) NATIVE_SIZES
#                            ("100 1000", histogram series in the protobuf scrape)
#   HTTP:                    HTTP_ROUNDS (5) WRK_SECONDS (8) BENCH_PORT (24080, hello server for wrk; the Jetty
#                            one's metrics on BENCH_PORT + 1)
#   heap:                    HEAP_ROUNDS (3) HEAP_SERIES (100000) HEAP_JAVAS ("17 25 25coh")
#   start-up:                STARTUP_ROUNDS (5) STARTUP_JAVAS ("17 25") TWIN_CONFIGS ("default small")
#                            STARTUP_ARCHIVES ("none app") IOTD_PORT (24011) TWIN_PORT (24012)
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
ONLY=${ONLY:-"hotpath adder scrape native http heap startup"}
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
NATIVE_OPTS=${NATIVE_OPTS:-"-f 1 -wi 2 -w 300ms -i 3 -r 300ms"}
NATIVE_ROUNDS=${NATIVE_ROUNDS:-3}
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
PARTS="$OUT/parts.csv"
[[ -f "$PARTS" ]] || echo "part,start_utc,end_utc,loadavg_start,loadavg_end,git" > "$PARTS"
# shellcheck source=scripts/lib/common.sh
source "$ROOT/scripts/lib/common.sh"   # ports, processes, health polls: the scripts' one library
trap stop_all EXIT                      # an app left running by a failed part stops with the run

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

part_begin() { part_start=$(date -u +%Y-%m-%dT%H:%M:%SZ); part_load=$(cut -d' ' -f1 /proc/loadavg); }
part_end() { # part: replace its previous line with this run's times and 1-minute load averages
  local rev; rev=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
  grep -v "^$1," "$PARTS" > "$PARTS.tmp" || true
  echo "$1,$part_start,$(date -u +%Y-%m-%dT%H:%M:%SZ),$part_load,$(cut -d' ' -f1 /proc/loadavg),$rev" >> "$PARTS.tmp"
  mv "$PARTS.tmp" "$PARTS"
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
  [[ " hotpath adder scrape native http heap startup " == *" $part "* ]] \
    || { echo "ONLY: unknown part \"$part\" (hotpath adder scrape native http heap startup)" >&2; exit 1; }
done
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
    log "scrape round $round: $SCRAPE_SIZES series, plain and gzip, with -prof gc"
    jmh 17 "scrape-r$round" "$JAR" "bench\.ScrapeBenchmark\." $SCRAPE_OPTS -p series="$sizes" -jvmArgs "-Xms2g -Xmx2g" -prof gc
  done
  "$JAVA17" -cp "$JAR" dev.lucidmetrics.bench.ScrapeSizes $SCRAPE_SIZES > "$OUT/scrape-sizes.csv"
  part_end scrape
fi

# ---------------------------------------------------------------- native histograms (issue 25; no figures of record)
# observe() into a classic, a native and a both histogram on the client_java backend, side by side in one run, and
# one scrape of histogram series in text, OpenMetrics and protobuf. Not in the report until measured on a quiet
# machine; the JSON stays in $OUT.
if wants native; then
  part_begin
  rm -f "$OUT"/native-*.json "$OUT"/native-*.log
  sizes=$(echo "$NATIVE_SIZES" | tr ' ' ',')
  for round in $(seq 1 "$NATIVE_ROUNDS"); do
    log "native histograms round $round: observe by kind (1 thread), scrape of $NATIVE_SIZES series by format"
    jmh 17 "native-observe-r$round" "$JAR" "bench\.NativeObserveBenchmark\." $NATIVE_OPTS -t 1
    jmh 17 "native-scrape-r$round" "$JAR" "bench\.ProtobufScrapeBenchmark\." $NATIVE_OPTS -p series="$sizes" -prof gc
  done
  part_end native
fi

to_ms() { # wrk latency such as 812.00us, 1.20ms, 2.01s -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; print n }'
}

# ---------------------------------------------------------------- HTTP instrumentation overhead
# wrk_run bare|instrumented [METRICS_URL]: drives the server launched at $BENCH_PORT (pid $pid): 3 s of JIT warm-up
# discarded, then WRK_SECONDS measured; checks an instrumented server counted the requests (at METRICS_URL, default
# its own /metrics), stops it, fails on any wrk error and sets rps, p99 and p50 (ms).
wrk_run() {
  "$WRK" -t1 -c16 -d$(( WRK_SECONDS < 3 ? WRK_SECONDS : 3 ))s "http://127.0.0.1:$BENCH_PORT/hello" > /dev/null
  "$WRK" -t1 -c16 -d${WRK_SECONDS}s --latency "http://127.0.0.1:$BENCH_PORT/hello" > "$OUT/wrk-last.txt"
  if [[ "$1" == instrumented ]]; then
    curl -sf "${2:-http://127.0.0.1:$BENCH_PORT/metrics}" | grep -q 'hello_requests_total{.*route="/hello"' \
      || { echo "instrumented server recorded no requests" >&2; exit 1; }
  fi
  stop_pid "$pid"
  if grep -q 'Non-2xx\|Socket errors' "$OUT/wrk-last.txt"; then
    echo "wrk saw errors in round $round:" >&2; cat "$OUT/wrk-last.txt" >&2; exit 1
  fi
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$OUT/wrk-last.txt")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$OUT/wrk-last.txt")")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$OUT/wrk-last.txt")")
}
if wants http; then
  part_begin
  echo "round,variant,requests_per_second,p99_ms,p50_ms" > "$OUT/http.csv"
  # Both variants get -Dsun.net.httpserver.nodelay=true: without TCP_NODELAY the JDK server's separate header and
  # body writes meet the client's delayed ACK and every keep-alive request takes ~40 ms (measured: 360 req/s with
  # 16 connections), which would hide any instrumentation cost.
  for round in $(seq 1 "$HTTP_ROUNDS"); do
    if (( round % 2 )); then order="bare instrumented"; else order="instrumented bare"; fi
    for variant in $order; do
      log "http round $round: $variant"
      launch http-server "$BENCH_PORT" "http://127.0.0.1:$BENCH_PORT/hello" "$JAVA17" -Xms256m -Xmx256m \
        -Dsun.net.httpserver.nodelay=true -cp "$JAR" dev.lucidmetrics.bench.HelloServer "$variant" "$BENCH_PORT"
      wrk_run "$variant"
      echo "$round,$variant,$rps,$p99,$p50" >> "$OUT/http.csv"
    done
  done
  # The virtual-thread executor (Java 21+): the instrumented server on 4 platform threads against one virtual
  # thread per exchange, both on JDK 25, alternating the same way.
  if have_java 25; then
    echo "round,threads,requests_per_second,p99_ms,p50_ms" > "$OUT/http-threads.csv"
    for round in $(seq 1 "$HTTP_ROUNDS"); do
      if (( round % 2 )); then order="platform virtual"; else order="virtual platform"; fi
      for threads in $order; do
        log "http round $round: instrumented, JDK 25, $threads threads"
        launch http-server "$BENCH_PORT" "http://127.0.0.1:$BENCH_PORT/hello" "$JAVA25" -Xms256m -Xmx256m \
          -Dsun.net.httpserver.nodelay=true -cp "$JAR" dev.lucidmetrics.bench.HelloServer instrumented \
          "$BENCH_PORT" "$threads"
        wrk_run instrumented
        echo "$round,$threads,$rps,$p99,$p50" >> "$OUT/http-threads.csv"
      done
    done
  else
    rm -f "$OUT/http-threads.csv"; skipped_25 "virtual-thread HTTP executor"
  fi
  # The Servlet filter (metrics-servlet) on Jetty 12: a hello-world servlet bare and with MetricsFilter, same wrk
  # settings, alternating the same way; the instrumented one's metrics on a port of their own.
  echo "round,variant,requests_per_second,p99_ms,p50_ms" > "$OUT/http-jetty.csv"
  for round in $(seq 1 "$HTTP_ROUNDS"); do
    if (( round % 2 )); then order="bare instrumented"; else order="instrumented bare"; fi
    for variant in $order; do
      log "http round $round: Jetty, $variant"
      launch jetty-server "$BENCH_PORT" "http://127.0.0.1:$BENCH_PORT/hello" "$JAVA17" -Xms256m -Xmx256m \
        -cp "$JAR" dev.lucidmetrics.bench.JettyHelloServer "$variant" "$BENCH_PORT" "$((BENCH_PORT + 1))"
      wrk_run "$variant" "http://127.0.0.1:$((BENCH_PORT + 1))/metrics"
      echo "$round,$variant,$rps,$p99,$p50" >> "$OUT/http-jetty.csv"
    done
  done
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
      for impl in lucid raw micrometer clientjava adder rawgauge addergauge; do
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

sed -i "s|\"git\"|\"loadavg_end\": \"$(cut -d' ' -f1-3 /proc/loadavg)\",\n  \"git\"|" "$OUT/machine.json"
log "writing $DOCS/performance.md"
python3 "$BENCH/report.py" "$OUT" "$DOCS"
log "done"
