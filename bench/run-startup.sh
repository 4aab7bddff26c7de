# The start-up and memory part of bench/run.sh (sourced by it, which sets the variables used here).
#
# Three apps under the same JVM flags: demo-iotd (`java -jar`, its thin jar plus lib/), the Spring Boot twin (run
# from the layout `-Djarmode=tools extract` makes, as Spring documents for class-data sharing) and the floor, a
# bare JDK HttpServer hello world alone in its jar. For each JDK and JVM setting, each app runs without an app
# archive (only the JDK's own CDS archive, -Xshare:on) and with one built by scripts/cds-archive for that JDK and
# those flags (a dynamic CDS archive on 17, an AOT cache on 25; run so that an unusable archive stops the JVM).
# demo-iotd's and the floor's training runs serve 100 requests; the twin's ends at context refresh
# (-Dspring.context.exit=onRefresh), Spring Boot's documented training run. Each measured run: launch, poll every
# 10 ms until the first 200 (start time, measured from the launch by this script), 1,000 sequential requests with
# one curl (`Connection: close`: the JDK server without -Dsun.net.httpserver.nodelay=true would make keep-alive
# requests wait for the client's delayed ACK, measured 100 requests 4.4 s vs 0.14 s), read VmRSS, stop.

IOTD_JAR="$ROOT/demo-iotd/target/demo-iotd.jar"
[[ -f "$IOTD_JAR" ]] || { echo "no $IOTD_JAR: build demo-iotd (bench/run.sh does unless SKIP_BUILD)" >&2; exit 1; }
WORK="$BENCH/target/startup"   # archives and the extracted twin: large, rebuilt each run, git-ignored (target/)
ARCHIVES="$WORK/archives"
rm -rf "$WORK" "$OUT/twin.csv"   # twin.csv: the start-up results before the archive comparison
mkdir -p "$ARCHIVES"
log "extracting the Spring twin for class-data sharing"
"$JAVA17" -Djarmode=tools -jar "$TWIN_JAR" extract --destination "$WORK/twin" > /dev/null
TWIN_RUN_JAR="$WORK/twin/$(basename "$TWIN_JAR")"

# What each app ships: demo-iotd is a thin jar plus its runtime dependencies in lib/ (its manifest class path), the
# twin one Spring Boot fat jar; both sums are what `java -jar` needs on disk.
echo "app,jar,jar_bytes" > "$OUT/jars.csv"
iotd_lib=$(dirname "$IOTD_JAR")/lib
echo "iotd,$(basename "$IOTD_JAR") + lib/ ($(ls "$iotd_lib"/*.jar | wc -l) jars),$(cat "$IOTD_JAR" "$iotd_lib"/*.jar | wc -c)" \
  >> "$OUT/jars.csv"
echo "spring,$(basename "$TWIN_JAR"),$(stat -c %s "$TWIN_JAR")" >> "$OUT/jars.csv"
echo "floor,$(basename "$FLOOR_JAR"),$(stat -c %s "$FLOOR_JAR")" >> "$OUT/jars.csv"

{ echo 'header = "Connection: close"'
  seq 1000 | sed "s|.*|url = \"http://127.0.0.1:PORT/PATH\"\noutput = /dev/null|"; } > "$OUT/.curl-1000.tmpl"

app_port() { case $1 in iotd) echo "$IOTD_PORT";; spring) echo "$TWIN_PORT";; floor) echo "$BENCH_PORT";; esac; }
app_path() { case $1 in floor) echo /hello;; *) echo /image;; esac; }
app_jar() { case $1 in iotd) echo "$IOTD_JAR";; spring) echo "$TWIN_RUN_JAR";; floor) echo "$FLOOR_JAR";; esac; }
config_flags() { # "default": plain `java -jar` (G1 sized for a quarter of RAM); "small": demo-iotd's process test's
  case $1 in default) echo "";; small) echo "-Xmx128m -XX:+UseSerialGC";;
    *) echo "TWIN_CONFIGS: unknown config $1 (default, small)" >&2; exit 1;; esac
}

echo "jdk,config,archive,round,app,start_ms,rss_kb,ok_requests" > "$OUT/startup.csv"
for jdk in $STARTUP_JAVAS; do
  if ! have_java "$jdk"; then skipped_25 "start-up"; continue; fi
  java_bin=$(java_of "$jdk")
  for config in $TWIN_CONFIGS; do
    read -r -a jvm <<< "$(config_flags "$config")"
    if [[ " $STARTUP_ARCHIVES " == *" app "* ]]; then
      for app in iotd spring floor; do
        archive="$ARCHIVES/j$jdk-$config-$app.$( (( jdk >= 24 )) && echo aot || echo jsa)"
        log "start-up: training run of $app on JDK $jdk ($config) for $(basename "$archive")"
        if [[ $app == spring ]]; then url=exit; train=(-Dspring.context.exit=onRefresh); else
          url="http://127.0.0.1:$(app_port "$app")$(app_path "$app")"; train=(); fi
        for attempt in 1 2 3; do # a port briefly held as an ephemeral source port fails the bind: retry, as launch
          PORT=$(app_port "$app") JAVA=$java_bin "$ROOT/scripts/cds-archive" "$(app_jar "$app")" "$url" "$archive" \
            "${jvm[@]}" "${train[@]}" 2> "$OUT/archive-last.log" && break
          grep -qi 'in use' "$OUT/archive-last.log" && (( attempt < 3 )) || { cat "$OUT/archive-last.log" >&2; exit 1; }
          log "training run of $app: port $(app_port "$app") was taken at bind time (attempt $attempt); retrying"
          sleep 1
        done
        cat "$OUT/archive-last.log" >> "$OUT/archives.log"
      done
    fi
    for round in $(seq 1 "$STARTUP_ROUNDS"); do
      for archive in $STARTUP_ARCHIVES; do
        if (( round % 2 )); then order="iotd spring floor"; else order="floor spring iotd"; fi
        for app in $order; do
          case $archive in
            none) share=(-Xshare:on);;
            app) read -r -a share <<< "$(JAVA=$java_bin "$ROOT/scripts/cds-archive" --flags \
                   "$ARCHIVES/j$jdk-$config-$app.$( (( jdk >= 24 )) && echo aot || echo jsa)")";;
            *) echo "STARTUP_ARCHIVES: unknown \"$archive\" (none, app)" >&2; exit 1;;
          esac
          port=$(app_port "$app") path=$(app_path "$app")
          log "start-up JDK $jdk $config, archive $archive, round $round: $app"
          launch "startup-$app" "$port" "http://127.0.0.1:$port$path" \
            "$java_bin" "${jvm[@]}" "${share[@]}" -jar "$(app_jar "$app")"
          sed "s|PORT/PATH|$port$path|" "$OUT/.curl-1000.tmpl" > "$OUT/.curl-1000"
          ok=$(curl -s -K "$OUT/.curl-1000" -w '%{http_code}\n' | grep -c '^200$' || true)
          rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
          stop_pid "$pid"
          echo "$jdk,$config,$archive,$round,$app,$launch_ms,$rss,$ok" >> "$OUT/startup.csv"
        done
      done
    done
  done
done
rm -f "$OUT/.curl-1000" "$OUT/.curl-1000.tmpl"
