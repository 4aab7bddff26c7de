#!/usr/bin/env bash
# Full benchmark run (about 20-25 minutes on 2 cores). Writes machine-readable results to bench/results/
# and regenerates docs/performance.md and docs/performance-scrape.svg from them (bench/report.py).
#
#   bench/run.sh                  # everything
#   ONLY="hotpath scrape" bench/run.sh   # a subset: hotpath scrape http heap twin (report always runs)
#
# Settings (env): HOT_OPTS, SCRAPE_OPTS (JMH options per round), HOT_ROUNDS (5), OTEL_ROUNDS (3), SCRAPE_ROUNDS (2), HTTP_ROUNDS (5), WRK_SECONDS (8), HEAP_ROUNDS (3),
# HEAP_SERIES (100000), TWIN_ROUNDS (5), TWIN_CONFIGS ("default small"), BENCH_PORT (33080, hello server for wrk), IOTD_PORT (33011),
# TWIN_PORT (33012), SKIP_BUILD (unset), OUT (bench/results), DOCS (docs). bench/smoke.sh sets them all tiny.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
OUT=${OUT:-$BENCH/results}
DOCS=${DOCS:-$ROOT/docs}
JAR="$BENCH/jmh/target/benchmarks.jar"
OTEL_CP="$BENCH/jmh/target/otel-classpath/*"
TWIN_JAR="$BENCH/spring-twin/target/spring-twin.jar"
ONLY=${ONLY:-"hotpath scrape http heap twin"}
HOT_OPTS=${HOT_OPTS:-"-f 1 -wi 2 -w 500ms -i 3 -r 500ms"}
HOT_ROUNDS=${HOT_ROUNDS:-5}
OTEL_ROUNDS=${OTEL_ROUNDS:-3}
SCRAPE_OPTS=${SCRAPE_OPTS:-"-f 1 -wi 2 -w 1s -i 3 -r 1s"}
SCRAPE_ROUNDS=${SCRAPE_ROUNDS:-2}
SCRAPE_SIZES=${SCRAPE_SIZES:-"1000 10000 100000"}
HTTP_ROUNDS=${HTTP_ROUNDS:-5}
WRK_SECONDS=${WRK_SECONDS:-8}
HEAP_ROUNDS=${HEAP_ROUNDS:-3}
HEAP_SERIES=${HEAP_SERIES:-100000}
TWIN_ROUNDS=${TWIN_ROUNDS:-5}
BENCH_PORT=${BENCH_PORT:-33080}
IOTD_PORT=${IOTD_PORT:-33011}
TWIN_PORT=${TWIN_PORT:-33012}
TWIN_CONFIGS=${TWIN_CONFIGS:-"default small"}
WRK=${WRK:-/usr/bin/wrk}
mkdir -p "$OUT"

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
PARTS="$OUT/parts.csv"
[[ -f "$PARTS" ]] || echo "part,start_utc,end_utc,loadavg_start,loadavg_end,git" > "$PARTS"
part_begin() { part_start=$(date -u +%Y-%m-%dT%H:%M:%SZ); part_load=$(cut -d' ' -f1 /proc/loadavg); }
part_end() { # part: replace its previous line with this run's times and 1-minute load averages
  local rev; rev=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
  grep -v "^$1," "$PARTS" > "$PARTS.tmp" || true
  echo "$1,$part_start,$(date -u +%Y-%m-%dT%H:%M:%SZ),$part_load,$(cut -d' ' -f1 /proc/loadavg),$rev" >> "$PARTS.tmp"
  mv "$PARTS.tmp" "$PARTS"
}
wants() { [[ " $ONLY " == *" $1 "* ]]; }

# ---------------------------------------------------------------- build
if [[ -z "${SKIP_BUILD:-}" ]]; then
  log "building benchmarks.jar, the Spring twin and demo-iotd"
  modules="bench/jmh,bench/spring-twin"
  [[ -d "$ROOT/demo-iotd" ]] && modules="$modules,demo-iotd"
  (cd "$ROOT" && mvn -B -q -Pbench package -Dmaven.test.skip=true -pl "$modules" -am)
fi

# ---------------------------------------------------------------- machine
{
  echo "{"
  echo "  \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
  echo "  \"cpu\": \"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')\","
  echo "  \"cores\": $(nproc),"
  echo "  \"mem_total_kb\": $(awk '/MemTotal/ {print $2}' /proc/meminfo),"
  echo "  \"kernel\": \"$(uname -r)\","
  echo "  \"java\": \"$(java -version 2>&1 | head -2 | tail -1)\","
  echo "  \"wrk\": \"$($WRK -v 2>&1 | head -1 | cut -c1-60)\","
  echo "  \"loadavg_start\": \"$(cut -d' ' -f1-3 /proc/loadavg)\","
  echo "  \"git\": \"$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)\""
  echo "}"
} > "$OUT/machine.json"

# ---------------------------------------------------------------- 1. hot path
# Each part runs as several short JMH rounds (-f 1 each) rather than one long run: within a round the
# implementations of one case run back to back (JMH orders by name: case_lucid, case_micrometer, case_raw), so
# each ratio compares measurements seconds apart, and the spread across rounds shows how much the shared machine
# moved them. bench/report.py takes each round's median iteration and the median of the per-round ratios.
if wants hotpath; then
  part_begin
  rm -f "$OUT"/hotpath-*.json "$OUT"/hotpath-*.log
  HOT="$HOT_OPTS -foe true"
  for round in $(seq 1 "$HOT_ROUNDS"); do
    for t in 1 2; do
      log "hot path round $round, $t thread(s), no OpenTelemetry on the class path"
      java -cp "$JAR" org.openjdk.jmh.Main HotPathBenchmark $HOT -t "$t" -p classpath=plain \
        -rf json -rff "$OUT/hotpath-t$t-r$round.json" > "$OUT/hotpath-t$t-r$round.log"
    done
    if (( round <= OTEL_ROUNDS )); then
      log "hot path round $round, 1 thread, OpenTelemetry API on the class path"
      java -cp "$JAR:$OTEL_CP" org.openjdk.jmh.Main HotPathBenchmark $HOT -t 1 -p classpath=otel \
        -rf json -rff "$OUT/hotpath-otel-t1-r$round.json" > "$OUT/hotpath-otel-t1-r$round.log"
    fi
  done
  part_end hotpath
fi

if wants scrape; then
  part_begin
  rm -f "$OUT"/scrape-r*.json "$OUT"/scrape-r*.log
  for round in $(seq 1 "$SCRAPE_ROUNDS"); do
    log "scrape round $round: 1k/10k/100k series, plain and gzip, with -prof gc"
    java -cp "$JAR" org.openjdk.jmh.Main ScrapeBenchmark $SCRAPE_OPTS -foe true \
      -jvmArgs "-Xms2g -Xmx2g" -prof gc -rf json -rff "$OUT/scrape-r$round.json" > "$OUT/scrape-r$round.log"
  done
  java -cp "$JAR" dev.lucidmetrics.bench.ScrapeSizes $SCRAPE_SIZES > "$OUT/scrape-sizes.csv"
  part_end scrape
fi

# ---------------------------------------------------------------- helpers for processes
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
start_app() { # name port cmd... : fails if the port is taken, else starts cmd in the background with PORT set
  local name=$1 port=$2; shift 2
  if port_busy "$port"; then
    echo "port $port is already in use (another process); set the port variables of bench/run.sh" >&2; exit 1
  fi
  PORT=$port "$@" > "$OUT/$name.log" 2>&1 &
  pid=$!
}
wait_http() { # pid url deadline_seconds -> 0 once it answers 200; fails if the process died
  local p=$1 url=$2 deadline=$(( $(date +%s) + $3 ))
  while (( $(date +%s) < deadline )); do
    kill -0 "$p" 2>/dev/null || return 1
    curl -s -o /dev/null -f "$url" && return 0
    sleep 0.01
  done
  return 1
}
launch() { # name port url cmd... : start, wait for a 200 on url; sets pid and launch_ms (launch to first 200).
  # Dev ports lie inside Linux's ephemeral range, so an outgoing connection can briefly hold one and the bind
  # fails; such an attempt (its log says "in use") is discarded and retried, up to three times.
  local name=$1 port=$2 url=$3; shift 3
  for attempt in 1 2 3; do
    local t0; t0=$(date +%s%N)
    start_app "$name" "$port" "$@"
    if wait_http "$pid" "$url" 60; then
      launch_ms=$(( ($(date +%s%N) - t0) / 1000000 )); return 0
    fi
    stop_pid "$pid"
    grep -qi 'in use' "$OUT/$name.log" || break
    log "$name: port $port was taken at bind time (attempt $attempt); retrying"
    sleep 1
  done
  echo "$name did not answer $url:" >&2; cat "$OUT/$name.log" >&2; exit 1
}
stop_pid() { # SIGTERM, up to 15 s for a graceful stop, then SIGKILL
  local p=$1
  kill "$p" 2>/dev/null || true
  for _ in $(seq 150); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$p" 2>/dev/null || true
  wait "$p" 2>/dev/null || true
}
to_ms() { # wrk latency such as 812.00us, 1.20ms, 2.01s -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; print n }'
}

# ---------------------------------------------------------------- 3. HTTP instrumentation overhead
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
      launch http-server "$BENCH_PORT" "http://127.0.0.1:$BENCH_PORT/hello" java -Xms256m -Xmx256m \
        -Dsun.net.httpserver.nodelay=true -cp "$JAR" dev.lucidmetrics.bench.HelloServer "$variant" "$BENCH_PORT"
      "$WRK" -t1 -c16 -d$(( WRK_SECONDS < 3 ? WRK_SECONDS : 3 ))s "http://127.0.0.1:$BENCH_PORT/hello" > /dev/null   # JIT warm-up, discarded
      "$WRK" -t1 -c16 -d${WRK_SECONDS}s --latency "http://127.0.0.1:$BENCH_PORT/hello" > "$OUT/wrk-last.txt"
      if [[ "$variant" == instrumented ]]; then
        curl -sf "http://127.0.0.1:$BENCH_PORT/metrics" | grep -q 'hello_requests_total{.*route="/hello"' \
          || { echo "instrumented server recorded no requests" >&2; exit 1; }
      fi
      stop_pid "$pid"
      if grep -q 'Non-2xx\|Socket errors' "$OUT/wrk-last.txt"; then
        echo "wrk saw errors in round $round ($variant):" >&2; cat "$OUT/wrk-last.txt" >&2; exit 1
      fi
      rps=$(awk '/^Requests\/sec:/ {print $2}' "$OUT/wrk-last.txt")
      p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$OUT/wrk-last.txt")")
      p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$OUT/wrk-last.txt")")
      echo "$round,$variant,$rps,$p99,$p50" >> "$OUT/http.csv"
    done
  done
  part_end http
fi

# ---------------------------------------------------------------- 4. heap per labelled series
if wants heap; then
  part_begin
  echo "round,impl,series,bytes_per_series" > "$OUT/heap.csv"
  for round in $(seq 1 "$HEAP_ROUNDS"); do
    for impl in lucid raw micrometer; do
      log "heap round $round: $impl"
      line=$(java -XX:+UseSerialGC -Xms1g -Xmx1g -cp "$JAR" dev.lucidmetrics.bench.HeapPerSeries "$impl" "$HEAP_SERIES")
      echo "$round,$line" >> "$OUT/heap.csv"
    done
  done
  part_end heap
fi

# ---------------------------------------------------------------- 5. demo-iotd vs the Spring Boot twin
iotd_jar() { # the runnable demo-iotd jar (the one with a Main-Class), or nothing
  for j in "$ROOT"/demo-iotd/target/*.jar; do
    [[ -f "$j" && "$j" != *original* && "$j" != *sources* ]] || continue
    unzip -p "$j" META-INF/MANIFEST.MF 2>/dev/null | grep -q '^Main-Class' && { echo "$j"; return; }
  done
}
if wants twin; then
  part_begin
  IOTD_JAR=$(iotd_jar || true)
  if [[ -z "$IOTD_JAR" ]]; then
    echo "demo-iotd has no runnable jar under demo-iotd/target: skipping part 5 (the Spring twin)" >&2
    rm -f "$OUT/twin.csv"
  else
    # What each app ships: demo-iotd is a thin jar plus its runtime dependencies in lib/ (its manifest class path),
    # the twin one Spring Boot fat jar; both sums are what `java -jar` needs on disk.
    echo "app,jar,jar_bytes" > "$OUT/jars.csv"
    iotd_lib=$(dirname "$IOTD_JAR")/lib
    iotd_bytes=$(cat "$IOTD_JAR" "$iotd_lib"/*.jar 2>/dev/null | wc -c)
    echo "iotd,$(basename "$IOTD_JAR") + lib/ ($(ls "$iotd_lib"/*.jar 2>/dev/null | wc -l) jars),$iotd_bytes" >> "$OUT/jars.csv"
    echo "spring,$(basename "$TWIN_JAR"),$(stat -c %s "$TWIN_JAR")" >> "$OUT/jars.csv"
    # One curl, 1,000 sequential requests, each on a new connection: the JDK HttpServer (iotd, floor) does not set
    # TCP_NODELAY unless -Dsun.net.httpserver.nodelay=true, so keep-alive requests would each wait ~40 ms for the
    # client's delayed ACK (measured: 100 requests 4.4 s vs 0.14 s) and the apps run as shipped, without the flag.
    { echo 'header = "Connection: close"'
      seq 1000 | sed "s|.*|url = \"http://127.0.0.1:PORT/PATH\"\noutput = /dev/null|"; } > "$OUT/.curl-1000.tmpl"
    echo "config,round,app,start_ms,rss_kb,ok_requests" > "$OUT/twin.csv"
    # Two JVM settings, the same for both apps: "default" is plain `java -jar` (on this machine G1 sized for a
    # quarter of RAM), "small" the -Xmx128m -XX:+UseSerialGC that demo-iotd's own process test uses.
    for config in $TWIN_CONFIGS; do
    case $config in default) jvm=();; small) jvm=(-Xmx128m -XX:+UseSerialGC);;
      *) echo "TWIN_CONFIGS: unknown config $config (default, small)" >&2; exit 1;; esac
    for round in $(seq 1 "$TWIN_ROUNDS"); do
      # "floor" is the JVM floor for reference: the bare hello-world JDK HttpServer (no library, no JSON).
      if (( round % 2 )); then order="iotd spring floor"; else order="floor spring iotd"; fi
      for app in $order; do
        log "twin $config round $round: $app"
        path=/image
        case $app in
          iotd) port=$IOTD_PORT; cmd=(java "${jvm[@]}" -jar "$IOTD_JAR");;
          spring) port=$TWIN_PORT; cmd=(java "${jvm[@]}" -jar "$TWIN_JAR");;
          floor) port=$BENCH_PORT; path=/hello
                 cmd=(java "${jvm[@]}" -cp "$JAR" dev.lucidmetrics.bench.HelloServer bare "$BENCH_PORT");;
        esac
        launch "twin-$app" "$port" "http://127.0.0.1:$port$path" "${cmd[@]}"
        sed "s|PORT/PATH|$port$path|" "$OUT/.curl-1000.tmpl" > "$OUT/.curl-1000"
        ok=$(curl -s -K "$OUT/.curl-1000" -w '%{http_code}\n' | grep -c '^200$' || true)
        rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
        stop_pid "$pid"
        echo "$config,$round,$app,$launch_ms,$rss,$ok" >> "$OUT/twin.csv"
      done
    done
    done
    rm -f "$OUT/.curl-1000" "$OUT/.curl-1000.tmpl"
    part_end twin
  fi
fi

sed -i "s|\"git\"|\"loadavg_end\": \"$(cut -d' ' -f1-3 /proc/loadavg)\",\n  \"git\"|" "$OUT/machine.json"
log "writing $DOCS/performance.md"
python3 "$BENCH/report.py" "$OUT" "$DOCS"
log "done"
