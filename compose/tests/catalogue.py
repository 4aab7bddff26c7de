#!/usr/bin/env python3
"""Writes docs/metrics.md: every metric family the demo apps expose, with its type, labels and help, and the
dashboard panels, alerts and recording rules that read it.

  catalogue.py DIR            write docs/metrics.md from the expositions in DIR
  catalogue.py DIR --check    exit 1, printing the difference, when docs/metrics.md is not what DIR gives

DIR holds what compose/tests/e2e-local saves after its traffic (text format 0.0.4, see SOURCES): the /metrics of
the gallery, of iotd, of one access-log replica, and the Pushgateway's (for the batch job's pushed group). The
usage side is read from compose/grafana/dashboards and compose/prometheus/rules. A selector reads a family when its
metric name (or __name__ matcher) names one of the family's sample names, its job matcher accepts the app's job,
and every label it needs (a matcher that refuses "") is one of the family's labels; dashboard variables ($job,
$instance, ...) accept anything. Label values are never compared, so the page does not depend on which values the
traffic happened to produce. Standard library and PyYAML.
"""
import difflib
import re
import sys
import textwrap
from collections import defaultdict
from pathlib import Path

import yaml

import dashboards as dash
import promql

REPO = Path(__file__).resolve().parents[2]
PAGE = REPO / "docs" / "metrics.md"
BOARDS = REPO / "compose" / "grafana" / "dashboards"
RULES = sorted((REPO / "compose" / "prometheus" / "rules").glob("*.yml"))
# (exposition file, section title, the families in a sentence, module, the job label its series carry in
# Prometheus, the pushed group's job or None)
SOURCES = [
    ("gallery.prom", "Image gallery", "in the gallery", "demo-gallery", "image-gallery", None),
    ("iotd.prom", "Image of the day (iotd)", "in iotd", "demo-iotd", "iotd-api", None),
    ("accesslog.prom", "Access log", "in the access log", "demo-accesslog", "access-log", None),
    ("pushgateway.prom", "Access-log snapshot (batch job)", "pushed by the access-log snapshot job",
     "demo-accesslog", "access_log_snapshot", "access_log_snapshot"),
]
PUSHGATEWAY_OWN = {"push_time_seconds", "push_failure_time_seconds"}  # added by the Pushgateway to every group
SUFFIXES = {"histogram": ("_bucket", "_sum", "_count"), "summary": ("", "_sum", "_count")}
NOT_SHOWN = {"job", "instance", "le", "quantile"}  # target labels, and the bucket/quantile labels of the type
_SAMPLE = re.compile(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+\S+(?:\s+-?\d+)?$")
_LABEL = re.compile(r'\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(?:,|$)')


class Family:
    def __init__(self, name, kind, help_text):
        self.name, self.type, self.help = name, kind, help_text
        self.samples = {name + s for s in SUFFIXES.get(kind, ("",))}
        # what a query may name: the sample names, and a histogram's own name, its native series (on the client_java
        # backend with METRICS_HISTOGRAM_KIND=both, in a Prometheus that scrapes native histograms)
        self.queried = self.samples | ({name} if kind == "histogram" else set())
        self.labels, self.jobs, self.series = set(), set(), 0


def parse(text, source):
    """{family name: Family} of a text-format exposition; a line it cannot read is an error naming it."""
    families, helps, current = {}, {}, None
    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith("# HELP "):
            name, _, help_text = line[7:].partition(" ")
            helps[name] = help_text.replace("\\n", "\n").replace("\\\\", "\\")
        elif line.startswith("# TYPE "):
            name, kind = line[7:].split(" ")
            current = families[name] = Family(name, kind, helps.get(name, ""))
        elif line and not line.startswith("#"):
            m = _SAMPLE.match(line)
            if not m or current is None or m.group(1) not in current.samples:
                raise SystemExit(f"{source}:{n}: not a sample of the family above it: {line!r}")
            labels, body = {}, m.group(2) or ""
            for lm in _LABEL.finditer(body):
                labels[lm.group(1)] = lm.group(2)
            if _LABEL.sub("", body).strip():
                raise SystemExit(f"{source}:{n}: cannot read the labels of {line!r}")
            current.series += 1
            current.jobs.add(labels.get("job", ""))
            current.labels |= set(labels) - {"job", "instance"}
    return families


def reads(sel, fam, job):
    """Whether selector sel reads family fam of an app whose series carry job=job (see the module docstring)."""
    ok = sel.name in fam.queried if sel.name else True
    for label, op, value in sel.matchers:
        if label == "__name__":
            ok = ok and any(promql.matches_value(op, value, s) for s in fam.queried)
        elif "$" in value or label == "instance":
            continue
        elif label == "job":
            ok = ok and promql.matches_value(op, value, job)
        elif not promql.matches_value(op, value, ""):
            ok = ok and label in fam.labels
    return ok


def usage():
    """[(kind, name, leaf selectors)]: dashboard panels, alerts and recording rules, recorded series resolved."""
    recorded, users = {}, []
    for path in RULES:
        for group in yaml.safe_load(path.read_text(encoding="utf-8"))["groups"]:
            for rule in group["rules"]:
                if "record" in rule:
                    recorded[rule["record"]] = promql.selectors(rule["expr"])

    def leaves(sels, seen=()):
        out = []
        for s in sels:
            if s.name in recorded and s.name not in seen:
                out += leaves(recorded[s.name], seen + (s.name,))
            else:
                out.append(s)
        return out

    for _, board in dash.load(BOARDS):
        for row, title, _, expr in dash.queries(board):
            users.append(("panel", (board["title"], row, title), leaves(promql.selectors(expr))))
    for path in RULES:
        for group in yaml.safe_load(path.read_text(encoding="utf-8"))["groups"]:
            for rule in group["rules"]:
                kind, name = ("alert", rule["alert"]) if "alert" in rule else ("rule", rule["record"])
                users.append((kind, name, leaves(promql.selectors(rule["expr"]))))
    return users


def used_by(fams_with_jobs, users):
    """The cell listing who reads any of (family, job): panels by dashboard, then alerts, then recording rules."""
    panels, alerts, rules = defaultdict(list), [], []
    for kind, name, sels in users:
        if not any(reads(s, f, j) for f, j in fams_with_jobs for s in sels):
            continue
        if kind == "panel":
            board, row, title = name
            where = f"{row} › {title}" if board.endswith("overview") else title
            if where not in panels[board]:
                panels[board].append(where)
        elif name not in (alerts if kind == "alert" else rules):
            (alerts if kind == "alert" else rules).append(name)
    parts = [f"**{b}**: {', '.join(p)}" for b, p in sorted(panels.items())]
    parts += [f"**alerts**: {', '.join(sorted(alerts))}"] if alerts else []
    parts += [f"**rules**: {', '.join(f'`{r}`' for r in sorted(rules))}"] if rules else []
    return "; ".join(parts) or "—"


def wrap(text):
    return textwrap.wrap(text, width=118, break_on_hyphens=False, break_long_words=False)


def cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def labels_cell(fam):
    shown = sorted(fam.labels - NOT_SHOWN)
    if not fam.series:
        return "(no series in the run)"
    return " ".join(f"`{label}`" for label in shown) or "—"


def render(sources, users):
    app_sources = [s for s in sources if s["pushed"] is None]
    names = defaultdict(list)
    for s in app_sources:
        for name in s["families"]:
            names[name].append(s)
    shared = sorted(n for n, ss in names.items() if len(ss) > 1)
    used = set()
    out = []

    def row(fam, fams_with_jobs, extra=""):
        who = used_by(fams_with_jobs, users)
        if who != "—":
            used.add(fam.name)
        return f"| `{fam.name}` | {fam.type} | {labels_cell(fam)} |{extra} {cell(fam.help)} | {who} |"

    for s in sources:
        own = sorted(n for n in s["families"] if n not in shared)
        out += ["", f"## {s['title']}", "",
                f"Module `{s['module']}`, job `{s['job']}`" + (", pushed to the Pushgateway" if s["pushed"] else "")
                + f": {len(own)} families" + ("" if s["pushed"] else " of its own, and the shared ones below") + ".",
                "", "| family | type | labels | help | used by |", "|---|---|---|---|---|"]
        out += [row(s["families"][n], [(s["families"][n], s["job"])]) for n in own]
    out += ["", "## Shared by the three apps: JVM and process", "",
            f"`JvmMetrics` (simpleclient_hotspot): {len(shared)} families, the same in every app.", "",
            "| family | type | labels | apps | help | used by |", "|---|---|---|---|---|---|"]
    for n in shared:
        fams = [(s["families"][n], s["job"]) for s in names[n]]
        helps = {f.help for f, _ in fams}
        if len(helps) != 1:
            raise SystemExit(f"{n}: the apps give it different help texts {sorted(helps)}")
        out.append(row(fams[0][0], fams, " " + ", ".join(f"`{j}`" for _, j in fams) + " |"))
    total = sum(len(s["families"]) for s in sources) - sum(len(names[n]) - 1 for n in shared)
    own = [f"{len([n for n in s['families'] if n not in shared])} {s['short']}" for s in sources]
    head = ["# Metrics catalogue", "", *wrap(
        "Every metric family the demo apps expose, as their `/metrics` served it during `compose/tests/e2e-local`, "
        "with the Grafana panels (`compose/grafana/dashboards`), alerts and recording rules "
        "(`compose/prometheus/rules`) that read it. Generated by `compose/tests/catalogue.py`: e2e-local fails when "
        "this page is not what the running apps give, and `CATALOGUE=write compose/tests/e2e-local` rewrites it."),
        "", *wrap(f"{total} families: {len(shared)} shared by the three apps (JVM and process), and of their own "
                  f"{', '.join(own[:-1])} and {own[-1]}. {len(used)} are read by a panel, an alert or a recording "
                  "rule; the others are there for ad-hoc queries."),
        "", *wrap("Labels are those seen on the series in the run, without `job` and `instance` (Prometheus adds "
                  "them) and `le` or `quantile` (part of the type). The HTTP families of each app are the library's "
                  "standard ones (`<namespace>_requests_total`, ...), so the HTTP RED dashboard and the RED "
                  "recording rules read all three apps."),
        "", *wrap("In the demos the HTTP metrics filter is the first on the app's routes: "
                  "`<namespace>_in_flight_requests` counts the requests a server thread has taken and not yet "
                  "answered, those waiting for one of the `HTTP_THREADS` turns included, and "
                  "`<namespace>_request_duration_seconds` runs from then to the complete response, that wait "
                  "included. `/health` and the scrape path are not counted.")]
    return "\n".join(head + out) + "\n"


def load(directory):
    sources = []
    for fname, title, short, module, job, pushed in SOURCES:
        families = parse((Path(directory) / fname).read_text(encoding="utf-8"), fname)
        if pushed:
            families = {n: f for n, f in families.items() if pushed in f.jobs and n not in PUSHGATEWAY_OWN}
        if not families:
            raise SystemExit(f"{fname}: no families for {title}; was the exposition saved after the traffic?")
        sources.append({"title": title, "short": short, "module": module, "job": job, "pushed": pushed, "families": families})
    return sources


def without_help(text):
    """The page with every family's help cell blanked: on another backend than the default the JVM families carry
    that client's own help texts (docs/backends.md); names, types, labels, jobs and the dashboards reading them stay."""
    rows = []
    for line in text.splitlines(True):
        if line.startswith("| `"):
            cells = line.rstrip("\n").split(" | ")
            cells[-2] = "…"
            line = " | ".join(cells) + "\n"
        rows.append(line)
    return "".join(rows)


def main(argv):
    text = render(load(argv[0]), usage())
    if "--check" not in argv:
        PAGE.write_text(text, encoding="utf-8")
        print(f"catalogue: wrote {PAGE}")
        return 0
    old = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
    if "--ignore-help" in argv:
        old, text = without_help(old), without_help(text)
    if old == text:
        print(f"catalogue: {PAGE.name} is what the running apps give")
        return 0
    sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), text.splitlines(True), "docs/metrics.md",
                                               "from the running apps"))
    print("catalogue: docs/metrics.md is stale; rewrite it with CATALOGUE=write compose/tests/e2e-local")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
