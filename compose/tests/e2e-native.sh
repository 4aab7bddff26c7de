# Sourced by e2e-local (after lib.sh; uses its WORK, PIDS, PY, PROM, COMPOSE_DIR, check, poll, die, skip_checks):
# native histograms, on the client_java backend, where the apps' histograms count both ways
# (METRICS_HISTOGRAM_KIND=both, set by demo_backend). A second Prometheus, Debian's 2.42 with
# --enable-feature=native-histograms and the apps' jobs of prometheus/prometheus-native.yml, scrapes them in the
# protobuf format and stores their native series; the main Prometheus keeps scraping text/OpenMetrics. Checked:
#   the native Prometheus answers histogram_quantile(0.99, ...) and histogram_count(...) over the gallery's
#   durations; its p99 of every request agrees with the main one's classic p99 within the classic bucket's width,
#   and both count the same requests (nativecheck.py, both asked at one instant after the traffic); the series each stores (counted with a query): native series and no _bucket
#   in the native one, _bucket series and no native one in the main one; every panel on Grafana's "native"
#   datasource and every ```promql native block of docs/promql.md answers from the native Prometheus.
# On simpleclient these checks are skipped, with the reason. Port: NATIVE_PROM_PORT (9096).

NATIVE_PROM_PORT=${NATIVE_PROM_PORT:-9096}
NATIVE_PROM=http://127.0.0.1:$NATIVE_PROM_PORT
NATIVE_PORTS=("$NATIVE_PROM_PORT")
NATIVE_HISTOGRAM=image_gallery_request_duration_seconds
NATIVE_CHECKS=6   # the checks of check_native_targets and check_native, skipped together on simpleclient

native_wanted() { [[ $METRICS_BACKEND == client_java ]]; }

# start_native_prometheus --target JOB=ADDRS ...: the apps' jobs (image-gallery, iotd-api, access-log).
start_native_prometheus() {
  native_wanted || return 0
  ("$PY" "$COMPOSE_DIR/promconfig.py" local --interval 2s --config prometheus-native.yml "$@" \
    "$WORK/native-prometheus.yml") >&2
  prometheus --config.file="$WORK/native-prometheus.yml" --storage.tsdb.path="$WORK/native-data" \
    --enable-feature=native-histograms --web.listen-address="127.0.0.1:$NATIVE_PROM_PORT" \
    >"$WORK/native-prometheus.log" 2>&1 &
  PIDS+=($!)
  poll 30 curl -fsS -o /dev/null "$NATIVE_PROM/-/ready" \
    || die "the native-histogram Prometheus did not start (see $WORK/native-prometheus.log)"
}

# check_native_targets: before the traffic, the native Prometheus has scraped every app once.
check_native_targets() {
  native_wanted || return 0
  local want=(image-gallery=1 iotd-api=1 "access-log=${#AL_PORTS[@]}")
  poll "$DEADLINE" pc "$NATIVE_PROM" -q targets "${want[@]}" || true
  check "native Prometheus (protobuf, --enable-feature=native-histograms): all three apps' jobs up" \
    pc "$NATIVE_PROM" targets "${want[@]}"
}

# check_native END: the traffic ended at END (unix s). Both servers are asked at one instant two scrapes later.
check_native() {
  if ! native_wanted; then
    skip_checks "$NATIVE_CHECKS" "native histograms: the $METRICS_BACKEND backend counts classic buckets only (BACKEND=client_java runs them)"
    return 0
  fi
  local at=$(($1 + 4)) nc=("$PY" "$TESTS_DIR/nativecheck.py")
  poll 30 past $((at + 1)) || true
  poll "$DEADLINE" pc "$NATIVE_PROM" -q query "$NATIVE_HISTOGRAM" || true
  check "native Prometheus answers histogram_quantile(0.99, sum(rate($NATIVE_HISTOGRAM[1m])))" \
    pc "$NATIVE_PROM" query "histogram_quantile(0.99, sum(rate($NATIVE_HISTOGRAM[1m] @ $at)))"
  check "native Prometheus answers histogram_count(sum(rate($NATIVE_HISTOGRAM[1m])))" \
    pc "$NATIVE_PROM" query "histogram_count(sum(rate($NATIVE_HISTOGRAM[1m] @ $at)))"
  check "native p99 agrees with the main Prometheus's classic p99 within the classic bucket's width" \
    measured "${nc[@]}" p99 "$PROM" "$NATIVE_PROM" "$NATIVE_HISTOGRAM" "$at"
  check "series stored: native ones (no _bucket) in the native Prometheus, _bucket ones (no native) in the main one" \
    measured "${nc[@]}" series "$PROM" "$NATIVE_PROM" "$NATIVE_HISTOGRAM"
  log "measured: $(grep -v '^FAIL' "$WORK/native-measured.txt" | paste -sd ';' | sed 's/;/; /g')"
  check "every panel on Grafana's \"native\" datasource and every \`\`\`promql native cookbook query answers from it" \
    native_panels_and_cookbook
}

past() { [[ $(date +%s) -gt $1 ]]; }
measured() { "$@" | tee -a "$WORK/native-measured.txt"; }   # what nativecheck.py measured, for the log
native_panels_and_cookbook() {
  pc "$NATIVE_PROM" panels "$COMPOSE_DIR/grafana/dashboards" --datasource native \
    && pc "$NATIVE_PROM" cookbook "$REPO_DIR/docs/promql.md" --native
}
