#!/usr/bin/env python3
"""Static policy checks for the stack (used by compose/tests/static). Each subcommand prints what it checked
and exits 1 with one line per violation.

  stacklint.py compose RENDERED.yml [--scaled]   output of `docker-compose config`
  stacklint.py k8s RENDERED.yml                   output of `kubectl kustomize`
  stacklint.py k8s-ha RENDERED.yml                the HA overlay: every pair survives losing a node (two replicas,
                                                  anti-affinity, a PodDisruptionBudget), stores and Alertmanagers
                                                  StatefulSets, every store written by the scrapers, every
                                                  Alertmanager notified by the vmalerts
  stacklint.py dashboards DIR                     Grafana dashboard JSON
  stacklint.py panel-rules DIR OUT.yml            every panel expression as a recording rule, for promtool
  stacklint.py fluentd CONF RENDERED.yml          fluent.conf against the logging overlay it serves (fluentd itself
                                                  cannot run here)
"""
import re
import sys

import yaml

import dashboards as dash

IMAGE_HEALTHCHECK = {"gallery", "iotd", "iotd-tls", "accesslog", "alert-webhook"}  # HEALTHCHECK comes from the apps' Dockerfile
ONE_SHOT = {"batch"}  # runs once and exits: restart "no", no healthcheck
ROOT_ALLOWED = {"cadvisor": "reads cgroups and /var/lib/docker, privileged by design"}
EXEMPLARS = "--enable-feature=exemplar-storage"


def lint_compose(path, scaled):
    doc = yaml.safe_load(open(path, encoding="utf-8"))
    errors = []
    for name, svc in doc.get("services", {}).items():
        image = svc.get("image", "")
        if not image or ":" not in image.rsplit("/", 1)[-1] or image.endswith(":latest"):
            errors.append(f"{name}: image {image!r} must carry a pinned tag (never latest)")
        if name in ONE_SHOT:
            if svc.get("restart") != "no":
                errors.append(f"{name}: a one-shot job must not restart (restart: \"no\")")
        elif svc.get("restart") not in ("unless-stopped", "always", "on-failure"):
            errors.append(f"{name}: restart policy {svc.get('restart')!r}; expected unless-stopped")
        if "healthcheck" not in svc and name not in IMAGE_HEALTHCHECK:
            errors.append(f"{name}: no healthcheck")
        if svc.get("user") in ("root", "0", "0:0") or (svc.get("privileged") and name not in ROOT_ALLOWED):
            errors.append(f"{name}: runs as root/privileged without a reason in ROOT_ALLOWED")
        for dep, cond in (svc.get("depends_on") or {}).items():
            if isinstance(cond, dict) and cond.get("condition") != "service_healthy":
                errors.append(f"{name}: depends_on {dep} with condition {cond.get('condition')!r}")
        for port in svc.get("ports", []):
            text = port if isinstance(port, str) else f"{port.get('host_ip', '')}:{port.get('published', '')}:{port.get('target')}"
            if not str(text).startswith("127.0.0.1:"):
                errors.append(f"{name}: port {text!r} is not bound to 127.0.0.1 by default")
            if name == "accesslog" and scaled and not re.match(r"^127\.0\.0\.1::\d+", str(text)):
                errors.append(f"accesslog: port {text!r} has a fixed host port; --scale needs an empty one")
    gallery = doc["services"].get("gallery", {})
    if not isinstance(gallery.get("depends_on"), dict):
        errors.append("gallery: depends_on must wait for iotd and accesslog to be healthy")
    prom = doc["services"].get("prometheus", {})
    hosts = prom.get("extra_hosts") or []
    hosts = [f"{k}:{v}" for k, v in hosts.items()] if isinstance(hosts, dict) else hosts  # a dict with several -f files
    if "host.docker.internal:host-gateway" not in hosts:
        errors.append("prometheus: extra_hosts host.docker.internal:host-gateway missing (docker job)")
    cmd = " ".join(prom.get("command", []))
    for flag in ("--config.file=", "--storage.tsdb.path="):
        if flag not in cmd:
            errors.append(f"prometheus: command overrides the image's defaults but lacks {flag}")
    for name in ("prometheus", "prometheus-remote-write"):
        svc = doc["services"].get(name)
        if svc and EXEMPLARS not in svc.get("command", []):
            errors.append(f"{name}: {EXEMPLARS} missing (it stores the apps' trace-id exemplars)")
    graf = doc["services"].get("grafana")
    if graf and "admin" == str((graf.get("environment") or {}).get("GF_SECURITY_ADMIN_PASSWORD", "")):
        errors.append("grafana: admin password defaults to 'admin'")
    print(f"compose: {len(doc.get('services', {}))} services checked")
    return errors


def lint_k8s(path):
    docs = [d for d in yaml.safe_load_all(open(path, encoding="utf-8")) if d]
    errors = []
    deployments = [d for d in docs if d["kind"] == "Deployment"]
    for d in deployments:
        name = d["metadata"]["name"]
        pod = d["spec"]["template"]
        psc = pod["spec"].get("securityContext", {})
        if not psc.get("runAsNonRoot"):
            errors.append(f"{name}: pod securityContext.runAsNonRoot is not true")
        for c in pod["spec"]["containers"]:
            if not c.get("resources", {}).get("requests") or not c.get("resources", {}).get("limits"):
                errors.append(f"{name}/{c['name']}: resources.requests and .limits are required")
            for probe in ("readinessProbe", "livenessProbe"):
                if probe not in c:
                    errors.append(f"{name}/{c['name']}: no {probe}")
            if c.get("securityContext", {}).get("allowPrivilegeEscalation") is not False:
                errors.append(f"{name}/{c['name']}: allowPrivilegeEscalation must be false")
            if c["image"].endswith(":latest") or ":" not in c["image"]:
                errors.append(f"{name}/{c['name']}: image {c['image']!r} must be pinned")
        if name == "prometheus" and EXEMPLARS not in pod["spec"]["containers"][0].get("args", []):
            errors.append(f"prometheus: {EXEMPLARS} missing from its args (the apps' trace-id exemplars)")
        if name != "prometheus":
            ann = pod["metadata"].get("annotations", {})
            if ann.get("prometheus.io/scrape") != "true" or "prometheus.io/port" not in ann or "prometheus.io/path" not in ann:
                errors.append(f"{name}: prometheus.io/scrape|port|path annotations missing")
            probe_paths = {c[p]["httpGet"]["path"] for c in pod["spec"]["containers"] for p in ("readinessProbe", "livenessProbe")}
            if probe_paths != {"/health"}:
                errors.append(f"{name}: probes use {sorted(probe_paths)}, expected /health")
    for sm in (d for d in docs if d["kind"] == "ServiceMonitor"):
        if "release" not in sm["metadata"].get("labels", {}):
            errors.append(f"ServiceMonitor {sm['metadata']['name']}: no release label (kube-prometheus-stack selects by it)")
    print(f"k8s: {len(docs)} objects, {len(deployments)} deployments checked")
    return errors


HA_PAIRS = {"vmstore": "StatefulSet", "alertmanager": "StatefulSet", "vmagent": "Deployment",
            "haproxy": "Deployment", "vmalert": "Deployment"}


def lint_k8s_ha(path):
    docs = [d for d in yaml.safe_load_all(open(path, encoding="utf-8")) if d]
    errors = []
    workloads = {d["metadata"]["name"]: d for d in docs if d["kind"] in ("Deployment", "StatefulSet")}
    pdbs = [d["spec"]["selector"]["matchLabels"] for d in docs if d["kind"] == "PodDisruptionBudget"]
    for name, kind in HA_PAIRS.items():
        w = workloads.get(name)
        if not w or w["kind"] != kind:
            errors.append(f"{name}: expected a {kind}, found {w['kind'] if w else 'none'}")
            continue
        if w["spec"].get("replicas", 1) < 2:
            errors.append(f"{name}: {w['spec'].get('replicas', 1)} replica(s); a pair needs 2")
        anti = w["spec"]["template"]["spec"].get("affinity", {}).get("podAntiAffinity", {})
        terms = anti.get("requiredDuringSchedulingIgnoredDuringExecution", []) + \
            [t["podAffinityTerm"] for t in anti.get("preferredDuringSchedulingIgnoredDuringExecution", [])]
        own = w["spec"]["selector"]["matchLabels"]
        if not any(t.get("labelSelector", {}).get("matchLabels") == own and t.get("topologyKey") for t in terms):
            errors.append(f"{name}: no podAntiAffinity that keeps its own pods on different nodes")
        if kind == "StatefulSet" and not anti.get("requiredDuringSchedulingIgnoredDuringExecution"):
            errors.append(f"{name}: two replicas of state on one node is one node's loss: anti-affinity must be required")
        if not any(all(own.get(k) == v for k, v in sel.items()) for sel in pdbs):
            errors.append(f"{name}: no PodDisruptionBudget selects it")

    def args(name):
        w = workloads.get(name)
        return [a for c in w["spec"]["template"]["spec"]["containers"] for a in c.get("args", [])] if w else []
    for kind, target, flag, port in (("vmagent", "vmstore", "-remoteWrite.url=", 8428),
                                     ("vmalert", "alertmanager", "-notifier.url=", 9093)):
        w = workloads.get(target)
        pods = [f"{target}-{i}.{w['spec']['serviceName']}" for i in range(w["spec"].get("replicas", 1))] if w else []
        urls = [a for a in args(kind) if a.startswith(flag)]
        for pod in pods:
            if not any(f"//{pod}:{port}" in u for u in urls):
                errors.append(f"{kind}: no {flag}... for {pod} (every {target} must get everything)")
    print(f"k8s-ha: {len(HA_PAIRS)} pairs checked, {len(pdbs)} PodDisruptionBudgets")
    return errors


def lint_dashboards(directory):
    errors, uids = [], set()
    boards = dash.load(directory)
    for fname, b in boards:
        uid = b.get("uid")
        if not uid or uid in uids:
            errors.append(f"{fname}: missing or duplicate uid {uid!r}")
        uids.add(uid)
        text = open(f"{directory}/{fname}", encoding="utf-8").read()
        if "${DS_" in text or "__inputs" in text:
            errors.append(f"{fname}: exported-dashboard placeholders (${{DS_...}}/__inputs) break file provisioning")
        names = [n for n, _, _ in dash.variables(b)]
        if fname != "image-gallery-overview.json" and names[:2] != ["job", "instance"]:
            errors.append(f"{fname}: variables {names}, expected $job and $instance first")
        for n, q, _ in dash.variables(b):
            try:
                dash.parse_label_values(q)
            except ValueError as e:
                errors.append(f"{fname}: ${n}: {e}")
        ids = set()
        for p in b["panels"]:
            if p["type"] not in dash.PANEL_TYPES:
                errors.append(f"{fname}: panel {p.get('title')!r} has type {p['type']!r} (timeseries/stat only)")
            if p["id"] in ids:
                errors.append(f"{fname}: duplicate panel id {p['id']}")
            ids.add(p["id"])
            if p["type"] != "row" and (p.get("datasource", {}).get("type") != "prometheus"
                                       or p["datasource"].get("uid") not in dash.DATASOURCES):
                errors.append(f"{fname}: panel {p['title']!r} datasource {p.get('datasource')} is not a pinned uid "
                              f"of {sorted(dash.DATASOURCES)}")
            for t in p.get("targets", []):
                if dash.datasource_uid(p, t) != p.get("datasource", {}).get("uid"):
                    errors.append(f"{fname}: panel {p['title']!r} target {t.get('refId')} queries another datasource")
        errors += native_split(fname, b)
        for row, title, ref, expr in dash.queries(b):
            for window in re.findall(r"\[([^\]]+)\]", expr):
                if window != "$__rate_interval":
                    errors.append(f"{fname}: {row}/{title}/{ref}: range [{window}] should be [$__rate_interval]")
            for var in set(re.findall(r"\$(\w+)", expr)) - set(names) - {"__rate_interval", "__interval", "__range"}:
                errors.append(f"{fname}: {row}/{title}/{ref}: unknown variable ${var}")
    exemplar_targets = [t["expr"] for _, b in boards for p in b["panels"] for t in p.get("targets", [])
                        if t.get("exemplar") and "image_gallery_request_duration_seconds_bucket" in t["expr"]]
    if not exemplar_targets:
        errors.append("no panel shows exemplars (\"exemplar\": true) over image_gallery_request_duration_seconds_bucket")
    print(f"dashboards: {len(boards)} boards, {sum(1 for _, b in boards for _ in dash.queries(b))} queries checked")
    return errors


# Native-histogram functions that read a native series: the main Prometheus stores none (it scrapes text and keeps
# the classic _bucket series), the `native` one stores no _bucket series of a histogram exposed both ways.
NATIVE_ONLY = re.compile(r"\bhistogram_(count|sum|fraction|stddev|stdvar)\s*\(")


def native_split(fname, board):
    """Each query reads what its datasource stores: no native-only function on `prometheus`, no _bucket on `native`."""
    errors = []
    for row, title, ref, expr in dash.queries(board, "prometheus"):
        if NATIVE_ONLY.search(expr):
            errors.append(f"{fname}: {row}/{title}/{ref}: a native-histogram function on the classic datasource "
                          "'prometheus'; put the panel on the 'native' one")
    for row, title, ref, expr in dash.queries(board, "native"):
        if "_bucket" in expr:
            errors.append(f"{fname}: {row}/{title}/{ref}: a _bucket series on the 'native' datasource, which stores "
                          "native histograms only; read the bare histogram name")
    return errors


def panel_rules(directory, out):
    rules = []
    for fname, b in dash.load(directory):
        values = {n: "x" for n, _, _ in dash.variables(b)}
        for i, (row, title, ref, expr) in enumerate(dash.queries(b)):
            rules.append({"record": f"panel:{b['uid'].replace('-', '_')}:{i}", "expr": dash.substitute(expr, values),
                          "labels": {"dashboard": fname, "panel": f"{row}/{title}/{ref}"[:200]}})
    yaml.safe_dump({"groups": [{"name": "dashboard-panels", "rules": rules}]}, open(out, "w", encoding="utf-8"),
                   sort_keys=False, allow_unicode=True)
    print(f"panel-rules: {len(rules)} expressions written to {out}")
    return []


def fluentd_directives(path):
    """fluent.conf as nested directives: [(name, argument, {parameter: value}, [children])]; raises on bad nesting."""
    root, stack = [], []
    for n, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.split(" #")[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if m := re.fullmatch(r"<(\w+)\s*([^>]*)>", line):
            node = (m.group(1), m.group(2).strip(), {}, [])
            (stack[-1][3] if stack else root).append(node)
            stack.append(node)
        elif m := re.fullmatch(r"</(\w+)>", line):
            if not stack or stack[-1][0] != m.group(1):
                raise ValueError(f"{path}:{n}: </{m.group(1)}> closes nothing open")
            stack.pop()
        elif stack:
            key, _, value = line.partition(" ")
            stack[-1][2][key] = value.strip()
        else:
            raise ValueError(f"{path}:{n}: parameter outside a directive: {line}")
    if stack:
        raise ValueError(f"{path}: <{stack[-1][0]}> is never closed")
    return root


def lint_fluentd(conf, rendered):
    errors = []
    try:
        top = fluentd_directives(conf)
    except ValueError as e:
        return [str(e)]
    services = yaml.safe_load(open(rendered, encoding="utf-8"))["services"]
    fluentd = services.get("fluentd", {})
    sources = {d[2].get("@type"): d[2] for d in top if d[0] == "source"}
    for app in ("gallery", "iotd", "accesslog"):
        log = services[app].get("logging", {})
        if log.get("driver") != "fluentd" or not log.get("options", {}).get("tag", "").startswith("lucid."):
            errors.append(f"{app}: logging driver fluentd with a lucid.* tag expected, got {log}")
    address_port = services["gallery"].get("logging", {}).get("options", {}).get("fluentd-address", ":").rsplit(":", 1)[1]
    ports = [p.split("/")[0].rsplit(":", 2)[-2:] if isinstance(p, str) else [str(p.get("published")), str(p.get("target"))]
             for p in fluentd.get("ports", [])]
    published = [target for host_port, target in ports if host_port == address_port]
    if sources.get("forward", {}).get("port") not in published:
        errors.append(f"the forward source's port {sources.get('forward', {}).get('port')} is not the one published"
                      f" at the drivers' fluentd-address port {address_port} (published targets {published})")
    if sources.get("monitor_agent", {}).get("port", "?") not in " ".join(fluentd.get("healthcheck", {}).get("test", [])):
        errors.append("the healthcheck does not probe the monitor_agent port")
    filters = [d for d in top if d[0] == "filter" and d[1] == "lucid.**" and d[2].get("@type") == "parser"]
    parse = [c[2] for f in filters for c in f[3] if c[0] == "parse"]
    if not filters or filters[0][2].get("key_name") != "log" or not parse or parse[0].get("@type") != "json" \
            or parse[0].get("time_key") != "time" or parse[0].get("time_format") != "%iso8601":
        errors.append("expected <filter lucid.**> @type parser, key_name log, <parse> @type json, time_key time,"
                      " time_format %iso8601 (the apps' time is ISO 8601 UTC)")
    outputs = [d[2] for d in top if d[0] == "match" and d[1] == "lucid.**"]
    if not outputs or outputs[0].get("@type") != "elasticsearch" or outputs[0].get("host") not in services \
            or outputs[0].get("port") != "9200":
        errors.append(f"expected <match lucid.**> @type elasticsearch on a compose service, port 9200: {outputs}")
    print(f"fluentd: {len(top)} directives checked against {len(services)} services")
    return errors


def main(argv):
    cmd, args = argv[0], argv[1:]
    if cmd == "compose":
        errors = lint_compose(args[0], "--scaled" in args)
    elif cmd == "k8s":
        errors = lint_k8s(args[0])
    elif cmd == "k8s-ha":
        errors = lint_k8s_ha(args[0])
    elif cmd == "dashboards":
        errors = lint_dashboards(args[0])
    elif cmd == "panel-rules":
        errors = panel_rules(args[0], args[1])
    elif cmd == "fluentd":
        errors = lint_fluentd(args[0], args[1])
    else:
        raise SystemExit(f"unknown subcommand {cmd!r}; see the module docstring")
    for e in errors:
        print("violation: " + e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
