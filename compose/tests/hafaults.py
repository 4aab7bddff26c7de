#!/usr/bin/env python3
"""The `ha` profile under faults (run by compose/tests/ha-faults, which starts the stack): with gallery traffic
flowing and every dashboard and cookbook query asked again and again through HAProxy, kill one store, then one
scraper, then one vmalert, then one Alertmanager (SIGKILL), each for OUTAGE seconds, and bring each back. A test
alert is raised during the store outage. Then the goals of docs/beyond-one-prometheus.md ("What it survived") are
judged and the results written in the format of scripts/reliability (form, machine, settings, scenarios with goals,
figures and notes; goals met/missed), with a page rendered by hareport.py.

  hafaults.py --form short|full --dc "docker-compose -p P -f F --profile ha" --rules-dir DIR --results FILE
              [--page FILE] [--command TEXT] [--gallery URL] [--query URL] [--store-a URL] [--store-b URL]
              [--webhook URL] [--alertmanager-a URL] [--alertmanager-b URL] [--not-found URL...]
Exit 0 when every goal was met, 1 otherwise.
"""
import argparse
import json
import shlex
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml

import haload
import hameasure as hm
import hareport
import haphases

COMPOSE = Path(__file__).resolve().parent.parent
SETTINGS = {
    "short": {"form": "short", "clients": 4, "steadySeconds": 5, "outageSeconds": 10, "catchUpDeadlineSeconds": 120,
              "duplicateWatchSeconds": 50},
    "full": {"form": "full", "clients": 16, "steadySeconds": 60, "outageSeconds": 120, "catchUpDeadlineSeconds": 300,
             "duplicateWatchSeconds": 60},
}
LATENCY_OFFSET = 30  # VictoriaMetrics' -search.latencyOffset default: newer samples are not yet visible to queries


def options(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--form", choices=sorted(SETTINGS), default="short")
    p.add_argument("--dc", required=True)
    p.add_argument("--rules-dir", required=True, type=Path)
    p.add_argument("--results", required=True, type=Path)
    p.add_argument("--page", type=Path)
    p.add_argument("--command", default="compose/tests/ha-faults")
    p.add_argument("--not-found", nargs="*", default=[],
                   help="app base URLs to send one request for a missing page each during the warm-up (4xx panels)")
    for name, port in (("gallery", 8010), ("query", 8427), ("store-a", 8437), ("store-b", 8447), ("webhook", 5001),
                       ("alertmanager-a", 9193), ("alertmanager-b", 9194)):
        p.add_argument(f"--{name}", default=f"http://127.0.0.1:{port}")
    return p.parse_args(argv)


def scrape_intervals():
    """{job: seconds} of the ha profile's scrape config, and the global default."""
    cfg = yaml.safe_load((COMPOSE / "prometheus" / "vmagent-ha.yml").read_text(encoding="utf-8"))
    seconds = lambda d: float(d.rstrip("s"))
    default = seconds(cfg["global"]["scrape_interval"])
    return {j["job_name"]: seconds(j.get("scrape_interval", cfg["global"]["scrape_interval"]))
            for j in cfg["scrape_configs"]}, default


def poll(what, deadline, fn):
    """fn() until it returns a truthy value, once a second; that value, or RuntimeError naming what after deadline s."""
    end = time.time() + deadline
    while True:
        try:
            value = fn()
            if value:
                return value
        except Exception as e:  # not yet: a container restarting, a query before the data
            last = e
        if time.time() > end:
            raise RuntimeError(f"{what}: not within {deadline} s" + (f" ({last})" if "last" in locals() else ""))
        threading.Event().wait(1)


def machine(o):
    load = Path("/proc/loadavg").read_text().split()[:3]
    cpus = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    docker = subprocess.run(["docker", "version", "--format", "{{.Server.Version}}"], capture_output=True,
                            text=True).stdout.strip()
    versions = {}
    for expr in ("vm_app_version", "alertmanager_build_info", "haproxy_process_build_info"):
        try:
            for s in hm.query(o.query, expr)[0]:
                labels = {k: v for k, v in s["metric"].items() if k not in ("__name__", "job", "instance") and v}
                versions[s["metric"].get("job", expr)] = labels
        except Exception as e:  # a figure, not a goal: say why it is missing
            versions[expr] = f"not read: {e}"
    return {"cpus": int(cpus or 0), "loadAverageAtStart": " ".join(load), "dockerEngine": docker,
            "componentVersions": versions}


def main(argv):
    o = options(argv)
    s = SETTINGS[o.form]
    dc = shlex.split(o.dc)
    intervals, default_interval = scrape_intervals()
    started = time.time()
    results = {"form": o.form, "command": o.command,
               "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)), "settings": s}
    run = haphases.Run(o, s, dc, intervals, default_interval, poll)
    try:
        run.prepare()
        results["machine"] = machine(o)
        run.faults()
        run.finish(LATENCY_OFFSET)
        scenarios = run.judge()
    except RuntimeError as e:
        scenarios = [{"id": "setup", "title": "The run itself", "figures": {},
                      "goals": [{"goal": "the fault run completes", "met": False, "measured": str(e)}],
                      "notes": ["The run stopped before its goals could be judged."]}]
    finally:
        run.stop_loads()
    results["seconds"] = round(time.time() - started)
    results["scenarios"] = scenarios
    goals = [g for sc in scenarios for g in sc["goals"]]
    results["goals"] = {"met": sum(g["met"] for g in goals), "missed": sum(not g["met"] for g in goals)}
    o.results.parent.mkdir(parents=True, exist_ok=True)
    o.results.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if o.page:
        o.page.write_text(hareport.render(results), encoding="utf-8")
    for g in goals:
        print(("met     " if g["met"] else "MISSED  ") + g["goal"] + ": " + g["measured"])
    print(f"ha-faults: {results['goals']['met']} goals met, {results['goals']['missed']} missed in "
          f"{results['seconds']} s; results {o.results}" + (f", page {o.page}" if o.page else ""))
    return 0 if results["goals"]["missed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
