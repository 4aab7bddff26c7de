"""The goals of compose/tests/hafaults.py, judged from what a run recorded (haphases.Run), in the order
docs/beyond-one-prometheus.md defines them. Each scenario is one fault (plus the whole run): its goals, met or
missed with the figure, its figures and notes, in scripts/reliability's results format."""
from pathlib import Path

import hameasure as hm

COMPOSE = Path(__file__).resolve().parent.parent
DASHBOARDS = COMPOSE / "grafana" / "dashboards"
COOKBOOK = COMPOSE.parent / "docs" / "promql.md"
READS = 2  # reads through HAProxy at the end: round robin sends them to both stores
COUNTER = 'image_gallery_requests_total{route="/"}'


def worst(rows):
    return max(rows, key=lambda r: r["gap"] / r["interval"]) if rows else None


def gap_text(row):
    if not row:
        return "no up series"
    return f"longest {row['gap']} s ({row['job']} {row['instance']}, interval {row['interval']:g} s)"


def queries_goal(run, sc, start, end, label):
    answers, probes = run.loop.between(start, end)
    good = [a for a in answers if a[2] and (a[1] not in run.expect_data or a[3] > 0)]
    stores = {}
    for a in answers:
        stores[a[4]] = stores.get(a[4], 0) + 1
    bad = [a[1] + f" ({a[4] if not a[2] else 'no data'})" for a in answers if a not in good]
    sc["figures"][f"queries{label}"] = {"asked": len(answers), "answered": len(good), "servedBy": stores,
                                        "slowestSeconds": round(max((a[5] for a in answers), default=0), 2),
                                        "notAnswered": bad[:10]}
    sc["goals"].append({"goal": "every dashboard and cookbook query answers through HAProxy",
                        "met": bool(answers) and len(good) == len(answers),
                        "measured": f"{len(good)} of {len(answers)} answered, served by {stores}"
                                    + (f"; not: {bad[:3]}" if bad else "")})
    seen = [p[1] for p in probes if p[1] and "gap" in p[1]]
    errors = [p[1]["error"] for p in probes if p[1] and "error" in p[1]]
    w = worst(seen)
    sc["figures"][f"upGapSeenByReaders{label}"] = {"reads": len(probes), "worst": w, "errors": errors}
    sc["goals"].append({"goal": "no `up` gap longer than twice its scrape interval, as readers saw it then (HAProxy, "
                                "each query round, the 2 minutes before the latency offset)",
                        "met": bool(seen) and not errors and w["gap"] <= 2 * w["interval"],
                        "measured": f"{len(probes)} reads, {gap_text(w)}" + (f"; errors {errors}" if errors else "")})


def final_gaps(run, sc, start, end, label):
    reads = [hm.up_gaps(run.o.query, start, end, run.intervals, run.default_interval) for _ in range(READS)]
    w = worst([worst(r) for r in reads if r])
    sc["figures"][f"upGapAtTheEnd{label}"] = w
    sc["goals"].append({"goal": "no `up` gap longer than twice its scrape interval, read through HAProxy at the end",
                        "met": w is not None and w["gap"] <= 2 * w["interval"],
                        "measured": f"{READS} reads, {sum(len(r) for r in reads) // READS} targets, {gap_text(w)}"})


def store_goals(run, sc, phase):
    deliveries = hm.deliveries(run.o.webhook, "HaTestAlert")
    firing = [d for d in deliveries if d[1] == "firing"]
    raised = run.alert.get("raised")
    delay = round(firing[0][0] - raised, 1) if firing and raised else None
    sc["figures"]["testAlert"] = {"raisedSecondsAfterKill": round(raised - phase["killed"], 1) if raised else None,
                                  "deliveries": [[round(t - raised, 1), st] for t, st in deliveries] if raised else [],
                                  "watchedUntilSecondsAfterRaise": round(run.marks["finished"] - raised, 1)}
    sc["goals"].append({"goal": "the test alert raised during the store outage reaches the webhook exactly once "
                                "within its repeat_interval (4 h)",
                        "met": len(firing) == 1,
                        "measured": f"{len(firing)} firing notification(s), the first {delay} s after both "
                                    f"Alertmanagers had it; watched {run.marks['finished'] - raised:.0f} s, through "
                                    "the vmalert and Alertmanager outages" if raised else "never raised"})
    start, end = phase["killed"] - 10, phase["healthy"] + 30
    own = worst(hm.up_gaps(run.o.store_a, start, end, run.intervals, run.default_interval))
    sc["figures"]["catchUp"] = dict(run.catch_up, storeOwnUpGapAtTheEnd=own)
    drained = run.catch_up.get("drainedSeconds")
    fill, hole = run.catch_up.get("backFill", {}), run.catch_up.get("crashHoleBeforeBackFill")
    sc["goals"].append({"goal": "the returning store catches up: the outage from the scrapers' disk buffers, the "
                                "seconds lost in the crash from the other store; then its own `up` has no gap over "
                                "twice the interval, read from it at the end",
                        "met": own is not None and own["gap"] <= 2 * own["interval"] and drained is not None,
                        "measured": f"buffers drained {drained} s after the restart; crash hole before the back-fill: "
                                    f"{gap_text(hole) if hole else 'not readable yet'}; back-filled "
                                    f"{fill.get('bytes')} bytes {fill.get('secondsAfterRestart')} s after the restart; "
                                    f"at the end its own {gap_text(own)}"})
    back = [a[0] for a in run.loop.answers if a[4] == phase["service"] and a[0] > phase["started"]]
    back_s = round(back[0] - phase["started"], 1) if back else None
    sc["figures"]["backInRotationSecondsAfterRestart"] = back_s
    ready = max(drained or 0, fill.get("secondsAfterRestart") or 0)
    sc["goals"].append({"goal": "HAProxy sends reads to the returning store only once it has caught up (its buffers "
                                "drained, the crash's seconds copied)",
                        "met": back_s is not None and drained is not None and back_s > ready,
                        "measured": f"first read served by it {back_s} s after its restart; caught up {ready} s after"})


def run_goals(run):
    import haphases
    sc = {"id": "run", "title": "The whole run", "goals": [], "figures": {}, "notes": [
        f"{len(run.queries)} queries asked each round (every panel of every dashboard for every $job value, every "
        f"cookbook query); {len(run.expect_data)} had data before the faults and were required to keep it. Without "
        "data in this profile, so only required to answer: "
        + "; ".join(f"`{k}*` ({v})" for k, v in haphases.NO_DATA_HERE.items()) + "."]}
    clients = {k: v for k, v in run.clients["responsesByStatus"].items()}
    app = {k: run.final.get(k, 0) - run.baseline.get(k, 0) for k in run.final}
    app = {k: v for k, v in app.items() if v}
    sc["figures"].update(clients=run.clients, appCounterIncrease=app)
    sc["goals"].append({"goal": "every client request got a complete response (so counts compare exactly)",
                        "met": not run.clients["withoutResponse"],
                        "measured": f"{run.clients['requests']} requests, without a response: "
                                    f"{run.clients['withoutResponse'] or 'none'}"})
    sc["goals"].append({"goal": "the gallery's own counter rose by the clients' count (read from the app)",
                        "met": app == clients, "measured": f"clients {clients}, app +{app}"})
    start, end = run.marks["quiet"], run.marks["end"]
    for i in range(READS):
        got, series = hm.counter_increase(run.o.query, COUNTER, start, end, "code")
        got = {k: v for k, v in got.items() if v}
        sc["figures"][f"throughHAProxyRead{i + 1}"] = {"increase": got, "series": series}
        sc["goals"].append({"goal": f"nothing lost, nothing doubled: per series of {COUNTER}, last raw sample minus "
                                    f"first, summed, through HAProxy (read {i + 1} of {READS}) = the clients' count",
                            "met": got == clients, "measured": f"clients {clients}, HAProxy +{got} ({series} series)"})
    for name, url in (("storeA", run.o.store_a), ("storeB", run.o.store_b)):
        got, series = hm.counter_increase(url, COUNTER, start, end, "code")
        sc["figures"][f"{name}Directly"] = {"increase": {k: v for k, v in got.items() if v}, "series": series}
    final_gaps(run, sc, run.marks["start"], run.marks["trafficStopped"], "")
    sc["figures"]["upSamplesPerMinuteThroughHAProxy"] = {
        "beforeTheFaults": samples_per_minute(run, run.marks["quiet"], run.phases[0]["killed"]),
        "afterTheFaults": samples_per_minute(run, run.phases[-1]["healthy"], run.marks["trafficStopped"])}
    return sc


def samples_per_minute(run, start, end):
    """Raw `up` samples a minute per job after deduplication (two scrapers, -dedup.minScrapeInterval=3s): one scraper
    alone would give 60/interval, two without deduplication twice that."""
    per_job = {}
    for key, samples in hm.raw_samples(run.o.query, 'up{job=~"image-gallery|access-log"}', start, end).items():
        per_job.setdefault(dict(key)["job"], []).append(len(samples) * 60 / (end - start))
    return {job: round(sum(v) / len(v), 1) for job, v in sorted(per_job.items())} | {"windowSeconds": round(end - start)}


def judge(run):
    scenarios = []
    stops = [p["killed"] for p in run.phases[1:]] + [run.marks["trafficStopped"]]
    for phase, end in zip(run.phases, stops):
        sc = {"id": phase["id"], "title": phase["title"], "goals": [], "figures": {}, "notes": []}
        sc["figures"]["timeline"] = {"service": phase["service"], "stayedDown": phase["stayedDown"],
                                     "downSeconds": round(phase["started"] - phase["killed"], 1),
                                     "healthySecondsAfterStart": round(phase["healthy"] - phase["started"], 1),
                                     "windowSeconds": round(end - phase["killed"], 1)}
        sc["goals"].append({"goal": f"{phase['service']} stayed down until brought back",
                            "met": phase["stayedDown"], "measured": f"down {phase['started'] - phase['killed']:.0f} s"})
        queries_goal(run, sc, phase["killed"], end, "")
        final_gaps(run, sc, phase["killed"], end, "")
        if phase["id"] == "store":
            store_goals(run, sc, phase)
        scenarios.append(sc)
    scenarios.append(run_goals(run))
    return scenarios
