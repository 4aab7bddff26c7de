#!/usr/bin/env python3
"""A histogram exposed both ways, read from the two Prometheus servers that store it (stdlib only): the main one,
which scrapes text/OpenMetrics and keeps the classic _bucket series, and the native one
(--enable-feature=native-histograms), which scrapes protobuf and keeps only the native series. Exit 0 = all good,
1 = a finding; what was measured is printed either way.

  nativecheck.py p99 CLASSIC_URL NATIVE_URL HISTOGRAM AT
      at unix time AT (after the traffic, both servers having scraped since): the native p99 of every observation,
      histogram_quantile(0.99, sum(HISTOGRAM)), agrees with the classic one, histogram_quantile(0.99, sum by (le)
      (HISTOGRAM_bucket)), within the width of the classic bucket that holds the classic estimate, and
      histogram_count(sum(HISTOGRAM)) equals sum(HISTOGRAM_count): the same requests, counted twice.
      Cumulative, not rate(): a series is born with its first request, so rate() leaves out what came before each
      server's first scrape of it, a different set of (the first, cold) requests on each server. Measured.
  nativecheck.py series CLASSIC_URL NATIVE_URL HISTOGRAM
      the series each stores for HISTOGRAM, counted by name with a query: the native one has native series and no
      _bucket series, the main one _bucket series and no native one
"""
import json
import math
import sys
import urllib.parse
import urllib.request

def query(base, expr, at=None):
    """[(labels, value)] of an instant query; value a float (NaN stays NaN), or "histogram" for a native sample."""
    params = {"query": expr, **({"time": f"{at:.3f}"} if at is not None else {})}
    with urllib.request.urlopen(f"{base}/api/v1/query?{urllib.parse.urlencode(params)}", timeout=10) as r:
        body = json.load(r)
    if body.get("status") != "success":
        raise RuntimeError(f"{expr}: {body}")
    return [(s["metric"], float(s["value"][1]) if "value" in s else "histogram") for s in body["data"]["result"]]


def scalar(base, expr, at):
    found = query(base, expr, at)
    if len(found) != 1 or not isinstance(found[0][1], float) or math.isnan(found[0][1]):
        raise SystemExit(f"FAIL  {expr} at {at:.0f} on {base}: expected one number, got {found}")
    return found[0][1]


def classic_bucket(base, hist, estimate, at):
    """(lower, upper) of the classic bucket that holds estimate: the first bound at or above it, and the one below
    (0 below the first bound, as histogram_quantile takes it)."""
    bounds = sorted(float(m["le"]) for m, _ in query(base, f"sum by (le) ({hist}_bucket)", at))
    upper = next((b for b in bounds if b >= estimate), math.inf)
    lower = max([0.0] + [b for b in bounds if b < estimate])
    return lower, upper


def p99(classic_url, native_url, hist, at):
    at = float(at)
    classic = scalar(classic_url, f"histogram_quantile(0.99, sum by (le) ({hist}_bucket))", at)
    native = scalar(native_url, f"histogram_quantile(0.99, sum({hist}))", at)
    count = scalar(native_url, f"histogram_count(sum({hist}))", at)
    classic_count = scalar(classic_url, f"sum({hist}_count)", at)
    lower, upper = classic_bucket(classic_url, hist, classic, at)
    width = upper - lower
    print(f"p99 of {hist}, every request: native {native:.6f} s, classic {classic:.6f} s (classic bucket "
          f"({lower:g}, {upper:g}], width {width:g} s); difference {abs(native - classic):.6f} s; requests: "
          f"native histogram_count {count:g}, classic _count {classic_count:g}")
    if math.isinf(width):
        print("FAIL  the classic p99 falls in the +Inf bucket: no finite width to compare the native one with")
        return False
    if abs(native - classic) > width:
        print(f"FAIL  native and classic p99 differ by more than the classic bucket's width {width:g} s")
        return False
    if count <= 0 or count != classic_count:
        print(f"FAIL  the native histogram counts {count:g} requests, the classic one {classic_count:g}")
        return False
    return True


def series(classic_url, native_url, hist):
    selector = f'{{__name__=~"{hist}(_bucket|_sum|_count)?"}}'
    counts = {}
    for name, base in (("main", classic_url), ("native", native_url)):
        counts[name] = {m.get("__name__", "?"): int(v) for m, v in query(base, f"count by (__name__) ({selector})")}
        print(f"series: {name} Prometheus stores for {hist}: "
              + (", ".join(f"{n} {c}" for n, c in sorted(counts[name].items())) or "none"))
    good = True
    if not counts["native"].get(hist) or counts["native"].get(f"{hist}_bucket"):
        print(f"FAIL  the native Prometheus should store native {hist} series and no {hist}_bucket")
        good = False
    if not counts["main"].get(f"{hist}_bucket") or counts["main"].get(hist):
        print(f"FAIL  the main Prometheus should store {hist}_bucket series and no native {hist}")
        good = False
    return good


def main(argv):
    cmd, args = argv[0], argv[1:]
    urls = [a.rstrip("/") for a in args[:2]]
    ok = p99(*urls, *args[2:]) if cmd == "p99" else series(*urls, *args[2:]) if cmd == "series" else None
    if ok is None:
        raise SystemExit(f"unknown subcommand {cmd!r}; see the module docstring")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
