#!/usr/bin/env python3
"""Derives test configurations from the stack's own Prometheus configs, so that tests run what ships.

  promconfig.py local --target JOB=HOST:PORT[,HOST:PORT...] ... [--interval 2s]
                      [--config FILE --remote-write URL] [--add-config FILE ...] OUT.yml
      compose/prometheus/prometheus.yml for processes on this machine: each listed job gets static targets
      (DNS discovery becomes the list of replica addresses; a relabel rule that pins __address__, as the
      docker job's does, pins it to the listed target), jobs not listed are dropped (Docker engine,
      exporters), rule_files point at compose/prometheus/rules, everything else (paths, honor_labels) is kept.
      --config reads another file of compose/prometheus (prometheus-remote-write.yml, prometheus-native.yml);
      a config without rule_files gets none; --remote-write points
      its remote_write at URL. --add-config adds the scrape jobs and rule files of another Prometheus config
      (the tutorial's examples/todo/prometheus/prometheus.yml), its rule files resolved next to it.
      --tls-dir DIR: the CA and password files a TLS job reads from /etc/prometheus-tls are read from DIR
      (compose/tls/make-certs DIR writes them), as for prometheus-tls.yml.
  promconfig.py k8s SD_FILE OUT.yml [--config FILE] [--tls-dir DIR]
      compose/k8s/prometheus/prometheus.yml (or FILE, such as k8s/overlays/tls/prometheus.yml) with
      kubernetes_sd_configs replaced by file_sd_configs reading SD_FILE (Debian's Prometheus is built without
      Kubernetes discovery); the relabel recipe is unchanged, so targets written with __meta_kubernetes_* labels
      go through the same relabeling as in a cluster.
"""
import sys
from pathlib import Path

import yaml

COMPOSE = Path(__file__).resolve().parent
RULES = sorted(str(p) for p in (COMPOSE / "prometheus" / "rules").glob("*.yml"))
TLS_FILES = "/etc/prometheus-tls/"   # where the stack's TLS jobs read the CA and password (compose/generate.py)


def local_tls_files(cfg, directory):
    """Points every file a job reads from /etc/prometheus-tls (tls_config.ca_file, basic_auth.password_file) at the
    same name in `directory`."""
    for job in cfg["scrape_configs"]:
        for block, key in (("tls_config", "ca_file"), ("basic_auth", "password_file")):
            path = job.get(block, {}).get(key, "")
            if path.startswith(TLS_FILES):
                job[block][key] = str(Path(directory).resolve() / path[len(TLS_FILES):])


def local(args):
    targets, interval, out, config, remote_write, added, tls_dir = {}, None, None, "prometheus.yml", None, [], None
    it = iter(args)
    for a in it:
        if a == "--target":
            job, _, addrs = next(it).partition("=")
            targets[job] = addrs.split(",")
        elif a == "--interval":
            interval = next(it)
        elif a == "--config":
            config = next(it)
        elif a == "--remote-write":
            remote_write = next(it)
        elif a == "--add-config":
            added.append(Path(next(it)).resolve())
        elif a == "--tls-dir":
            tls_dir = next(it)
        else:
            out = a
    cfg = yaml.safe_load((COMPOSE / "prometheus" / config).read_text(encoding="utf-8"))
    if "rule_files" in cfg:  # prometheus-native.yml has none: its store has no classic _bucket series
        cfg["rule_files"] = list(RULES)
    for path in added:
        more = yaml.safe_load(path.read_text(encoding="utf-8"))
        cfg["scrape_configs"] += more.get("scrape_configs", [])
        cfg["rule_files"] = cfg.get("rule_files", []) + [str(path.parent / r) for r in more.get("rule_files", [])]
    if remote_write:
        if not cfg.get("remote_write"):
            raise SystemExit(f"--remote-write given but compose/prometheus/{config} has no remote_write")
        for rw in cfg["remote_write"]:
            rw["url"] = remote_write
    cfg.pop("alerting", None)
    if interval:
        cfg["global"].update(scrape_interval=interval, scrape_timeout=interval, evaluation_interval=interval)
    kept, dropped = [], []
    for job in cfg["scrape_configs"]:
        name = job["job_name"]
        if name not in targets:
            dropped.append(name)
            continue
        for key in [k for k in job if k.endswith("_sd_configs") or k == "static_configs"]:
            del job[key]
        job["static_configs"] = [{"targets": targets[name]}]
        for rule in job.get("relabel_configs", []):
            if rule.get("target_label") == "__address__" and not rule.get("source_labels"):
                if len(targets[name]) != 1:
                    raise SystemExit(f"job {name} pins __address__: give it exactly one --target")
                rule["replacement"] = targets[name][0]
        if interval:
            job.pop("scrape_interval", None)
            job.pop("scrape_timeout", None)
        kept.append(job)
    missing = set(targets) - {j["job_name"] for j in kept}
    if missing:
        raise SystemExit(f"--target for job(s) {sorted(missing)} not in compose/prometheus/{config}"
                         + "".join(f" or {p}" for p in added))
    cfg["scrape_configs"] = kept
    if tls_dir:
        local_tls_files(cfg, tls_dir)
    Path(out).write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")
    print(f"local config: jobs {[j['job_name'] for j in kept]}; dropped {dropped}")


def k8s(args):
    config, tls_dir, positional = COMPOSE / "k8s" / "prometheus" / "prometheus.yml", None, []
    it = iter(args)
    for a in it:
        if a == "--config":
            config = Path(next(it))
        elif a == "--tls-dir":
            tls_dir = next(it)
        else:
            positional.append(a)
    sd_file, out = positional
    cfg = yaml.safe_load(Path(config).read_text(encoding="utf-8"))
    cfg["rule_files"] = [str(COMPOSE / "k8s" / "prometheus" / "rules" / Path(r).name) for r in cfg.get("rule_files", [])]
    for job in cfg["scrape_configs"]:
        if "kubernetes_sd_configs" in job:
            del job["kubernetes_sd_configs"]
            job["file_sd_configs"] = [{"files": [sd_file], "refresh_interval": "5s"}]
    if tls_dir:
        local_tls_files(cfg, tls_dir)
    Path(out).write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    {"local": local, "k8s": k8s}[sys.argv[1]](sys.argv[2:])
