"""Reading the provisioned Grafana dashboards the way Grafana does: panel queries and template variables.

Used by the static lint (syntax of every expression through promtool) and by the local e2e (every expression
against a real Prometheus). Grafana's built-in interval variables get fixed values here.
"""
import json
import re
from pathlib import Path

# What Grafana would put in for a 30 min range, 10 s scrape interval (datasource timeInterval).
BUILTINS = {"$__rate_interval": "1m", "$__interval": "15s", "$__range": "30m", "${__rate_interval}": "1m",
            "${__interval}": "15s", "${__range}": "30m"}
PANEL_TYPES = {"row", "timeseries", "stat"}
# The datasources panels may read, each a Prometheus of the stack: the main one, and the `native` profile's, which
# stores the apps' native histograms (and, for those, no classic _bucket series).
DATASOURCES = {"prometheus", "native"}


def load(directory):
    """[(file name, dashboard dict)] sorted by file name."""
    return [(p.name, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(Path(directory).glob("*.json"))]


def queries(board, datasource=None):
    """Yields (row title, panel title, refId, expr) for every target of every non-row panel, in layout order; with
    datasource (a uid), only the targets that query that datasource."""
    row = ""
    for panel in board.get("panels", []):
        if panel.get("type") == "row":
            row = panel.get("title", "")
            nested = panel.get("panels", [])
        else:
            nested = [panel]
        for p in nested:
            for t in p.get("targets", []):
                if datasource is None or datasource_uid(p, t) == datasource:
                    yield row, p.get("title", ""), t.get("refId", ""), t.get("expr", "")


def datasource_uid(panel, target):
    """The uid of the datasource a target queries: its own, else its panel's."""
    return (target.get("datasource") or panel.get("datasource") or {}).get("uid", "")


def variables(board):
    """[(name, label_values query, includeAll)] in declaration order (later ones may use earlier ones)."""
    out = []
    for v in board.get("templating", {}).get("list", []):
        q = v.get("query")
        q = q.get("query", "") if isinstance(q, dict) else (q or "")
        out.append((v["name"], q, bool(v.get("includeAll"))))
    return out


_LABEL_VALUES = re.compile(r"^label_values\((?:(?P<sel>.*),\s*)?(?P<label>[a-zA-Z_][a-zA-Z0-9_]*)\)$")


def parse_label_values(query):
    """('selector or None', 'label') for a label_values(...) variable query; ValueError otherwise."""
    m = _LABEL_VALUES.match(query.strip())
    if not m:
        raise ValueError(f"variable query {query!r} is not label_values(selector, label)")
    return (m.group("sel") or None), m.group("label")


def substitute(expr, values):
    """Replaces Grafana's interval builtins and $name / ${name} variables (values: name -> text)."""
    for k, v in BUILTINS.items():
        expr = expr.replace(k, v)
    for name in sorted(values, key=len, reverse=True):
        expr = expr.replace("${" + name + "}", values[name]).replace("$" + name, values[name])
    return expr


def regex_escape(value):
    """A label value as Grafana escapes it inside =~"..." for the Prometheus datasource."""
    return re.sub(r"([\\^$.|?*+()\[\]{}])", r"\\\\\1", value)
