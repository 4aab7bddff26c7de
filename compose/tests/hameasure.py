"""What compose/tests/hafaults.py reads and how it judges it (stdlib only): raw samples through the Prometheus query
API, the longest gap of each target's `up`, the increase of a counter as last raw sample minus first, the
notifications the webhook received, a vmagent's disk buffer.

Gaps are measured between consecutive raw samples inside a window, and from the window's edges to the first and last
sample, so a series that stops early or starts late shows its missing stretch too.
"""
import json
import re
import subprocess
import urllib.parse
import urllib.request

from promcheck import _timestamp  # RFC 3339 with nanoseconds, as Prometheus and Alertmanager write it


def get_json(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return json.load(r), r.headers  # case-insensitive: HAProxy sends header names in lower case


def query(base, expr, at=None, timeout=10):
    """(result list, response headers) of an instant query; raises on an HTTP error or a non-success status."""
    params = {"query": expr}
    if at is not None:
        params["time"] = f"{at:.3f}"
    body, headers = get_json(f"{base}/api/v1/query?" + urllib.parse.urlencode(params), timeout)
    if body.get("status") != "success":
        raise RuntimeError(f"{expr}: {body}")
    return body["data"]["result"], headers


def raw_samples(base, selector, start, end):
    """{labels tuple: [(t, value), ...]} of every raw sample of selector in [start, end] (a range-vector query)."""
    window = max(1, int(end - start + 0.999))
    result, _ = query(base, f"{selector}[{window}s]", at=end)
    out = {}
    for s in result:
        key = tuple(sorted(s["metric"].items()))
        out[key] = [(float(t), float(v)) for t, v in s["values"] if float(t) >= start]
    return out


def longest_gap(times, start, end):
    """(seconds, where it began) of the longest stretch in [start, end] without a sample."""
    edges = [start] + sorted(times) + [end]
    gaps = [(b - a, a) for a, b in zip(edges, edges[1:])]
    return max(gaps) if gaps else (end - start, start)


def up_gaps(base, start, end, intervals, default_interval):
    """[{job, instance, interval, gap, at}] for every target's `up` in [start, end], longest gap first."""
    rows = []
    for key, samples in raw_samples(base, "up", start, end).items():
        labels = dict(key)
        gap, at = longest_gap([t for t, _ in samples], start, end)
        rows.append({"job": labels.get("job"), "instance": labels.get("instance"),
                     "interval": intervals.get(labels.get("job"), default_interval),
                     "gap": round(gap, 1), "at": round(at, 1)})
    return sorted(rows, key=lambda r: r["gap"] / r["interval"], reverse=True)


def counter_increase(base, selector, start, end, by):
    """{label value: sum over series of (last raw sample - first raw sample)} in [start, end], and the series count."""
    totals, series = {}, raw_samples(base, selector, start, end)
    for key, samples in series.items():
        if samples:
            value = dict(key).get(by, "")
            totals[value] = totals.get(value, 0) + samples[-1][1] - samples[0][1]
    return {k: round(v) for k, v in sorted(totals.items())}, len(series)


def scrape_counts(metrics_url, family, route):
    """{code: value} of family{route=...} read from the app's own exposition (the app's count, not a store's)."""
    with urllib.request.urlopen(metrics_url, timeout=10) as r:
        text = r.read().decode("utf-8")
    out = {}
    for m in re.finditer(r"^" + family + r"\{([^}]*)\} (\S+)$", text, re.M):
        labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        if labels.get("route") == route:
            out[labels["code"]] = out.get(labels["code"], 0) + round(float(m.group(2)))
    return out


def deliveries(webhook, alertname):
    """[(received unix time, status)] of the webhook's notifications that carry alertname, oldest first."""
    body, _ = get_json(f"{webhook}/alerts")
    out = []
    for n in body["notifications"]:
        names = {a["labels"].get("alertname") for a in n["notification"]["alerts"]}
        if alertname in names:
            out.append((_timestamp(n["receivedAt"]), n["notification"]["status"]))
    return out


def alertmanager_has(am, alertname):
    body, _ = get_json(f"{am}/api/v2/alerts?" + urllib.parse.urlencode({"filter": f'alertname="{alertname}"'}))
    return bool(body)


# service -> container id, filled once the stack runs: `docker exec` starts in a fraction of docker-compose's time.
CONTAINERS = {}


def in_container(dc, service, url):
    """The body of url fetched from inside a service's container (wget; for ports the profile does not publish)."""
    exe = ["docker", "exec", CONTAINERS[service]] if service in CONTAINERS else [*dc, "exec", "-T", service]
    run = subprocess.run([*exe, "wget", "-q", "-O", "-", url], capture_output=True, text=True, timeout=20)
    if run.returncode != 0:
        raise RuntimeError(f"{service}: wget {url}: {run.stderr.strip()}")
    return run.stdout


def pending_bytes(dc, vmagent, url_index):
    """Bytes a vmagent holds for its url_index-th -remoteWrite.url (1-based): its disk buffer's backlog."""
    text = in_container(dc, vmagent, "http://localhost:8429/metrics")
    total = 0.0
    for m in re.finditer(r'^vmagent_remotewrite_pending_data_bytes\{[^}]*url="(\d+):[^"]*"[^}]*\} (\S+)$', text, re.M):
        if int(m.group(1)) == url_index:
            total += float(m.group(2))
    return total


def last_scrape(dc, vmagent, job):
    """Unix time of the vmagent's last scrape of job's first target (0 when it has none yet)."""
    body = json.loads(in_container(dc, vmagent, "http://localhost:8429/api/v1/targets"))
    times = [_timestamp(t["lastScrape"]) for t in body["data"]["activeTargets"]
             if t["labels"].get("job") == job and t.get("lastScrape", "").startswith("2")]
    return max(times) if times else 0.0


def copy_native(source, target, selector, start, end):
    """Copies every sample of selector in [start, end] from one VictoriaMetrics to another (its native export and
    import: what `vmctl vm-native` does; vmctl 1.79 insists on a terminal). Returns the bytes copied."""
    params = urllib.parse.urlencode({"match[]": selector, "start": f"{start:.0f}", "end": f"{end:.0f}"})
    with urllib.request.urlopen(f"{source}/api/v1/export/native?{params}", timeout=60) as r:
        data = r.read()
    req = urllib.request.Request(f"{target}/api/v1/import/native", data=data, method="POST")
    with urllib.request.urlopen(req, timeout=60) as r:
        r.read()
    return len(data)
