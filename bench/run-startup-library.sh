# The library's own start-up and memory (part "library" of bench/run.sh, which sources this and sets the variables
# used here), apart from any demo: bench/jmh's LibraryHello, a hello-world JDK HttpServer, `bare` or `library`
# (AppMetrics + JVM metrics + HTTP server metrics on /hello + /metrics). Both variants run with the same class path
# — the hello jar and ONE backend's runtime jars from bench/jmh/target/library-lib (lib_classpath) — and the same
# flags, on each JDK (LIB_JAVAS), each backend and each class-data-sharing mode (LIB_SHARES: "off" = -Xshare:off; "jdk" = the
# JDK's default CDS archive, run with -Xshare:on so that a missing archive stops the JVM rather than quietly
# measuring without it). Rounds alternate the variants (ABBA). Each run: launch, poll every 10 ms until the first
# 200 (start), 1,000 sequential requests with one curl (`Connection: close`, as run-startup.sh), read VmRSS, stop.
# Then one run per JDK, backend and variant with -Xlog:class+load lists the classes loaded before the first 200 and
# those the first scrape of /metrics adds: the library's list is what `library` loads that `bare` does not.

LIB_DIR="$BENCH/jmh/target/library-lib"
LIB_JAR="$BENCH/jmh/target/bench-library-hello.jar"
[[ -f "$LIB_JAR" && -d "$LIB_DIR" ]] || { echo "no $LIB_JAR: build bench/jmh with -Pbench (SKIP_BUILD unset)" >&2; exit 1; }

lib_classpath() { # backend -> the hello jar, metrics-core and that backend's runtime jars (the other's left out)
  local globs
  case $1 in
    simpleclient) globs="metrics-core-*.jar metrics-simpleclient-*.jar simpleclient*.jar";;
    client_java) globs="metrics-core-*.jar metrics-client-java-*.jar prometheus-metrics-*.jar";;
    *) echo "LIB_BACKENDS: unknown backend \"$1\" (simpleclient, client_java)" >&2; exit 1;;
  esac
  (cd "$LIB_DIR" && echo "$LIB_JAR:$(ls $globs | sed "s|^|$LIB_DIR/|" | paste -sd:)")
}
share_flag() { case $1 in off) echo -Xshare:off;; jdk) echo -Xshare:on;;
  *) echo "LIB_SHARES: unknown \"$1\" (off, jdk)" >&2; exit 1;; esac; }

{ echo 'header = "Connection: close"'
  seq 1000 | sed "s|.*|url = \"http://127.0.0.1:$BENCH_PORT/hello\"\noutput = /dev/null|"; } > "$OUT/.curl-lib-1000"

echo "jdk,backend,share,round,variant,start_ms,rss_kb,ok_requests" > "$OUT/library-startup.csv"
for jdk in $LIB_JAVAS; do
  if ! have_java "$jdk"; then skipped_25 "library start-up"; continue; fi
  for backend in $LIB_BACKENDS; do
    cp=$(lib_classpath "$backend")
    for share in $LIB_SHARES; do
      for round in $(seq 1 "$LIB_ROUNDS"); do
        if (( round % 2 )); then order="bare library"; else order="library bare"; fi
        for variant in $order; do
          log "library start-up JDK $jdk, $backend, share $share, round $round: $variant"
          launch "lib-$variant" "$BENCH_PORT" "http://127.0.0.1:$BENCH_PORT/hello" \
            "$(java_of "$jdk")" "$(share_flag "$share")" -cp "$cp" dev.lucidmetrics.bench.library.LibraryHello "$variant"
          ok=$(curl -s -K "$OUT/.curl-lib-1000" -w '%{http_code}\n' | grep -c '^200$' || true)
          rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
          stop_pid "$pid"
          echo "$jdk,$backend,$share,$round,$variant,$launch_ms,$rss,$ok" >> "$OUT/library-startup.csv"
        done
      done
    done
    # Which classes: loaded before the first 200 ("start"), and added by the first scrape of /metrics ("scrape").
    for variant in bare library; do
      log "library classes JDK $jdk, $backend: $variant"
      rm -f "$OUT/.classes.log"
      launch "lib-classes" "$BENCH_PORT" "http://127.0.0.1:$BENCH_PORT/hello" "$(java_of "$jdk")" \
        "-Xlog:class+load:file=$OUT/.classes.log:none" -cp "$cp" dev.lucidmetrics.bench.library.LibraryHello "$variant"
      cp "$OUT/.classes.log" "$OUT/.classes-start.log"
      [[ $variant == bare ]] || curl -sf "http://127.0.0.1:$BENCH_PORT/metrics" > /dev/null \
        || { echo "LibraryHello on $backend answered no /metrics" >&2; exit 1; }
      stop_pid "$pid"
      awk '{print $1}' "$OUT/.classes-start.log" | sort -u > "$OUT/.classes-$variant-start"
      awk '{print $1}' "$OUT/.classes.log" | sort -u > "$OUT/.classes-$variant-all"
    done
    # One line per class the library variant loaded and bare did not: when (start or scrape) and its name.
    { echo "when,class"
      comm -23 "$OUT/.classes-library-start" "$OUT/.classes-bare-all" | sed 's/^/start,/'
      comm -23 "$OUT/.classes-library-all" "$OUT/.classes-library-start" | comm -23 - "$OUT/.classes-bare-all" \
        | sed 's/^/scrape,/'
    } > "$OUT/library-classes-j$jdk-$backend.csv"
    echo "$jdk,$backend,$(wc -l < "$OUT/.classes-bare-start"),$(wc -l < "$OUT/.classes-library-start")" \
      >> "$OUT/library-classes.csv.tmp"
  done
done
{ echo "jdk,backend,bare_classes_at_start,library_classes_at_start"; cat "$OUT/library-classes.csv.tmp" 2>/dev/null || true; } \
  > "$OUT/library-classes.csv"
rm -f "$OUT/library-classes.csv.tmp" "$OUT"/.classes* "$OUT/.curl-lib-1000"
