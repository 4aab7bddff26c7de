#!/usr/bin/env python3
"""Assertions through a running Prometheus's HTTP API (stdlib only). Exit 0 = all good, 1 = a finding.

  promcheck.py URL targets JOB=COUNT ...           every listed job has exactly COUNT targets, all up
  promcheck.py URL panels DIR [--docker] [--datasource UID]
                                                   every Grafana panel query on datasource UID (default
                                                   prometheus; native: the native-histogram Prometheus) returns
                                                   data (see EXPECTED_EMPTY); --docker: only the Docker-engine
                                                   queries, which must have data
  promcheck.py URL rules                           every recording rule's series exists
  promcheck.py URL alerts [--allow NAME ...]       no alert pending or firing except the allowed ones
  promcheck.py URL alerts --exactly [NAME ...]     the pending and firing alerts are exactly these (none: empty)
  promcheck.py URL alert NAME LABEL=VALUE ... [--firing] [--says TEXT ...]
                                                   that alert is pending or firing for those labels (--firing:
                                                   firing), its annotations containing every TEXT
  promcheck.py URL settled SINCE                   every rule group has been evaluated twice since SINCE (unix s)
  promcheck.py URL query EXPR                      the query returns at least one series
  promcheck.py URL cookbook FILE [--native]        every ```promql block of FILE (docs/promql.md) returns data;
                                                   --native: every ```promql native block instead
  promcheck.py URL exemplars SERIES TRACE_ID ...   /api/v1/query_exemplars has exemplars for SERIES (last 15 min),
                                                   each with a valid trace_id, at least one of them a given one
Add -q before the subcommand to print only failures.
"""
import json
import re
import sys
import urllib.parse
from datetime import datetime
import urllib.request

import dashboards as dash

# Queries that cannot have data in the no-Docker e2e, with the reason; the Docker smoke checks them instead.
EXPECTED_EMPTY_LOCAL = {"engine_daemon_": "Docker engine metrics: checked by compose/tests/docker-smoke"}
# Queries on the instrumented HTTP *client*: only apps that call other services have them (the gallery); on
# executors and the demos' HTTP_THREADS turn: only apps that register them (the demos, examples/jetty; not the
# tutorial's to-do service). They must return data for at least one $job value.
SOME_JOBS_ONLY = ("_client_requests_total", "_client_request_duration_seconds", "_executor_queued_tasks",
                  "_executor_active_threads", "_http_turn_waiting_requests")
QUIET = False


def api(base, path, **params):
    url = f"{base}/api/v1/{path}"
    if params:
        url += "?" + urllib.parse.urlencode(params, doseq=True)
    with urllib.request.urlopen(url, timeout=10) as r:
        body = json.load(r)
    if body.get("status") != "success":
        raise RuntimeError(f"{path}: {body}")
    return body["data"]


def say(ok, text):
    if not ok or not QUIET:
        print(("ok    " if ok else "FAIL  ") + text)
    return ok


def targets(base, args):
    want = dict(a.split("=") for a in args)
    active = api(base, "targets", state="active")["activeTargets"]
    good = True
    for job, count in want.items():
        ts = [t for t in active if t["labels"].get("job") == job]
        up = [t for t in ts if t["health"] == "up"]
        detail = ", ".join(f"{t['labels'].get('instance')}={t['health']}" + (f" ({t['lastError']})" if t.get("lastError") else "") for t in ts)
        good &= say(len(ts) == int(count) and len(up) == len(ts), f"job {job}: {len(up)}/{len(ts)} up, want {count}: {detail}")
    return good


def resolve_variables(base, board, job=None):
    """Variable values as a Grafana user would pick them: the given job (or the first), one real instance, All routes."""
    values = {}
    for name, query, include_all in dash.variables(board):
        sel, label = dash.parse_label_values(query)
        sel = dash.substitute(sel, values) if sel else None
        found = api(base, f"label/{label}/values", **({"match[]": sel} if sel else {}))
        if name == "job":
            if not found:
                raise RuntimeError(f"{board['uid']}: $job has no values for {query!r}")
            values[name] = job if job else found[0]
        elif name == "instance" and found:
            values[name] = dash.regex_escape(found[0]) if board["uid"] != "lucid-gallery-overview" else ".*"
        elif include_all:
            values[name] = ".*"
        else:
            values[name] = found[0] if found else ""
    return values


def job_values(base, board):
    for name, query, _ in dash.variables(board):
        if name == "job":
            sel, label = dash.parse_label_values(query)
            return api(base, f"label/{label}/values", **({"match[]": sel} if sel else {}))
    return [None]


def panels(base, args):
    directory, docker_only = args[0], "--docker" in args
    uid = args[args.index("--datasource") + 1] if "--datasource" in args else "prometheus"
    good, counts = True, {"data": 0, "expected-empty": 0, "some-jobs": 0}
    for fname, board in dash.load(directory):
        if not any(dash.queries(board, uid)):
            continue  # no panel of this board reads that datasource
        some_jobs = {}
        jobs = job_values(base, board)
        good &= say(bool(jobs), f"{fname}: $job has {len(jobs)} values")
        for job in jobs:
            values = resolve_variables(base, board, job)
            for row, title, ref, expr in dash.queries(board, uid):
                docker_query = "engine_daemon_" in expr
                if docker_only != docker_query:
                    if not docker_only:
                        counts["expected-empty"] += 1
                        say(True, f"{fname} {row}/{title}/{ref}: expected empty here ({EXPECTED_EMPTY_LOCAL['engine_daemon_']})")
                    continue
                q = dash.substitute(expr, values)
                try:
                    n = len(api(base, "query", query=q)["result"])
                except Exception as e:  # a 400 from a bad expression is a finding, not a crash
                    n, q = 0, f"{q} -> {e}"
                where = f"{fname} [job={values.get('job')}] {row}/{title}/{ref}"
                if any(s in expr for s in SOME_JOBS_ONLY) and "$job" in expr:
                    some_jobs.setdefault((row, title, ref), []).append((n, where, q))
                    continue
                good &= say(n > 0, f"{where}: {n} series" + ("" if n else f"  query: {q}"))
                counts["data"] += n > 0
        for key, results in some_jobs.items():
            ok = any(n > 0 for n, _, _ in results)
            counts["some-jobs"] += 1
            good &= say(ok, f"{fname} {'/'.join(key)}: data for {sum(n > 0 for n, _, _ in results)} of "
                            f"{len(results)} jobs (client and executor queries: only apps that call others, or register executors)")
    print(f"panels: {counts['data']} query checks with data on datasource {uid}, {counts['some-jobs']} client-side "
          f"queries with data for some job, {counts['expected-empty']} expected empty here")
    return good and say(counts["data"] + counts["some-jobs"] > 0, f"panels on datasource {uid} were checked")


def rules(base, _):
    good, n = True, 0
    for group in api(base, "rules")["groups"]:
        for r in group["rules"]:
            if r["type"] == "recording":
                n += 1
                found = len(api(base, "query", query=r["name"])["result"])
                good &= say(found > 0 and r.get("health") == "ok",
                            f"recording rule {r['name']}: {found} series, health {r.get('health')} {r.get('lastError', '')}")
    return good and say(n > 0, f"{n} recording rules loaded")


def alerts(base, args):
    exactly = set(args[args.index("--exactly") + 1:]) if "--exactly" in args else None
    allowed = set(args[args.index("--allow") + 1:]) if "--allow" in args else set()
    allowed |= exactly or set()
    active = api(base, "alerts")["alerts"]
    bad = [a for a in active if a["labels"]["alertname"] not in allowed]
    for a in active:
        say(a["labels"]["alertname"] in allowed, f"alert {a['labels']['alertname']} {a['state']} {a['labels']}")
    good = say(not bad, f"{len(active)} alerts pending/firing, {len(bad)} unexpected")
    if exactly is not None:
        missing = exactly - {a["labels"]["alertname"] for a in active}
        good &= say(not missing, f"alert set is exactly {sorted(exactly)}" + (f"; missing {sorted(missing)}" if missing else ""))
    return good


def alert(base, args):
    says = args[args.index("--says") + 1:] if "--says" in args else []
    args = args[:args.index("--says")] if "--says" in args else args
    firing = "--firing" in args
    name, want = args[0], dict(a.split("=", 1) for a in args[1:] if a != "--firing")
    hits = [a for a in api(base, "alerts")["alerts"]
            if a["labels"]["alertname"] == name and all(a["labels"].get(k) == v for k, v in want.items())
            and (a["state"] == "firing" or not firing)]
    text = " ".join(v for h in hits for v in h.get("annotations", {}).values())
    unsaid = [t for t in says if t not in text]
    good = say(bool(hits), f"alert {name} {want}{' firing' if firing else ''}: {[h['state'] for h in hits] or 'not active'}")
    return good and say(not unsaid, f"alert {name} annotations name {says}" + (f"; missing {unsaid}" if unsaid else ""))


def _timestamp(rfc3339):
    """Unix seconds from Prometheus's RFC 3339 times (nanosecond fractions, Z or an offset)."""
    m = re.match(r"^(.*?T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$", rfc3339)
    if not m:
        raise ValueError(f"unexpected time {rfc3339!r}")
    whole = datetime.fromisoformat(m.group(1) + ("+00:00" if m.group(3) == "Z" else m.group(3)))
    return whole.timestamp() + float("0." + (m.group(2) or "0"))


def settled(base, args):
    """Each group's last evaluation is one interval or more after SINCE: it has evaluated twice since."""
    since, good = float(args[0]), True
    for group in api(base, "rules")["groups"]:
        last = _timestamp(group["lastEvaluation"])
        good &= say(last >= since + group["interval"],
                    f"rule group {group['name']}: last evaluated {last - since:.1f} s after the mark, "
                    f"interval {group['interval']} s")
    return good


def query(base, args):
    n = len(api(base, "query", query=args[0])["result"])
    return say(n > 0, f"{args[0]}: {n} series")


def cookbook_queries(path, native=False):
    """The ```promql blocks of a Markdown file (native: the ```promql native ones), each joined into one line."""
    text = open(path, encoding="utf-8").read()
    fence = r"```promql native\n" if native else r"```promql\n"
    return [" ".join(line.strip() for line in block.strip().splitlines())
            for block in re.findall(fence + r"(.*?)```", text, re.S)]


def cookbook(base, args):
    qs, answered = cookbook_queries(args[0], "--native" in args), 0
    for q in qs:
        try:
            n = len(api(base, "query", query=q)["result"])
        except Exception as e:  # a 400 is a finding about the query, reported like no data
            n, q = 0, f"{q} -> {e}"
        answered += say(n > 0, f"cookbook {q}: {n} series")
    print(f"cookbook: {answered} of {len(qs)} queries returned data")
    return bool(qs) and answered == len(qs)


def exemplars(base, args):
    """Exemplars of the last 15 minutes for SERIES: there are some, every trace_id is 32 lower-case hex digits, and
    at least one is among the trace ids the test sent."""
    series, sent = args[0], set(args[1:])
    end = datetime.now().timestamp()
    data = api(base, "query_exemplars", query=series, start=f"{end - 900:.3f}", end=f"{end:.3f}")
    ids = [e["labels"].get("trace_id", "") for s in data for e in s["exemplars"]]
    malformed = sorted({t for t in ids if not re.fullmatch(r"[0-9a-f]{32}", t)})
    hits = sorted(sent & set(ids))
    good = say(bool(ids) and not malformed and bool(hits),
               f"{series}: {len(ids)} exemplars in {len(data)} series; sent trace ids among them: {hits}"
               + (f"; malformed trace ids: {malformed}" if malformed else ""))
    print(f"exemplars: {len(ids)} for {series} in {len(data)} series, {len(hits)} of the {len(sent)} sent trace ids")
    return good


def main(argv):
    global QUIET
    base = argv[0].rstrip("/")
    rest = argv[1:]
    if rest and rest[0] == "-q":
        QUIET, rest = True, rest[1:]
    cmds = {"targets": targets, "panels": panels, "rules": rules, "alerts": alerts, "alert": alert, "query": query,
            "settled": settled, "cookbook": cookbook, "exemplars": exemplars}
    return 0 if cmds[rest[0]](base, rest[1:]) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
