# Sourced by e2e-local (after lib.sh; uses its WORK, PIDS, PY, DEADLINE, check, poll, die, pc): the `tls` compose
# profile and the Kubernetes tls overlay, each scraped for real over TLS with basic auth:
#   certificates  compose/tls/make-certs makes a throwaway CA and iotd's keystore in $WORK/tls
#   iotd-tls      an iotd with the environment docker-compose.yml gives the profile's iotd-tls (its /run/tls read from
#                 $WORK/tls): the metrics port answers a client that trusts the CA and sends the password, 401
#                 without the password, and no client that does not trust the CA
#   the profile   a Prometheus from prometheus/prometheus-tls.yml, its iotd-api job aimed at that iotd: up over https
#   the overlay   a Prometheus from k8s/overlays/tls/prometheus.yml with file discovery in place of Kubernetes: an
#                 iotd-api pod annotated prometheus.io/scheme: https is scraped by iotd-api-tls over https (server_name
#                 iotd-api.lucid-metrics.svc) and up; the plain job leaves it alone
# Ports: TLS_IOTD_PORT (8016), TLS_METRICS_PORT (9443), TLS_PROM_PORT (9092), TLS_K8S_PROM_PORT (9097).

TLS_IOTD_PORT=${TLS_IOTD_PORT:-8016}
TLS_METRICS_PORT=${TLS_METRICS_PORT:-9443}
TLS_PROM_PORT=${TLS_PROM_PORT:-9092}
TLS_K8S_PROM_PORT=${TLS_K8S_PROM_PORT:-9097}
TLS_PORTS=("$TLS_IOTD_PORT" "$TLS_METRICS_PORT" "$TLS_PROM_PORT" "$TLS_K8S_PROM_PORT")
TLS_PROM=http://127.0.0.1:$TLS_PROM_PORT
TLS_K8S_PROM=http://127.0.0.1:$TLS_K8S_PROM_PORT
TLS_METRICS=https://iotd-tls:$TLS_METRICS_PORT/actuator/prometheus   # curl --resolve: the certificate's name

# The tls profile's iotd-tls environment from docker-compose.yml, one NAME=VALUE a line, for a local process: the
# files it mounts at /run/tls read from DIR, its ports the local ones.
tls_iotd_env() {
  "$PY" - "$COMPOSE_DIR/docker-compose.yml" "$1" "$TLS_IOTD_PORT" "$TLS_METRICS_PORT" <<'EOF'
import sys, yaml
compose, directory, port, metrics_port = sys.argv[1:]
svc = yaml.safe_load(open(compose, encoding="utf-8"))["services"]["iotd-tls"]
if "./tls/generated:/run/tls:ro" not in svc.get("volumes", []):
    sys.exit(f"iotd-tls does not mount ./tls/generated at /run/tls: {svc.get('volumes')}")
local = {"PORT": port, "METRICS_PORT": metrics_port, "IMAGE_PUBLIC_BASE_URL": f"http://127.0.0.1:{port}"}
for name, value in svc["environment"].items():
    value = local.get(name, str(value))
    print(f"{name}={directory}/{value[len('/run/tls/'):]}" if value.startswith("/run/tls/") else f"{name}={value}")
print("METRICS_HOST=127.0.0.1")
EOF
}

start_tls() {
  local env=()
  "$REPO_DIR/compose/tls/make-certs" "$WORK/tls" >"$WORK/make-certs.log" 2>&1 \
    || die "compose/tls/make-certs failed: $(tail -n 5 "$WORK/make-certs.log")"
  mapfile -t env < <(tls_iotd_env "$WORK/tls") && [[ ${#env[@]} -gt 0 ]] \
    || die "the tls profile's iotd-tls environment could not be read from docker-compose.yml"
  start_app iotd-tls "$TLS_IOTD_PORT" demo-iotd "$WORK" "${env[@]}" || die "iotd-tls did not answer $HEALTH_PATH"
  ("$PY" "$COMPOSE_DIR/promconfig.py" local --config prometheus-tls.yml --interval 2s --tls-dir "$WORK/tls" \
    --target prometheus="127.0.0.1:$TLS_PROM_PORT" --target iotd-api="127.0.0.1:$TLS_METRICS_PORT" \
    "$WORK/prometheus-tls.yml") >&2
  prometheus --config.file="$WORK/prometheus-tls.yml" --storage.tsdb.path="$WORK/tls-data" \
    --web.listen-address="127.0.0.1:$TLS_PROM_PORT" >"$WORK/prometheus-tls.log" 2>&1 &
  PIDS+=($!)
  "$PY" - "$WORK/k8s-tls-sd.json" "$TLS_METRICS_PORT" <<'EOF'
import json, sys
out, port = sys.argv[1:]
labels = {"__address__": "127.0.0.1:1", "__meta_kubernetes_namespace": "lucid-metrics",
          "__meta_kubernetes_pod_name": "iotd-api-tls-1", "__meta_kubernetes_pod_phase": "Running",
          "__meta_kubernetes_pod_label_app_kubernetes_io_name": "iotd-api",
          "__meta_kubernetes_pod_annotation_prometheus_io_scrape": "true",
          "__meta_kubernetes_pod_annotation_prometheus_io_port": port,
          "__meta_kubernetes_pod_annotation_prometheus_io_path": "/actuator/prometheus",
          "__meta_kubernetes_pod_annotation_prometheus_io_scheme": "https"}
json.dump([{"targets": ["127.0.0.1:1"], "labels": labels}], open(out, "w"))
EOF
  ("$PY" "$COMPOSE_DIR/promconfig.py" k8s --config "$COMPOSE_DIR/k8s/overlays/tls/prometheus.yml" \
    --tls-dir "$WORK/tls" "$WORK/k8s-tls-sd.json" "$WORK/k8s-tls-prometheus.yml")
  prometheus --config.file="$WORK/k8s-tls-prometheus.yml" --storage.tsdb.path="$WORK/k8s-tls-data" \
    --web.listen-address="127.0.0.1:$TLS_K8S_PROM_PORT" >"$WORK/k8s-tls-prometheus.log" 2>&1 &
  PIDS+=($!)
}

# scraped_over PROM JOB SCHEME: every active target of JOB is scraped with SCHEME (its scrape URL says so).
scraped_over() {
  "$PY" - "$@" <<'EOF'
import json, sys, urllib.request
base, job, scheme = sys.argv[1:]
ts = json.load(urllib.request.urlopen(base + "/api/v1/targets?state=active"))["data"]["activeTargets"]
urls = [t["scrapeUrl"] for t in ts if t["scrapePool"] == job]
assert urls and all(u.startswith(scheme + "://") for u in urls), f"{job}: {urls}"
print("scraped over", scheme, urls)
EOF
}

tls_curl() { curl --resolve "iotd-tls:$TLS_METRICS_PORT:127.0.0.1" "$@"; }
answers() { local want=$1; shift; [[ $(tls_curl -sS -o /dev/null -w '%{http_code}' "$@") == "$want" ]]; }
refused() { ! tls_curl -fsS -o /dev/null "$@"; }

check_tls() {
  local ca=$WORK/tls/ca.pem user
  user=prometheus:$(cat "$WORK/tls/scrape.password")
  check "tls profile: iotd-tls's metrics answer a client that trusts the CA and sends the password" \
    answers 200 --cacert "$ca" -u "$user" "$TLS_METRICS"
  check "tls profile: without the password, 401" answers 401 --cacert "$ca" "$TLS_METRICS"
  check "tls profile: a client that does not trust the throwaway CA is refused" refused -u "$user" "$TLS_METRICS"
  check "tls profile: a client that checks for another name (the address) is refused" \
    refused --cacert "$ca" -u "$user" "https://127.0.0.1:$TLS_METRICS_PORT/actuator/prometheus"
  check "tls profile: no plain HTTP on the metrics port" refused "http://127.0.0.1:$TLS_METRICS_PORT/actuator/prometheus"
  poll "$DEADLINE" pc "$TLS_PROM" -q targets iotd-api=1 || true
  check "tls profile: prometheus-tls.yml's iotd-api job scrapes iotd-tls over TLS with basic auth (up)" \
    pc "$TLS_PROM" targets iotd-api=1
  check "tls profile: ... with scheme https" scraped_over "$TLS_PROM" iotd-api https
  poll "$DEADLINE" pc "$TLS_K8S_PROM" -q targets iotd-api=1 || true
  check "k8s tls overlay: the pod annotated prometheus.io/scheme: https is scraped by iotd-api-tls (server_name iotd-api.lucid-metrics.svc, up)" \
    pc "$TLS_K8S_PROM" targets iotd-api=1
  check "k8s tls overlay: ... with scheme https, and the plain kubernetes-pods job leaves it alone" \
    overlay_scrapes_tls_only "$TLS_K8S_PROM"
}

overlay_scrapes_tls_only() {
  scraped_over "$1" iotd-api-tls https && ! curl -fsS "$1/api/v1/targets?state=active" | grep -q '"scrapePool":"kubernetes-pods"'
}
