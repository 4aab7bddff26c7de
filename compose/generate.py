#!/usr/bin/env python3
"""Writes the stack's derived files from their one source each, so that no fact is kept twice by hand.

    python3 compose/generate.py           # rewrite the derived files
    python3 compose/generate.py --check   # exit 1, naming the stale files, if a committed one is out of date

  source                          derived (edit the source, then run this script)
  prometheus/rules/*.yml          k8s/prometheus/rules/*.yml (kustomize loads no file from outside its folder)
                                  k8s/components/prometheusrules/prometheusrules.yaml (one PrometheusRule per file)
  grafana/dashboards/*.json       k8s/components/grafana-dashboards/dashboards.yaml (ConfigMaps for the Grafana
                                  sidecar; the JSON itself comes from grafana/generate-dashboards.py)
  prometheus/prometheus.yml       prometheus/prometheus-remote-write.yml (the `victoriametrics` profile's Prometheus)
                                  prometheus/prometheus-tls.yml (the `tls` profile's Prometheus: iotd-api's job over
                                  TLS with basic auth, against the profile's iotd-tls)
                                  prometheus/prometheus-native.yml (the `native` profile's Prometheus: the apps'
                                  jobs, scraped for native histograms; no rules, no alerting)
                                  prometheus/prometheus-v3.yml (the `prometheus3` profile: every job, classic and
                                  native histograms both; Prometheus 3.9+ only, the one config exempt from 2.42)
  k8s/prometheus/prometheus.yml   k8s/overlays/tls/prometheus.yml (pods annotated prometheus.io/scheme: https leave the
                                  plain job; iotd-api's are scraped over TLS with basic auth)
  docker-compose.yml              docker-compose-scale.yml (the same stack, access-log on a random host port per
                                  replica: the book's `-f docker-compose-scale.yml up -d --scale accesslog=3`)
                                  prometheus/vmagent-ha.yml (the `ha` profile's scrapers: the same jobs, vmagent's
                                  dialect, plus the HA components themselves)
  alertmanager/alertmanager.yml   alertmanager/alertmanager-ha.yml (the `ha` profile's two Alertmanagers: the same
                                  routes, the webhook pointed at the profile's receiver)
  the four above, haproxy.cfg     k8s/ha/: vmagent.yml (k8s/prometheus/prometheus.yml's discovery in vmagent's
                                  dialect), rules/*.yml, alertmanager.yml, haproxy.cfg (the stores' StatefulSet
                                  addresses, the cluster's resolver)
  ../pom.xml <version>            the lucidmetrics/demo-* image tags in docker-compose.yml and k8s/

Rule files and dashboards are embedded as text (comments kept); compose/tests/static parses both sides and
compares them. Needs python3 with PyYAML.
"""
import copy
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

COMPOSE = Path(__file__).resolve().parent
REPO = COMPOSE.parent
RULES = sorted((COMPOSE / "prometheus" / "rules").glob("*.yml"))
DASHBOARDS = sorted((COMPOSE / "grafana" / "dashboards").glob("*.json"))
# kube-prometheus-stack's Prometheus selects rules by the Helm release label, as it does ServiceMonitors.
RELEASE_LABEL = {"release": "kube-prometheus-stack"}
# kube-prometheus-stack's Grafana sidecar loads ConfigMaps carrying this label (its default label and value).
SIDECAR_LABEL = {"grafana_dashboard": "1"}
REMOTE_WRITE_URL = "http://victoriametrics:8428/api/v1/write"
# The jobs of the demo apps, the ones whose duration histograms are exposed both ways on the client_java backend.
APP_JOBS = ["image-gallery", "iotd-api", "access-log"]
# The first line of the one config that does not parse on Prometheus 2.42; compose/tests/static skips it by name.
V3_ONLY_MARK = "# PROMETHEUS 3.9+ ONLY: does not parse on Prometheus 2.x (scrape_native_histograms, always_scrape_classic_histograms)."
# The `ha` profile (docker-compose.yml): what its scrapers scrape besides the apps, and where its Alertmanagers send.
HA_PEERS = {"victoriametrics": ["vmstore-a:8428", "vmstore-b:8428"], "vmagent": ["vmagent-a:8429", "vmagent-b:8429"],
            "vmalert": ["vmalert-a:8880", "vmalert-b:8880"], "alertmanager": ["alertmanager-a:9093", "alertmanager-b:9093"],
            "haproxy": ["haproxy:8404"], "alert-webhook": ["alert-webhook:5001"]}
HA_WEBHOOK_URL = "http://alert-webhook:5001/alerts"
# The `tls` profile and the k8s tls overlay: where Prometheus finds the CA and the scrape password (compose/tls/make-certs
# writes them; compose mounts compose/tls/generated there, the overlay a projected volume of two Secrets), and how it
# scrapes a metrics port over TLS with basic auth. Parses on Prometheus 2.42 and 3.x.
TLS_FILES = "/etc/prometheus-tls"
TLS_IOTD = "iotd-tls:9443"
# The name Prometheus checks the certificate for (tls_config.server_name), whatever address the target has: the compose
# service's, and in the cluster the Service's (pods are scraped by IP). compose/tls/make-certs puts both in it.
TLS_SERVER_NAME = "iotd-tls"
TLS_K8S_SERVER_NAME = "iotd-api.lucid-metrics.svc"


def tls_scrape(server_name):
    tls = {"ca_file": f"{TLS_FILES}/ca.pem", "server_name": server_name}
    return {"scheme": "https", "tls_config": tls,
            "basic_auth": {"username": "prometheus", "password_file": f"{TLS_FILES}/scrape.password"}}


def header(sources):
    return f"# Generated by compose/generate.py from {sources}: edit that, then run the script.\n"


def indent(text, spaces):
    pad = " " * spaces
    return "".join(pad + line if line.strip() else line for line in text.splitlines(keepends=True))


def meta(name, labels):
    return yaml.safe_dump({"metadata": {"name": name, "labels": labels}}, sort_keys=False)


def k8s_rule_copies():
    return {COMPOSE / "k8s" / "prometheus" / "rules" / r.name:
            header(f"compose/prometheus/rules/{r.name}") + r.read_text(encoding="utf-8") for r in RULES}


def prometheus_rules():
    docs = []
    for r in RULES:
        text = r.read_text(encoding="utf-8")
        if set(yaml.safe_load(text)) != {"groups"}:
            raise SystemExit(f"{r}: a rule file for a PrometheusRule must hold only `groups:`")
        docs.append("apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\n"
                    + meta(f"lucid-metrics-{r.stem}", dict(RELEASE_LABEL))
                    + "spec:\n" + indent(text, 2))
    out = COMPOSE / "k8s" / "components" / "prometheusrules" / "prometheusrules.yaml"
    return {out: header("compose/prometheus/rules/*.yml") + "---\n".join(docs)}


def dashboard_configmaps():
    docs = []
    for d in DASHBOARDS:
        text = d.read_text(encoding="utf-8")
        if not text.endswith("\n"):
            text += "\n"
        docs.append("apiVersion: v1\nkind: ConfigMap\n"
                    + meta(f"lucid-metrics-dashboard-{d.stem}", dict(SIDECAR_LABEL))
                    + f"data:\n  {d.name}: |\n" + indent(text, 4))
    out = COMPOSE / "k8s" / "components" / "grafana-dashboards" / "dashboards.yaml"
    return {out: header("compose/grafana/dashboards/*.json") + "---\n".join(docs)}


def remote_write_config():
    cfg = yaml.safe_load((COMPOSE / "prometheus" / "prometheus.yml").read_text(encoding="utf-8"))
    cfg.pop("alerting", None)
    ordered = {}
    for key, value in cfg.items():
        ordered[key] = value
        if key == "rule_files":
            ordered["remote_write"] = [{"url": REMOTE_WRITE_URL}]
    ordered.setdefault("remote_write", [{"url": REMOTE_WRITE_URL}])
    text = (header("compose/prometheus/prometheus.yml")
            + "# The same scrape jobs and rules (comments in prometheus.yml), plus remote_write to VictoriaMetrics,\n"
            + "# minus alerting: the main Prometheus sends the alerts.\n"
            + yaml.safe_dump(ordered, sort_keys=False))
    return {COMPOSE / "prometheus" / "prometheus-remote-write.yml": text}


def tls_config():
    """prometheus.yml's global settings, rules and its own job, plus iotd-api's job against the profile's iotd-tls over
    TLS with basic auth; no alerting (the main Prometheus sends the alerts)."""
    cfg = yaml.safe_load((COMPOSE / "prometheus" / "prometheus.yml").read_text(encoding="utf-8"))
    jobs = {j["job_name"]: j for j in cfg["scrape_configs"]}
    iotd = {k: v for k, v in jobs["iotd-api"].items() if not k.endswith("_configs")}
    iotd.update(tls_scrape(TLS_SERVER_NAME))
    iotd["static_configs"] = [{"targets": [TLS_IOTD]}]
    out = {"global": cfg["global"], "rule_files": cfg["rule_files"], "scrape_configs": [jobs["prometheus"], iotd]}
    text = (header("compose/prometheus/prometheus.yml")
            + "# The `tls` profile's Prometheus (docker-compose.yml): its own job and iotd-api's, scraped over TLS with\n"
            + "# basic auth from iotd-tls, whose metrics port serves HTTPS. The CA and the password are the files\n"
            + "# compose/tls/make-certs writes (mounted at " + TLS_FILES + "). No alerting: the main Prometheus alerts.\n"
            + yaml.safe_dump(out, sort_keys=False))
    return {COMPOSE / "prometheus" / "prometheus-tls.yml": text}


def k8s_tls_config():
    """k8s/prometheus/prometheus.yml with pods annotated prometheus.io/scheme: https dropped from the plain job, and
    iotd-api's pods scraped over TLS with basic auth by a job of their own (by pod IP: the certificate's name is the
    Service's, so server_name says it)."""
    cfg = yaml.safe_load((COMPOSE / "k8s" / "prometheus" / "prometheus.yml").read_text(encoding="utf-8"))
    jobs = cfg["scrape_configs"]
    pods = next(j for j in jobs if j["job_name"] == "kubernetes-pods")
    scheme = {"source_labels": ["__meta_kubernetes_pod_annotation_prometheus_io_scheme"], "regex": "https"}
    tls = {"job_name": "iotd-api-tls", **tls_scrape(TLS_K8S_SERVER_NAME),
           "kubernetes_sd_configs": copy.deepcopy(pods["kubernetes_sd_configs"]),
           "relabel_configs": [dict(copy.deepcopy(scheme), action="keep"),
                               {"source_labels": ["__meta_kubernetes_pod_label_app_kubernetes_io_name"],
                                "regex": "iotd-api", "action": "keep"}] + copy.deepcopy(pods["relabel_configs"])}
    pods["relabel_configs"] = [dict(scheme, action="drop")] + pods["relabel_configs"]
    jobs.insert(jobs.index(pods) + 1, tls)
    text = (header("compose/k8s/prometheus/prometheus.yml")
            + "# The tls overlay's Prometheus: the same recipe (comments in that file), but pods annotated\n"
            + "# prometheus.io/scheme: https are scraped by iotd-api-tls, over TLS with basic auth (the CA and password\n"
            + "# from Secrets mounted at " + TLS_FILES + "). The overlay puts this file in prometheus-config.\n"
            + yaml.safe_dump(cfg, sort_keys=False))
    return {COMPOSE / "k8s" / "overlays" / "tls" / "prometheus.yml": text}


def native_config():
    """The apps' jobs of prometheus.yml for a Prometheus started with --enable-feature=native-histograms, which then
    asks for the protobuf format and, for a histogram exposed both ways, stores only its native series: so no rules
    and no alerting (they read the classic _bucket series, which the main Prometheus keeps)."""
    cfg = yaml.safe_load((COMPOSE / "prometheus" / "prometheus.yml").read_text(encoding="utf-8"))
    jobs = [j for j in cfg["scrape_configs"] if j["job_name"] in APP_JOBS]
    if [j["job_name"] for j in jobs] != APP_JOBS:
        raise SystemExit(f"prometheus.yml: expected the jobs {APP_JOBS}, found {[j['job_name'] for j in jobs]}; "
                         "update APP_JOBS in compose/generate.py")
    text = (header("compose/prometheus/prometheus.yml")
            + "# The `native` profile's Prometheus (and `BACKEND=client_java make demo`'s second one): the apps' jobs of\n"
            + "# prometheus.yml, for a Prometheus run with --enable-feature=native-histograms. It asks for the protobuf\n"
            + "# format and, for a histogram exposed both ways, stores only the native series: no rules and no alerting,\n"
            + "# which read the classic _bucket series the main Prometheus keeps. Parses on 2.42 and 3.x; the flag turns\n"
            + "# native scraping on up to 3.8 (from 3.9 it is a no-op: there, use prometheus-v3.yml).\n"
            + yaml.safe_dump({"global": cfg["global"], "scrape_configs": jobs}, sort_keys=False))
    return {COMPOSE / "prometheus" / "prometheus-native.yml": text}


def v3_config():
    """prometheus.yml for Prometheus 3.9+, every job keeping both the classic and the native histograms."""
    cfg = yaml.safe_load((COMPOSE / "prometheus" / "prometheus.yml").read_text(encoding="utf-8"))
    cfg.pop("alerting", None)
    for job in cfg["scrape_configs"]:
        job["scrape_native_histograms"] = True
        job["always_scrape_classic_histograms"] = True
    text = (V3_ONLY_MARK + "\n" + header("compose/prometheus/prometheus.yml")
            + "# The `prometheus3` profile, for users on Prometheus 3.9 and later: prometheus.yml's jobs and rules, each job\n"
            + "# scraping native histograms (the protobuf format) and keeping the classic _bucket series as well, so every\n"
            + "# dashboard, rule and alert works as on the main Prometheus and the native queries answer too. No alerting:\n"
            + "# the main Prometheus sends the alerts. The one config of the stack exempt from \"parses on 2.42\"\n"
            + "# (compose/tests/static skips it by name, and no test runs it).\n"
            + yaml.safe_dump(cfg, sort_keys=False))
    return {COMPOSE / "prometheus" / "prometheus-v3.yml": text}


# The one line docker-compose-scale.yml changes, with the comment above it.
ACCESSLOG_PORT = re.compile(r'( +)# ACCESSLOG_PORT empty .*\n +- "\$\{BIND_ADDRESS:-127\.0\.0\.1\}:\$\{ACCESSLOG_PORT-8012\}:8012"\n')


def scale_compose(compose_text):
    """docker-compose-scale.yml from docker-compose.yml's text (comments kept): its own header, and access-log on
    a random host port per replica instead of ${ACCESSLOG_PORT-8012}."""
    body = compose_text[compose_text.index("\n\n") + 2:]   # after the header comment
    body, n = ACCESSLOG_PORT.subn(lambda m: (
        f"{m.group(1)}# A random host port per replica (`docker-compose port --index=2 accesslog 8012` tells which),\n"
        f"{m.group(1)}# so --scale accesslog=N has no port clash.\n"
        f'{m.group(1)}- "${{BIND_ADDRESS:-127.0.0.1}}::8012"\n'), body)
    if n != 1:
        raise SystemExit("docker-compose.yml: expected one access-log port line with ${ACCESSLOG_PORT-8012}, found "
                         f"{n}; update ACCESSLOG_PORT in compose/generate.py if the file changed shape")
    text = (header("compose/docker-compose.yml")
            + "# The scaled stack of the book's lab: docker-compose.yml with one change, access-log published on a random\n"
            + "# host port per replica, so that\n"
            + "#   docker-compose -f docker-compose-scale.yml up -d --scale accesslog=3\n"
            + "# starts three replicas, which Prometheus finds by DNS and the gallery's visits take in turn. The same as\n"
            + "# `ACCESSLOG_PORT= docker-compose up -d --scale accesslog=3`. Profiles and settings: docker-compose.yml.\n\n"
            + body)
    return {COMPOSE / "docker-compose-scale.yml": text}
def vmagent_ha_config():
    """prometheus.yml's jobs for vmagent: no rules or alerting (the vmalerts evaluate), no per-discovery
    refresh_interval (vmagent 1.79 refuses the field; -promscrape.dnsSDCheckInterval sets it), the `prometheus` job
    on the main Prometheus's service name, the `alertmanager` job on the profile's two, and a job per HA component."""
    cfg = yaml.safe_load((COMPOSE / "prometheus" / "prometheus.yml").read_text(encoding="utf-8"))
    glob = {k: v for k, v in cfg["global"].items() if k in ("scrape_interval", "scrape_timeout")}
    jobs = []
    for job in cfg["scrape_configs"]:
        job = dict(job)
        for sd in job.get("dns_sd_configs", []):
            sd.pop("refresh_interval", None)
        if job["job_name"] == "prometheus":
            job["static_configs"] = [{"targets": ["prometheus:9090"]}]
        if job["job_name"] in HA_PEERS:
            job.pop("dns_sd_configs", None)
            job["static_configs"] = [{"targets": HA_PEERS[job["job_name"]]}]
        jobs.append(job)
    names = {j["job_name"] for j in jobs}
    jobs += [{"job_name": name, "static_configs": [{"targets": targets}]}
             for name, targets in HA_PEERS.items() if name not in names]
    text = (header("compose/prometheus/prometheus.yml")
            + "# The `ha` profile's two vmagents (docker-compose.yml) scrape these jobs, every target by both\n"
            + "# (cluster mode, replication factor 2). Comments on the jobs are in prometheus.yml.\n"
            + yaml.safe_dump({"global": glob, "scrape_configs": jobs}, sort_keys=False))
    return {COMPOSE / "prometheus" / "vmagent-ha.yml": text}


def alertmanager_ha_config():
    cfg = yaml.safe_load((COMPOSE / "alertmanager" / "alertmanager.yml").read_text(encoding="utf-8"))
    hooks = [w for r in cfg["receivers"] for w in r.get("webhook_configs", [])]
    if len(hooks) != 1:
        raise SystemExit(f"alertmanager.yml: expected one webhook_configs entry to point at the ha profile's receiver, "
                         f"found {len(hooks)}; update alertmanager_ha_config in compose/generate.py")
    hooks[0]["url"] = HA_WEBHOOK_URL
    text = (header("compose/alertmanager/alertmanager.yml")
            + "# The `ha` profile's two clustered Alertmanagers: the same routes (comments in alertmanager.yml), the\n"
            + "# webhook pointed at the profile's receiver, which lists what it got at GET /alerts.\n"
            + yaml.safe_dump(cfg, sort_keys=False))
    return {COMPOSE / "alertmanager" / "alertmanager-ha.yml": text}


K8S_HA = COMPOSE / "k8s" / "ha"
# Fully qualified: HAProxy's resolvers do not apply resolv.conf's search list. The overlay's namespace, cluster.local.
K8S_STORES = [f"vmstore-{i}.vmstore.lucid-metrics.svc.cluster.local:8428" for i in (0, 1)]


def k8s_ha_configs():
    """The files the k8s/ha kustomization turns into ConfigMaps (kustomize loads no file from outside its folder)."""
    cfg = yaml.safe_load((COMPOSE / "k8s" / "prometheus" / "prometheus.yml").read_text(encoding="utf-8"))
    glob = {k: v for k, v in cfg["global"].items() if k in ("scrape_interval", "scrape_timeout")}
    jobs = [j for j in cfg["scrape_configs"] if j["job_name"] != "prometheus"]  # no single Prometheus in this overlay
    out = {K8S_HA / "vmagent.yml": header("compose/k8s/prometheus/prometheus.yml")
           + "# The HA overlay's vmagents: the same pod discovery (comments in that file), no rules or alerting (the\n"
           + "# vmalerts evaluate), no job for a single Prometheus.\n"
           + yaml.safe_dump({"global": glob, "scrape_configs": jobs}, sort_keys=False)}
    for r in RULES:
        out[K8S_HA / "rules" / r.name] = header(f"compose/prometheus/rules/{r.name}") + r.read_text(encoding="utf-8")
    am = alertmanager_ha_config()[COMPOSE / "alertmanager" / "alertmanager-ha.yml"]
    out[K8S_HA / "alertmanager.yml"] = am
    text = (COMPOSE / "haproxy" / "haproxy.cfg").read_text(encoding="utf-8")
    text = re.sub(r"# Compose's embedded DNS:(.*?)\nresolvers docker\n  nameserver dns 127\.0\.0\.11:53\n",
                  r"# The cluster's DNS (the pod's resolv.conf):\1\nresolvers cluster\n  parse-resolv-conf\n", text,
                  flags=re.S)
    text = text.replace("resolvers docker init-addr", "resolvers cluster init-addr")
    for name, address in zip(("vmstore-a", "vmstore-b"), K8S_STORES):
        text = text.replace(f"server {name} {name}:8428 check", f"server {address.split('.')[0]} {address} check")
    if text.count("parse-resolv-conf") != 1 or any(a not in text for a in K8S_STORES):
        raise SystemExit("compose/haproxy/haproxy.cfg changed shape: update k8s_ha_configs in compose/generate.py")
    out[K8S_HA / "haproxy.cfg"] = header("compose/haproxy/haproxy.cfg") + text
    return out


def project_version():
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    version = ET.parse(REPO / "pom.xml").getroot().find("m:version", ns)
    if version is None or not version.text.strip():
        raise SystemExit(f"{REPO / 'pom.xml'}: no <version> in the root pom")
    return version.text.strip()


# (files, pattern whose group 2 is the tag, matches per file)
IMAGE_TAGS = [
    (["docker-compose.yml"], r"(image: lucidmetrics/demo-[a-z]+:\$\{LUCID_TAG:-)([^}]+)(\})", 6),
    ([f"k8s/base/{app}.yaml" for app in ("image-gallery", "iotd-api", "access-log")] + ["k8s/ha/ha.yaml"],
     r"(image: lucidmetrics/demo-[a-z]+:)(\S+)()", 1),
    ([f"k8s/overlays/{o}/kustomization.yaml" for o in ("demo", "kube-prometheus-stack", "ha")],
     r"(- name: lucidmetrics/demo-[a-z]+\n\s+newTag: )(\S+)()", 3),
]


def image_tags():
    version, out = project_version(), {}
    for files, pattern, per_file in IMAGE_TAGS:
        for path in (COMPOSE / f for f in files):
            text = path.read_text(encoding="utf-8")
            new, n = re.subn(pattern, lambda m: m.group(1) + version + m.group(3), text)
            if n != per_file:
                raise SystemExit(f"{path}: expected {per_file} lucidmetrics/demo-* image tag(s), found {n}; "
                                 f"update IMAGE_TAGS in compose/generate.py if the file changed shape")
            out[path] = new
    return out


def derived():
    files = {}
    for part in (k8s_rule_copies, prometheus_rules, dashboard_configmaps, remote_write_config, tls_config,
                 k8s_tls_config, native_config, v3_config, vmagent_ha_config, alertmanager_ha_config, k8s_ha_configs,
                 image_tags):
        files.update(part())
    compose = COMPOSE / "docker-compose.yml"   # as image_tags leaves it, so one run brings both up to date
    files.update(scale_compose(files.get(compose) or compose.read_text(encoding="utf-8")))
    return files


def main(argv):
    check = "--check" in argv
    stale = []
    for path, text in derived().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path.relative_to(REPO))
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if check and stale:
        print("out of date (run python3 compose/generate.py): " + ", ".join(map(str, stale)))
        return 1
    print(f"generate: {len(stale)} file(s) {'would change' if check else 'written'}"
          + (": " + ", ".join(map(str, stale)) if stale else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
