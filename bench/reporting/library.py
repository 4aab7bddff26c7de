"""Section 7: the library's own start-up, memory and classes, apart from any demo (bench/run-startup-library.sh)."""
import csv
import statistics
from collections import Counter

from . import goals
from .common import num, ratio_of_lists

SHARES = {"off": "no class-data sharing (`-Xshare:off`)", "jdk": "the JDK's default CDS archive (`-Xshare:on`)"}
# Classes a JVM-metrics registration loads although only reading the values needs them: the platform MXBeans and
# the JMX machinery behind them. Listed per package; a class of these loaded before the first scrape "need not be
# loaded up front" (registration could defer them to the first collection).
READ_ONLY_PACKAGES = ("java.lang.management", "sun.management", "com.sun.management", "javax.management",
                      "jdk.management", "jdk.internal.platform", "com.sun.jmx")
MIN_SHOWN = 4  # a package with fewer classes is summed into one row (the CSV lists every class)


def section(results):
    md = ["## 7. The library's own start-up, memory and classes\n",
          "`LibraryHello` (bench/jmh): a hello-world JDK `HttpServer` (4 worker threads), `bare` or with what a "
          "plain-Java service adds — `AppMetrics`, JVM metrics (`JvmMetrics`), `HttpServerMetrics` on `/hello` and "
          "`/metrics` on the same server. Both variants run from the same class path (the hello jar and **one** "
          "backend's runtime jars, so the library finds that backend alone) with the same flags (nothing but the "
          "sharing flag), on JDK 17 and 25, without class-data sharing and with the JDK's default CDS archive (no "
          "app archive). Each run: launch, poll every 10 ms until the first 200 of `/hello` (start), 1,000 "
          "sequential requests (`Connection: close`), read `VmRSS`, stop; bare and library alternate (ABBA). Each "
          "ratio is library ÷ bare of the same round.\n"]
    if not results.exists("library-startup.csv"):
        return md + ["_Not run._\n"] + reproduce()
    rows = list(csv.DictReader(open(results.path("library-startup.csv"))))
    md.append("| JDK | backend | class-data sharing | start ms, bare / library | start, library ÷ bare | verdict | "
              "RSS MiB, bare / library | RSS, library ÷ bare | verdict |")
    md.append("|---|---|---|---:|---:|---|---:|---:|---|")
    for jdk, backend, share in dict.fromkeys((r["jdk"], r["backend"], r["share"]) for r in rows):
        mine = [r for r in rows if (r["jdk"], r["backend"], r["share"]) == (jdk, backend, share)]
        cells = []
        for col, goal, target, scale in (("start_ms", goals.LIB_START, goals.LIB_START_TARGET, 1),
                                         ("rss_kb", goals.LIB_RSS, goals.LIB_RSS_TARGET, 1024)):
            r = ratio_of_lists(per_round(mine, col))
            what = f"{'start' if col == 'start_ms' else 'RSS'}, JDK {jdk}, {backend}, sharing {share}"
            med = [statistics.median(float(x[col]) for x in mine if x["variant"] == v) / scale
                   for v in ("bare", "library")]
            cells += [f"{num(med[0], 0 if scale == 1 else 1)} / {num(med[1], 0 if scale == 1 else 1)}",
                      f"**{r[0]:.3f}** ({r[1]:.3f}–{r[2]:.3f})", results.judge(goal, what, r, target)]
        md.append(f"| {jdk} | {backend} | {share} | " + " | ".join(cells) + " |")
    bad = [r for r in rows if int(r["ok_requests"]) != 1000]
    md.append(f"\n{len({r['round'] for r in rows})} rounds per setting; sharing: "
              + "; ".join(f"`{k}` = {v}" for k, v in SHARES.items()) + ". Every run answered 1,000 × 200"
              + ("." if not bad else f" except: {bad}.") + "\n")
    return md + classes(results) + reproduce()


def per_round(rows, col):
    by_round = {}
    for r in rows:
        by_round.setdefault(r["round"], {})[r["variant"]] = float(r[col])
    return [v["library"] / v["bare"] for v in by_round.values() if len(v) == 2]


def package(name):
    return name.rsplit(".", 1)[0] if "." in name else "(default)"


def classes(results):
    if not results.exists("library-classes.csv"):
        return []
    md = ["### The classes the library loads\n",
          "One more run per JDK and backend with `-Xlog:class+load` (JDK CDS on): the classes `library` loaded "
          "before its first 200 and `bare` did not load at all, and those the first scrape of `/metrics` added. "
          f"Packages marked *read only* ({', '.join(READ_ONLY_PACKAGES)}) hold the MXBeans and JMX machinery "
          "that JVM metrics need only to read values: loaded before the first scrape, they **need not be loaded "
          "up front**.\n",
          "| JDK | backend | bare: classes at start | library: classes at start | library adds at start | of which "
          "read only (need not be up front) | the first scrape adds |",
          "|---|---|---:|---:|---:|---:|---:|"]
    tables = []
    for t in csv.DictReader(open(results.path("library-classes.csv"))):
        name = f"library-classes-j{t['jdk']}-{t['backend']}.csv"
        if not results.exists(name):
            continue
        loaded = list(csv.DictReader(open(results.path(name))))
        start = Counter(package(r["class"]) for r in loaded if r["when"] == "start")
        scrape = Counter(package(r["class"]) for r in loaded if r["when"] == "scrape")
        deferrable = sum(n for p, n in start.items() if p.startswith(READ_ONLY_PACKAGES))
        md.append(f"| {t['jdk']} | {t['backend']} | {int(t['bare_classes_at_start']):,} | "
                  f"{int(t['library_classes_at_start']):,} | {sum(start.values()):,} | {deferrable:,} | "
                  f"{sum(scrape.values()):,} |")
        results.summary.setdefault("library_classes", {})[f"{t['jdk']}/{t['backend']}"] = {
            "start": dict(start), "scrape": dict(scrape)}
        if t["jdk"] == "17":
            tables.append((t["backend"], start, scrape))
    md.append("")
    for backend, start, scrape in tables:
        md.append(f"JDK 17, {backend}: classes the library adds, by package (the full lists: "
                  f"`bench/results/library-classes-j17-{backend}.csv`)\n")
        md.append("| package | at start | at first scrape | need not be up front |")
        md.append("|---|---:|---:|---|")
        packages = sorted(set(start) | set(scrape), key=lambda p: (-start.get(p, 0), p))
        shown = [p for p in packages if start.get(p, 0) + scrape.get(p, 0) >= MIN_SHOWN]
        for p in shown:
            md.append(f"| `{p}` | {start.get(p, 0)} | {scrape.get(p, 0)} | "
                      f"{'yes (read only)' if p.startswith(READ_ONLY_PACKAGES) and start.get(p) else ''} |")
        rest = [p for p in packages if p not in shown]
        md.append(f"| {len(rest)} more packages of fewer than {MIN_SHOWN} classes each | "
                  f"{sum(start.get(p, 0) for p in rest)} | {sum(scrape.get(p, 0) for p in rest)} | |\n")
    return md


def reproduce():
    return ["Reproduce: `ONLY=library bench/run.sh` (`LIB_ROUNDS`, `LIB_BACKENDS`, `LIB_SHARES`, `LIB_JAVAS`, "
            "`BENCH_PORT`); by hand: `PORT=24080 java -Xshare:off -cp \"bench/jmh/target/bench-library-hello.jar:"
            "$(ls bench/jmh/target/library-lib/{metrics-core,metrics-simpleclient,simpleclient}*.jar | paste -sd:)\" "
            "dev.lucidmetrics.bench.library.LibraryHello library` (or `bare`).\n"]
