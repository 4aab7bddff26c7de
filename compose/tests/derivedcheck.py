#!/usr/bin/env python3
"""The stack's derived files say what their sources say, compared parsed rather than as text (used by
compose/tests/static; independent of compose/generate.py, which writes them). Exit 1 with one line per finding.

  derivedcheck.py operator RENDERED.yml   `kubectl kustomize` output of the kube-prometheus-stack overlay: one
                                          PrometheusRule per compose rule file with equal groups and the release
                                          label; one ConfigMap per dashboard, sidecar label, equal JSON
  derivedcheck.py k8s-rules               compose/k8s/prometheus/rules/*.yml equal compose/prometheus/rules/*.yml
  derivedcheck.py remote-write            prometheus-remote-write.yml is prometheus.yml with remote_write added to
                                          VictoriaMetrics and alerting removed, nothing else
  derivedcheck.py scale                   docker-compose-scale.yml is docker-compose.yml with access-log published on
                                          a random host port per replica, nothing else
  derivedcheck.py ha                      vmagent-ha.yml scrapes every job of prometheus.yml the same way (interval,
                                          timeout, path, honor_labels, relabelling, discovery names), plus the HA
                                          components; alertmanager-ha.yml is alertmanager.yml but for the webhook URL
"""
import json
import sys
from pathlib import Path

import yaml

COMPOSE = Path(__file__).resolve().parent.parent
RULE_FILES = sorted((COMPOSE / "prometheus" / "rules").glob("*.yml"))
DASHBOARDS = sorted((COMPOSE / "grafana" / "dashboards").glob("*.json"))


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def operator(rendered):
    docs = [d for d in yaml.safe_load_all(Path(rendered).read_text(encoding="utf-8")) if d]
    rules = [d for d in docs if d["kind"] == "PrometheusRule"]
    maps = [d for d in docs if d["kind"] == "ConfigMap" and d["metadata"].get("labels", {}).get("grafana_dashboard")]
    errors = []
    for f in RULE_FILES:
        want = load(f)["groups"]
        same = [r for r in rules if r["spec"]["groups"] == want]
        if len(same) != 1:
            errors.append(f"{f.name}: {len(same)} PrometheusRule(s) carry its groups, expected 1")
        elif same[0]["metadata"].get("labels", {}).get("release") != "kube-prometheus-stack":
            errors.append(f"PrometheusRule {same[0]['metadata']['name']}: no release: kube-prometheus-stack label")
    if len(rules) != len(RULE_FILES):
        errors.append(f"{len(rules)} PrometheusRules for {len(RULE_FILES)} rule files")
    groups = [g["name"] for r in rules for g in r["spec"]["groups"]]
    for r in rules:
        names = [g["name"] for g in r["spec"]["groups"]]
        if len(names) != len(set(names)):
            errors.append(f"PrometheusRule {r['metadata']['name']}: duplicate group names {names}")
    for d in DASHBOARDS:
        want = json.loads(d.read_text(encoding="utf-8"))
        same = [m for m in maps if d.name in m.get("data", {}) and json.loads(m["data"][d.name]) == want]
        if len(same) != 1:
            errors.append(f"{d.name}: {len(same)} sidecar ConfigMap(s) carry it, expected 1")
        elif same[0]["metadata"]["labels"]["grafana_dashboard"] != "1":
            errors.append(f"ConfigMap {same[0]['metadata']['name']}: grafana_dashboard label is not \"1\"")
    if len(maps) != len(DASHBOARDS):
        errors.append(f"{len(maps)} dashboard ConfigMaps for {len(DASHBOARDS)} dashboards")
    print(f"operator: {len(rules)} PrometheusRules ({len(groups)} groups, "
          f"{sum(len(g['rules']) for r in rules for g in r['spec']['groups'])} rules) and {len(maps)} dashboard "
          f"ConfigMaps compared with compose's rule files and dashboards")
    return errors


def k8s_rules():
    errors = []
    for f in RULE_FILES:
        copy = COMPOSE / "k8s" / "prometheus" / "rules" / f.name
        if not copy.exists() or load(copy) != load(f):
            errors.append(f"k8s/prometheus/rules/{f.name} differs from prometheus/rules/{f.name}")
    print(f"k8s-rules: {len(RULE_FILES)} rule files compared")
    return errors


def remote_write():
    base = load(COMPOSE / "prometheus" / "prometheus.yml")
    derived = load(COMPOSE / "prometheus" / "prometheus-remote-write.yml")
    errors = []
    urls = [rw.get("url") for rw in derived.pop("remote_write", [])]
    if urls != ["http://victoriametrics:8428/api/v1/write"]:
        errors.append(f"remote_write urls {urls}, expected the victoriametrics service's /api/v1/write")
    base.pop("alerting", None)
    if "alerting" in derived:
        errors.append("prometheus-remote-write.yml sends alerts: the main Prometheus does")
    if derived != base:
        errors.append("prometheus-remote-write.yml differs from prometheus.yml beyond remote_write and alerting")
    print("remote-write: prometheus-remote-write.yml compared with prometheus.yml")
    return errors


def scale():
    base = load(COMPOSE / "docker-compose.yml")
    derived = load(COMPOSE / "docker-compose-scale.yml")
    errors = []
    ports = derived["services"]["accesslog"].pop("ports", None)
    if ports != ["${BIND_ADDRESS:-127.0.0.1}::8012"]:
        errors.append(f"docker-compose-scale.yml: access-log ports {ports}, expected a random host port per replica")
    base["services"]["accesslog"].pop("ports", None)
    if derived != base:
        errors.append("docker-compose-scale.yml differs from docker-compose.yml beyond access-log's host port")
    print("scale: docker-compose-scale.yml compared with docker-compose.yml")
    return errors


def _job_view(job):
    """What decides what a job scrapes and how, with discovery reduced to its names or targets."""
    view = {k: v for k, v in job.items() if k not in ("static_configs", "dns_sd_configs")}
    view["dns"] = [(tuple(sd["names"]), sd.get("type"), sd.get("port")) for sd in job.get("dns_sd_configs", [])]
    view["static"] = [t for sc in job.get("static_configs", []) for t in sc["targets"]]
    return view


def ha():
    base = load(COMPOSE / "prometheus" / "prometheus.yml")
    derived = load(COMPOSE / "prometheus" / "vmagent-ha.yml")
    errors = []
    for key in ("scrape_interval", "scrape_timeout"):
        if derived["global"].get(key) != base["global"].get(key):
            errors.append(f"vmagent-ha.yml: global {key} {derived['global'].get(key)!r}, prometheus.yml has "
                          f"{base['global'].get(key)!r}")
    jobs = {j["job_name"]: _job_view(j) for j in derived["scrape_configs"]}
    # The two jobs whose targets are other services in this profile: the main Prometheus by its service name,
    # the profile's own Alertmanagers.
    moved = {"prometheus": ["prometheus:9090"], "alertmanager": ["alertmanager-a:9093", "alertmanager-b:9093"]}
    for job in base["scrape_configs"]:
        want, got = _job_view(job), jobs.get(job["job_name"])
        if got is None:
            errors.append(f"vmagent-ha.yml has no job {job['job_name']}")
            continue
        if job["job_name"] in moved:
            want["dns"], want["static"] = [], moved[job["job_name"]]
        if got != want:
            errors.append(f"vmagent-ha.yml job {job['job_name']}: {got} differs from prometheus.yml's {want}")
    extra = sorted(set(jobs) - {j["job_name"] for j in base["scrape_configs"]})
    for name in ("victoriametrics", "vmagent", "vmalert", "haproxy"):
        if name not in extra:
            errors.append(f"vmagent-ha.yml does not scrape the HA component {name}")
    am, am_ha = load(COMPOSE / "alertmanager" / "alertmanager.yml"), load(COMPOSE / "alertmanager" / "alertmanager-ha.yml")
    hooks = [w for r in am_ha["receivers"] for w in r.get("webhook_configs", [])]
    if [w["url"] for w in hooks] != ["http://alert-webhook:5001/alerts"]:
        errors.append(f"alertmanager-ha.yml webhooks {hooks}: expected the profile's alert-webhook")
    for r in am["receivers"]:
        for w in r.get("webhook_configs", []):
            w["url"] = "http://alert-webhook:5001/alerts"
    if am != am_ha:
        errors.append("alertmanager-ha.yml differs from alertmanager.yml beyond the webhook URL")
    print(f"ha: {len(base['scrape_configs'])} jobs of prometheus.yml compared, plus {extra}; alertmanager-ha.yml compared")
    return errors


def main(argv):
    cmd = argv[0]
    errors = {"operator": lambda: operator(argv[1]), "k8s-rules": k8s_rules, "remote-write": remote_write,
              "scale": scale, "ha": ha}[cmd]()
    for e in errors:
        print("violation: " + e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
