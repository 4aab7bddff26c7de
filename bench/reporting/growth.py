"""Section 9: how cost grows — the library's scrape from 1k to 1M series and the labelled lookup among 10 to 100k
children — with where growth stops being linear, computed from the measured points."""
import csv
import math

from . import goals, plot
from .common import lucid_key, num, ratio_of_lists, score

# A step between two sizes counts as linear while time grows no faster than size^LINEAR_UP_TO (1 = exactly linear;
# the margin absorbs the noise of a shared machine). The lookup should stay flat: size^FLAT_UP_TO.
LINEAR_UP_TO = 1.15
FLAT_UP_TO = 0.15


def section(results, docs):
    md = ["## 9. How cost grows\n",
          "The library's own scrape (`ScrapeBenchmark.scrape_lucid`, text format, plain, `-Xmx4g`, `-prof gc`) at "
          "1k to 1M series of one counter, and the labelled lookup `labels(a, b).inc()` among 10 to 100k children "
          "of one metric (`LookupBenchmark`, one thread; each call takes the next child in a fixed prime stride, "
          "so the calls walk the whole map), on each backend. **`maxLabelCombinations` is raised to the size in "
          "every row** (the default of 1,000 would refuse the larger ones). Each growth step's exponent k is "
          "log(time ratio) ÷ log(size ratio) of the medians: k = 1 is linear, k = 0 flat. A scrape step counts as "
          f"linear while k ≤ {LINEAR_UP_TO}; a lookup step as flat while k ≤ {FLAT_UP_TO}.\n"]
    n = results.rounds_of("growth")
    if not n:
        return md + ["_Not run._\n"] + reproduce()
    data = results.load_rounds("growth")
    sent = {}
    if results.exists("growth-sizes.csv"):
        for r in csv.DictReader(open(results.path("growth-sizes.csv"))):
            if r["impl"] == "lucid" and r["format"] == "text" and r["encoding"] == "plain":
                sent[(r["backend"], int(r["series"]))] = int(r["bytes"])
    lines = {}
    md.append(f"Scrape, {n} rounds:\n")
    md.append("| backend | series | ms per scrape | µs per series | KiB allocated | bytes sent | bytes sent per "
              "series | step k (time) |")
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    for b in goals.BACKENDS:
        points = sorted((int(dict(k[2])["series"]), v) for k, v in data.items()
                        if k[:2] == ("scrape", "lucid") and dict(k[2]).get("backend") == b)
        if not points:
            continue
        times = [(s, score(v)) for s, v in points]
        ks = exponents(times)
        for (s, v), k in zip(points, [None] + ks):
            md.append(f"| {b} | {s:,} | {num(score(v), 2)} | {num(1000 * score(v) / s, 3)} | "
                      f"{num(score(v, 'alloc') / 1024, 0)} | {num(sent.get((b, s), 0), 0)} | "
                      f"{num(sent.get((b, s), 0) / s, 1)} | {'' if k is None else f'{k:.2f}'} |")
        lines[f"Lucid Metrics ({b})"] = times
        lines[f"linear from {times[0][0]:,} ({b})"] = [(s, times[0][1] * s / times[0][0]) for s, _ in times]
        md.append(f"| {b} | | | | | | | **{verdict(times, ks, LINEAR_UP_TO, 'linear')}** |")
        results.summary.setdefault("growth", {})[b] = {"scrape_ms": times, "k": ks}
    md.append("")
    md += plot.lines(results, docs, "performance-growth", "The library's scrape time vs series, text (log-log)",
                     "series in the registry", "ms per scrape", lines,
                     dashed=[label for label in lines if label.startswith("linear")])
    return md + lookup(results, docs) + reproduce()


def exponents(points):
    return [math.log(t2 / t1) / math.log(s2 / s1) for (s1, t1), (s2, t2) in zip(points, points[1:])]


def verdict(points, ks, limit, word):
    """Where growth stops being `word`: the first step whose exponent exceeds `limit`, computed, never typed."""
    for (s1, _), (s2, _), k in zip(points, points[1:], ks):
        if k > limit:
            return f"{word} up to {s1:,}; from {s1:,} to {s2:,} it grows as size^{k:.2f}"
    return f"{word} over the whole range ({points[0][0]:,}–{points[-1][0]:,})"


def lookup(results, docs):
    n = results.rounds_of("lookup")
    if not n:
        return ["Lookup: _not run._\n"]
    data = results.load_rounds("lookup")
    sizes = sorted({int(dict(k[2])["children"]) for k in data})
    impls = [(f"library ({b})", lambda s, b=b: data.get(lucid_key("lookup", b, (("children", str(s)),))))
             for b in goals.BACKENDS]
    impls += [(label, lambda s, i=i: data.get(("lookup", i, (("children", str(s)),))))
              for i, label in (("raw", "raw simpleclient"), ("clientjava", "raw client_java"))]
    md = [f"Labelled lookup, ns per `labels(...).inc()`, {n} rounds:\n",
          "| implementation | " + " | ".join(f"{s:,} children" for s in sizes) + " | largest ÷ smallest | growth |",
          "|---|" + "---:|" * (len(sizes) + 2)]
    lines = {}
    for label, get in impls:
        runs = [(s, get(s)) for s in sizes if get(s)]
        if len(runs) < 2:
            continue
        times = [(s, score(v)) for s, v in runs]
        ks = exponents(times)
        r = ratio_of_lists([a["score"] / b["score"] for a, b in zip(runs[-1][1], runs[0][1])])
        md.append(f"| {label} | " + " | ".join(num(t, 1) for _, t in times) + f" | **{r[0]:.2f}** ({r[1]:.2f}–"
                  f"{r[2]:.2f}) | {verdict(times, ks, FLAT_UP_TO, 'flat')} |")
        lines[label] = times
    md.append("")
    md += plot.lines(results, docs, "performance-lookup", "Labelled lookup vs children of one metric "
                     "(log-log)", "children of the metric", "ns per labels(...).inc()", lines)
    return md


def reproduce():
    return ["Reproduce: `ONLY=growth bench/run.sh` (`GROWTH_ROUNDS`, `GROWTH_SIZES`, `LOOKUP_CHILDREN`), or per round "
            "`java -jar bench/jmh/target/benchmarks.jar 'ScrapeBenchmark.scrape_lucid$' -f 1 -wi 2 -w 1s -i 3 -r 1s "
            "-p series=1000,10000,100000,1000000 -p encoding=plain -p format=text -jvmArgs '-Xms4g -Xmx4g' -prof gc` "
            "and `... LookupBenchmark -f 1 -wi 2 -w 300ms -i 3 -r 300ms -t 1 -p children=10,1000,100000`.\n"]
