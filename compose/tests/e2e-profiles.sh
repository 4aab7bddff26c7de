# Sourced by e2e-local (after lib.sh; uses its WORK, PIDS, PY, PROM, DEADLINE, check, poll, die, need_pkg):
# what a user's first start shows and the two opt-in compose profiles, each against real processes.
#   first start      after traffic and two rule evaluations, the pending+firing alerts are exactly
#                    FIRST_START_ALERTS (the list in compose/README.md)
#   engine           a Prometheus from the same config whose docker job points at a closed port stands for the
#                    `engine` profile on a host without daemon.json's metrics-addr: DockerEngineMetricsUnreachable
#                    fires, a warning naming the fix, and nothing else does
#   victoriametrics  Debian's victoria-metrics receives the e2e Prometheus's remote_write (its config derived from
#                    prometheus/prometheus-remote-write.yml); every dashboard panel query and every cookbook query
#                    is answered by both stores, and the counts of each are printed; every rule expression (what the
#                    `ha` profile's vmalerts evaluate against VictoriaMetrics) gives both the same series, and the
#                    same values but where a range function lets MetricsQL differ (rulecompare.py)
# Ports: VM_PORT (8428), ENGINE_PROM_PORT (9098).

VM_PORT=${VM_PORT:-8428}
ENGINE_PROM_PORT=${ENGINE_PROM_PORT:-9098}
VM=http://127.0.0.1:$VM_PORT
ENGINE_PROM=http://127.0.0.1:$ENGINE_PROM_PORT
# Alerts pending or firing on first start with the default profile and traffic. Measured: none (the gallery's
# injected 10 % failures stay under HighErrorRatio's 20 %). Keep in step with compose/README.md.
FIRST_START_ALERTS=()
PROFILE_PORTS=("$VM_PORT" "$ENGINE_PROM_PORT")

start_victoriametrics() {
  need_pkg victoria-metrics victoria-metrics
  victoria-metrics -httpListenAddr="127.0.0.1:$VM_PORT" -storageDataPath="$WORK/vm-data" -retentionPeriod=1d \
    -search.latencyOffset=1s >"$WORK/victoria-metrics.log" 2>&1 &
  PIDS+=($!)
  poll 30 curl -fsS -o /dev/null "$VM/health" || die "VictoriaMetrics did not start (see $WORK/victoria-metrics.log)"
}

# start_engine_prometheus --target JOB=ADDRS ...: the app jobs to scrape besides the closed engine endpoint, so
# that the engine is the only thing missing.
start_engine_prometheus() {
  local closed
  closed=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  ("$PY" "$COMPOSE_DIR/promconfig.py" local --interval 2s "$@" --target prometheus="127.0.0.1:$ENGINE_PROM_PORT" \
    --target docker="127.0.0.1:$closed" "$WORK/engine-prometheus.yml") >&2
  prometheus --config.file="$WORK/engine-prometheus.yml" --storage.tsdb.path="$WORK/engine-data" \
    --web.listen-address="127.0.0.1:$ENGINE_PROM_PORT" >"$WORK/engine-prometheus.log" 2>&1 &
  PIDS+=($!)
  poll 30 curl -fsS -o /dev/null "$ENGINE_PROM/-/ready" \
    || die "the engine-profile Prometheus did not start (see $WORK/engine-prometheus.log)"
  log "engine profile: the docker job scrapes the closed port 127.0.0.1:$closed"
}

check_first_start_alerts() {  # check_first_start_alerts SINCE (unix time when traffic ended)
  poll "$DEADLINE" pc "$PROM" -q settled "$1" || true
  check "two rule evaluations since the traffic ended" pc "$PROM" settled "$1"
  check "first start, default profile: pending+firing alerts are exactly [${FIRST_START_ALERTS[*]}]" \
    pc "$PROM" alerts --exactly "${FIRST_START_ALERTS[@]}"
}

check_engine_profile() {
  local fix=('"metrics-addr": "0.0.0.0:9323"' /etc/docker/daemon.json 'restart the engine')
  poll 120 pc "$ENGINE_PROM" -q alert DockerEngineMetricsUnreachable job=docker --firing || true
  check "engine profile, endpoint closed: DockerEngineMetricsUnreachable fires as a warning naming the daemon.json fix" \
    pc "$ENGINE_PROM" alert DockerEngineMetricsUnreachable job=docker severity=warning --firing --says "${fix[@]}"
  check "engine profile, endpoint closed: that is the only alert (no TargetDown, nothing critical)" \
    pc "$ENGINE_PROM" alerts --exactly DockerEngineMetricsUnreachable
}

check_victoriametrics() {
  poll "$DEADLINE" pc "$VM" -q panels "$COMPOSE_DIR/grafana/dashboards" || true
  check "VictoriaMetrics (remote_write from Prometheus) answers every Grafana panel query" \
    pc "$VM" panels "$COMPOSE_DIR/grafana/dashboards"
  check "VictoriaMetrics answers every cookbook query (docs/promql.md)" pc "$VM" cookbook "$REPO_DIR/docs/promql.md"
  local rc=0
  (cd "$TESTS_DIR" && "$PY" rulecompare.py "$PROM" "$VM" "$COMPOSE_DIR"/prometheus/rules/*.yml) >"$WORK/rulecompare.txt" 2>&1 || rc=$?
  check "every rule expression: VictoriaMetrics answers it with Prometheus's series (values may differ over a range: rate/increase do not extrapolate)" \
    bash -c 'cat "$1"; exit "$2"' _ "$WORK/rulecompare.txt" "$rc"
  grep -E '^(differs|nan) ' "$WORK/rulecompare.txt" | sed 's/^/      /' || true  # the differences docs/beyond-one-prometheus.md lists
  check "Prometheus's remote_write sent samples and none failed" pc "$PROM" query \
    'sum(prometheus_remote_storage_samples_total) > 0 and sum(prometheus_remote_storage_samples_failed_total) == 0'
}
