"""Section 3: one scrape through each implementation's handler — time, bytes allocated, bytes sent — and the plot."""
import csv
import os
import shutil
import subprocess

from . import goals
from .common import PEERS, fmt_ratio, num, ratio, score

IMPLS = ("lucid", "lucidcreated", "raw", "clientjava", "micrometer")
JUDGED_SIZES = (10000, 100000)


def section(results, docs):
    md = ["## 3. Scrape (JMH with `-prof gc`: ms and bytes allocated per scrape)\n",
          "Every implementation renders **the same series** (one counter with N label combinations, each "
          "incremented once) through a whole `handle(HttpExchange)` — text rendering, gzip, headers — on an "
          "in-memory exchange whose body is counted and dropped, so no socket or client cost is mixed in. `library` "
          "is `MetricsHandler` (default: no `_created` series); `library+created` switches them on and renders "
          "the same text as `raw`, simpleclient's `HTTPServer.HTTPMetricHandler`. `client_java` is client_java "
          "1.x's `PrometheusTextFormatWriter` over `PrometheusRegistry.scrape()`, `Micrometer` "
          "`PrometheusMeterRegistry.scrape(OutputStream, contentType)`; neither has a handler of its own here, so "
          "both get the plainest one (headers, then the writer straight into the body, through a `GZIPOutputStream` "
          "for gzip). Neither writes `_created` lines by default, so `library`, `client_java` and `Micrometer` send "
          "the same samples. Allocation is JMH's `gc.alloc.rate.norm`.\n"]
    n = results.rounds_of("scrape")
    if not n:
        return md + ["_Not run._\n"] + reproduce()
    data = results.load_rounds("scrape")
    sizes = {}
    if results.exists("scrape-sizes.csv"):
        for row in csv.DictReader(open(results.path("scrape-sizes.csv"))):
            sizes[(int(row["series"]), row["impl"], row["encoding"])] = row
    md.append(f"{n} rounds. Time, ms per scrape (median across rounds), and library ÷ each peer:\n")
    md.append("| series | encoding | library | library+created | raw | client_java | Micrometer | library ÷ "
              "client_java | library ÷ Micrometer | library ÷ raw | library+created ÷ raw |")
    md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    alloc_rows, plot = [], {}
    series_values = sorted({int(dict(k[2])["series"]) for k in data})
    for series in series_values:
        for enc in ("plain", "gzip"):
            p = (("encoding", enc), ("series", str(series)))
            d = {i: data[("scrape", i, p)] for i in IMPLS}
            cells = []
            for peer in ("clientjava", "micrometer"):
                r = ratio(d["lucid"], d[peer])
                cells.append(fmt_ratio(r) + verdict(results, series, f"{series:,} series, {enc}, time, library ÷ "
                                                    f"{PEERS[peer]}", r))
            cells += [fmt_ratio(ratio(d["lucid"], d["raw"])), fmt_ratio(ratio(d["lucidcreated"], d["raw"]))]
            md.append(f"| {series:,} | {enc} | " + " | ".join(num(score(d[i]), 3) for i in IMPLS) + " | "
                      + " | ".join(cells) + " |")
            alloc_rows.append((series, enc, d))
            plot.setdefault(series, {})[enc] = {i: score(d[i]) for i in IMPLS}
    md.append("\nBytes allocated per scrape (KiB, median across rounds), library ÷ each peer, and what was sent "
              "(`scrape-sizes.csv`):\n")
    md.append("| series | encoding | library | library+created | raw | client_java | Micrometer | library ÷ "
              "client_java | library ÷ Micrometer | response bytes library / client_java / Micrometer / raw | "
              "sample lines library / client_java / Micrometer / raw |")
    md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for series, enc, d in alloc_rows:
        cells = []
        for peer in ("clientjava", "micrometer"):
            r = ratio(d["lucid"], d[peer], key="alloc")
            cells.append(fmt_ratio(r) + verdict(results, series, f"{series:,} series, {enc}, allocation, library ÷ "
                                                f"{PEERS[peer]}", r, min_rounds=1))
        sent = [sizes.get((series, i, enc)) for i in ("lucid", "clientjava", "micrometer", "raw")]
        sent_bytes = " / ".join(f"{int(s['bytes']):,}" if s else "?" for s in sent)
        wrong = [i for i, s in zip(("lucid", "clientjava", "micrometer", "raw"), sent) if s and s["content_encoding"]
                 != ("gzip" if enc == "gzip" else "identity")]
        sent_bytes += f" (answered another encoding: {', '.join(wrong)}!)" if wrong else ""
        lines = " / ".join(f"{int(s['sample_lines']):,}" if s else "?" for s in sent)
        md.append(f"| {series:,} | {enc} | " + " | ".join(num(score(d[i], "alloc") / 1024, 0) for i in IMPLS)
                  + " | " + " | ".join(cells) + f" | {sent_bytes} | {lines} |")
    md.append("")
    md += draw(results, docs, plot)
    results.summary["scrape"] = {str(s): v for s, v in plot.items()}
    return md + reproduce()


def verdict(results, series, what, r, min_rounds=None):
    """Bytes allocated per scrape do not move with the machine's load, so one round may judge them."""
    if series not in JUDGED_SIZES:
        return ""
    extra = {} if min_rounds is None else {"min_rounds": min_rounds}
    return " " + results.judge(goals.SCRAPE, what, r, 1.0, **extra)


def draw(results, docs, plot):
    dat = results.path("scrape-plot.dat")
    cols = [(i, e) for e in ("plain", "gzip") for i in ("lucid", "clientjava", "micrometer", "raw")]
    with open(dat, "w") as f:
        f.write("# series " + " ".join(f"{i}_{e}" for i, e in cols) + " (ms/scrape)\n")
        for s in sorted(plot):
            f.write(f"{s} " + " ".join(str(plot[s][e][i]) for i, e in cols) + "\n")
    if not shutil.which("gnuplot"):
        return ["_Plot not drawn: gnuplot is not installed (`apt-get install gnuplot-nox`)._\n"]
    svg = os.path.join(docs, "performance-scrape.svg")
    names = {"lucid": "Lucid Metrics", "clientjava": "client_java 1.x", "micrometer": "Micrometer",
             "raw": "simpleclient HTTPServer"}
    lines = [f"'{dat}' using 1:{k + 2} with linespoints lw {2 if i == 'lucid' else 1} pt {7 + 2 * (k % 4)} "
             f"dt {1 if e == 'plain' else 2} title '{names[i]}, {e}'" for k, (i, e) in enumerate(cols)]
    script = f"""set terminal svg size 760,460 dynamic font 'sans,12'
set output '{svg}'
set termoption noenhanced
set xrange [700:140000]
set title 'Scrape time vs series (log-log; lower is better)'
set xlabel 'series in the registry'
set ylabel 'ms per scrape'
set logscale xy
set key top left
set grid
plot {', '.join(lines)}
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=True)
    return ["![Scrape time against the number of series](performance-scrape.svg)\n"]


def reproduce():
    return ["Reproduce: `ONLY=scrape bench/run.sh` (`SCRAPE_ROUNDS`, `SCRAPE_SIZES`), or per round `java -cp "
            "bench/jmh/target/benchmarks.jar org.openjdk.jmh.Main ScrapeBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s "
            "-p series=1000,10000,100000 -jvmArgs '-Xms2g -Xmx2g' -prof gc`, and `java -cp "
            "bench/jmh/target/benchmarks.jar dev.lucidmetrics.bench.ScrapeSizes 1000 10000 100000`.\n"]
