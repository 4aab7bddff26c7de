"""Section 3: one scrape through each implementation's handler — time, bytes allocated, bytes sent — and the plot."""
import csv

from . import goals, plot
from .common import OLDER_LAYOUT, PEERS, fmt_ratio, lucid_key, num, ratio, score

PEER_IMPLS = ("raw", "clientjava", "micrometer")
JUDGED_SIZES = (10000, 100000)
FORMATS = ("text", "openmetrics")
ENCODINGS = ("plain", "gzip")


def section(results, docs):
    md = ["## 3. Scrape (JMH with `-prof gc`: ms and bytes allocated per scrape)\n",
          "Every implementation renders **the same series** (one counter with N label combinations, each "
          "incremented once) through a whole `handle(HttpExchange)` — rendering, gzip, headers — on an in-memory "
          "exchange whose body is counted and dropped, so no socket or client cost is mixed in; the request asks "
          "for the text format 0.0.4 or OpenMetrics 1.0.0. `library` is `MetricsHandler` on each backend (default: "
          "no `_created` series); `library+created` switches them on. `raw` is simpleclient's own "
          "`HTTPServer.HTTPMetricHandler`, `client_java` client_java 1.4.3's `PrometheusTextFormatWriter` / "
          "`OpenMetricsTextFormatWriter` over `PrometheusRegistry.scrape()`, `Micrometer` "
          "`PrometheusMeterRegistry.scrape(OutputStream, contentType)`; the two 1.x peers get the plainest handler "
          "(the writer the Accept header asks for, headers, the writer straight into the body, through a "
          "`GZIPOutputStream` for gzip). Each backend is divided by its own raw client (simpleclient: `raw`; "
          "client_java: `client_java`) and by Micrometer. Allocation is JMH's `gc.alloc.rate.norm`. The protobuf format, "
          "which carries native histograms, is measured in section 10.\n"]
    n = results.rounds_of("scrape")
    if not n:
        return md + ["_Not run._\n"] + reproduce()
    data = results.load_rounds("scrape")
    sizes = {}
    if results.exists("scrape-sizes.csv"):
        for row in csv.DictReader(open(results.path("scrape-sizes.csv"))):
            if "backend" in row:  # else an older layout, which the check of `cases` below reports
                sizes[(int(row["series"]), row["impl"], row["backend"], row["format"], row["encoding"])] = row
    cases = [(s, f, e) for s in sorted({int(dict(k[2])["series"]) for k in data}) for f in FORMATS for e in ENCODINGS
             if ("scrape", "raw", params(s, f, e)) in data]
    if not cases:
        return md + [OLDER_LAYOUT] + reproduce()
    md.append(f"{n} rounds. Time, ms per scrape (median across rounds), and each backend ÷ its peers:\n")
    md.append("| series | format | encoding | backend | library | library+created | raw | client_java | Micrometer | "
              "÷ own raw client | ÷ Micrometer | ÷ client_java |")
    md.append("|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s, f, e in cases:
        for b in goals.BACKENDS:
            d = row_data(data, s, f, e, b)
            cells = ratio_cells(results, d, s, f"{s:,} series, {f}, {e}, time", b, "score")
            md.append(f"| {s:,} | {f} | {e} | {b} | " + " | ".join(num(score(d[i]), 3) for i in COLUMNS) + " | "
                      + " | ".join(cells) + " |")
    md.append("\nBytes allocated per scrape (KiB, median across rounds), each backend ÷ its peers, and what was sent "
              "(`scrape-sizes.csv`: response bytes and sample lines, library / raw / client_java / Micrometer):\n")
    md.append("| series | format | encoding | backend | library | raw | client_java | Micrometer | ÷ own raw client "
              "| ÷ Micrometer | ÷ client_java | bytes sent | sample lines |")
    md.append("|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s, f, e in cases:
        for b in goals.BACKENDS:
            d = row_data(data, s, f, e, b)
            cells = ratio_cells(results, d, s, f"{s:,} series, {f}, {e}, allocation", b, "alloc")
            sent = [sizes.get((s, i, b if i == "lucid" else "", f, e)) for i in ("lucid",) + PEER_IMPLS]
            wrong = [i for i, x in zip(("lucid",) + PEER_IMPLS, sent)
                     if x and x["content_encoding"] != ("gzip" if e == "gzip" else "identity")]
            sent_bytes = " / ".join(f"{int(x['bytes']):,}" if x else "?" for x in sent)
            sent_bytes += f" (answered another encoding: {', '.join(wrong)}!)" if wrong else ""
            lines = " / ".join(f"{int(x['sample_lines']):,}" if x else "?" for x in sent)
            md.append(f"| {s:,} | {f} | {e} | {b} | " + " | ".join(
                num(score(d[i], "alloc") / 1024, 0) for i in ("lucid",) + PEER_IMPLS) + " | " + " | ".join(cells)
                + f" | {sent_bytes} | {lines} |")
    md.append("")
    md += draw(results, docs, data, cases)
    return md + reproduce()


COLUMNS = ("lucid", "lucidcreated") + PEER_IMPLS


def params(series, fmt, encoding):
    return (("encoding", encoding), ("format", fmt), ("series", str(series)))


def row_data(data, series, fmt, encoding, backend):
    p = params(series, fmt, encoding)
    d = {i: data[("scrape", i, p)] for i in PEER_IMPLS}
    d["lucid"] = data[lucid_key("scrape", backend, p)]
    d["lucidcreated"] = data[lucid_key("scrape", backend, p, impl="lucidcreated")]
    return d


def ratio_cells(results, d, series, what, backend, key):
    """library ÷ own raw client, ÷ Micrometer, ÷ client_java; judged at JUDGED_SIZES against goals.SCRAPE_TARGETS.
    Bytes allocated per scrape do not move with the machine's load, so one round may judge them."""
    cells = []
    for column, peer in enumerate((goals.RAW_OF[backend], "micrometer", "clientjava")):
        r = ratio(d["lucid"], d[peer], key=key)
        cell = fmt_ratio(r)
        target = goals.SCRAPE_TARGETS[backend].get(peer)
        repeated = column == 2 and peer == goals.RAW_OF[backend]   # client_java's own raw client, judged in column 0
        if target and series in JUDGED_SIZES and not repeated:
            extra = {"min_rounds": 1} if key == "alloc" else {}
            cell += " " + results.judge(goals.SCRAPE, f"{what}, {backend} backend ÷ {PEERS[peer]}", r, target, **extra)
        cells.append(cell)
    return cells


def draw(results, docs, data, cases):
    """Scrape time against series, text format, plain and gzip: every implementation's line."""
    names = {"raw": "simpleclient HTTPServer", "clientjava": "client_java 1.x", "micrometer": "Micrometer"}
    lines, dashed = {}, []
    for s, f, e in cases:
        if f != "text":
            continue
        for b in goals.BACKENDS:
            lines.setdefault(f"Lucid Metrics ({b}), {e}", []).append((s, score(row_data(data, s, f, e, b)["lucid"])))
        for i in PEER_IMPLS:
            lines.setdefault(f"{names[i]}, {e}", []).append((s, score(data[("scrape", i, params(s, f, e))])))
    dashed = [label for label in lines if label.endswith("gzip")]
    results.summary["scrape"] = lines
    return plot.lines(results, docs, "performance-scrape", "Scrape time vs series, text format (log-log; lower is "
                      "better)", "series in the registry", "ms per scrape", lines, dashed)


def reproduce():
    return ["Reproduce: `ONLY=scrape bench/run.sh` (`SCRAPE_ROUNDS`, `SCRAPE_SIZES`), or per round `java -cp "
            "bench/jmh/target/benchmarks.jar org.openjdk.jmh.Main ScrapeBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s "
            "-p series=1000,10000,100000 -jvmArgs '-Xms2g -Xmx2g' -prof gc`, and `java -cp "
            "bench/jmh/target/benchmarks.jar dev.lucidmetrics.bench.ScrapeSizes 1000 10000 100000`.\n"]
