# The HTTP part of bench/run.sh (sourced by it, which sets the variables used here): a hello-world JDK HttpServer and
# a hello-world servlet on Jetty 12, each bare and instrumented on every backend of HTTP_BACKENDS, driven by wrk and
# alternating (ABC, CBA, ...); and, on JDK 25, the instrumented JDK server on platform against virtual threads.

to_ms() { # wrk latency such as 812.00us, 1.20ms, 2.01s -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; print n }'
}

# http_order ROUND: bare and one instrumented variant per backend of HTTP_BACKENDS, reversed on even rounds (ABBA).
http_order() {
  local order="bare"; for b in $HTTP_BACKENDS; do order="$order $b"; done
  if (( $1 % 2 )); then echo "$order"; else tr ' ' '\n' <<< "$order" | tac | paste -sd' '; fi
}
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
echo "round,variant,backend,requests_per_second,p99_ms,p50_ms" > "$OUT/http.csv"
# Both variants get -Dsun.net.httpserver.nodelay=true: without TCP_NODELAY the JDK server's separate header and
# body writes meet the client's delayed ACK and every keep-alive request takes ~40 ms (measured: 360 req/s with
# 16 connections), which would hide any instrumentation cost.
for round in $(seq 1 "$HTTP_ROUNDS"); do
  for backend in $(http_order "$round"); do
    variant=instrumented; [[ $backend == bare ]] && variant=bare backend=""
    log "http round $round: $variant ${backend}"
    METRICS_BACKEND=$backend launch http-server "$BENCH_PORT" "http://127.0.0.1:$BENCH_PORT/hello" "$JAVA17" \
      -Xms256m -Xmx256m -Dsun.net.httpserver.nodelay=true -cp "$JAR" dev.lucidmetrics.bench.HelloServer "$variant" \
      "$BENCH_PORT"
    wrk_run "$variant"
    echo "$round,$variant,$backend,$rps,$p99,$p50" >> "$OUT/http.csv"
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
      METRICS_BACKEND=simpleclient launch http-server "$BENCH_PORT" "http://127.0.0.1:$BENCH_PORT/hello" "$JAVA25" \
        -Xms256m -Xmx256m -Dsun.net.httpserver.nodelay=true -cp "$JAR" dev.lucidmetrics.bench.HelloServer \
        instrumented "$BENCH_PORT" "$threads"
      wrk_run instrumented
      echo "$round,$threads,$rps,$p99,$p50" >> "$OUT/http-threads.csv"
    done
  done
else
  rm -f "$OUT/http-threads.csv"; skipped_25 "virtual-thread HTTP executor"
fi
# The Servlet filter (metrics-servlet) on Jetty 12: a hello-world servlet bare and with MetricsFilter, same wrk
# settings, alternating the same way; the instrumented one's metrics on a port of their own.
echo "round,variant,backend,requests_per_second,p99_ms,p50_ms" > "$OUT/http-jetty.csv"
for round in $(seq 1 "$HTTP_ROUNDS"); do
  for backend in $(http_order "$round"); do
    variant=instrumented; [[ $backend == bare ]] && variant=bare backend=""
    log "http round $round: Jetty, $variant ${backend}"
    METRICS_BACKEND=$backend launch jetty-server "$BENCH_PORT" "http://127.0.0.1:$BENCH_PORT/hello" "$JAVA17" \
      -Xms256m -Xmx256m -cp "$JAR" dev.lucidmetrics.bench.JettyHelloServer "$variant" "$BENCH_PORT" \
      "$((BENCH_PORT + 1))"
    wrk_run "$variant" "http://127.0.0.1:$((BENCH_PORT + 1))/metrics"
    echo "$round,$variant,$backend,$rps,$p99,$p50" >> "$OUT/http-jetty.csv"
  done
done
