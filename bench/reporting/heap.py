"""Section 5: heap bytes per labelled series, on JDK 17 and 25 (with and without compact object headers)."""
import csv
import statistics

from . import goals
from .common import PEERS, ratio_of_lists

IMPLS = [("lucid:simpleclient", "Lucid Metrics counter, simpleclient backend"),
         ("lucid:client_java", "Lucid Metrics counter, client_java backend"), ("raw", "raw simpleclient counter"), ("micrometer", "Micrometer counter"),
         ("clientjava", "client_java 1.x counter"), ("adder", "prototype: LongAdder counter (bench only)"),
         ("rawgauge", "raw simpleclient gauge"), ("addergauge", "prototype: CAS-on-bits gauge (bench only)")]
JDKS = [("17", "JDK 17"), ("25", "JDK 25"), ("25coh", "JDK 25, `-XX:+UseCompactObjectHeaders`")]


def section(results):
    md = ["## 5. Heap per labelled series\n",
          "`HeapPerSeries`: 100,000 series (or `HEAP_SERIES`) of a metric with two labels whose value strings "
          "already exist, used heap read from `MemoryMXBean` after full GCs (`-XX:+UseSerialGC -Xmx1g`) before and "
          "after creating them; a fresh JVM per run. The prototypes are `AdderStorage` in bench/jmh: counter "
          "storage on the JDK's `LongAdder` (a `DoubleAdder` only after a fractional increment) and a gauge as the "
          "bits of its double in a volatile long, behind a simpleclient `Collector`, keyed like simpleclient by a "
          "list of the label values — the storage alone, without the library's own bookkeeping. The goal is "
          "judged on JDK 17.\n"]
    if not results.exists("heap.csv"):
        return md + ["_Not run._\n"] + reproduce()
    rows = list(csv.DictReader(open(results.path("heap.csv"))))
    jdks = [(j, label) for j, label in JDKS if any(r["jdk"] == j for r in rows)]
    vals = {(r["jdk"], r["impl"]): [] for r in rows}
    for r in rows:
        vals[(r["jdk"], r["impl"])].append(float(r["bytes_per_series"]))
    md.append("| implementation | " + " | ".join(f"{label}: bytes (÷ raw counter)" for _, label in jdks) + " |")
    md.append("|---|" + "---:|" * len(jdks))
    for impl, label in IMPLS:
        cells = []
        for jdk, _ in jdks:
            v, raw = vals.get((jdk, impl)), vals.get((jdk, "raw"))
            if not v:
                cells.append("")
                continue
            cell = f"**{statistics.median(v):.0f}**" + (f" ({min(v):.0f}–{max(v):.0f})" if min(v) != max(v) else "")
            if raw and impl != "raw":
                r = ratio_of_lists([a / b for a, b in zip(v, raw)])
                cell += f" ({r[0]:.2f} ×)"
            cells.append(cell)
        md.append(f"| {label} | " + " | ".join(cells) + " |")
    md.append(f"\n{max(len(v) for v in vals.values())} runs per implementation and JDK.\n")
    md += judged(results, vals)
    results.summary["heap"] = {f"{j}/{i}": v for (j, i), v in vals.items()}
    return md + reproduce()


def judged(results, vals):
    """Each backend ÷ its own raw client and ÷ Micrometer, on JDK 17, against goals.HEAP_TARGETS (bytes do not move
    with the machine's load, so one run may judge them)."""
    md = ["| backend | peer | JDK 17: library ÷ peer | goal | verdict |", "|---|---|---:|---:|---|"]
    for backend, targets in goals.HEAP_TARGETS.items():
        mine = vals.get(("17", f"lucid:{backend}"))
        for peer, target in targets.items():
            theirs = vals.get(("17", peer))
            if not (mine and theirs):
                continue
            r = ratio_of_lists([a / b for a, b in zip(mine, theirs)])
            v = results.judge(goals.HEAP, f"{backend} backend ÷ {PEERS[peer]}, JDK 17", r, target, min_rounds=1)
            md.append(f"| {backend} | {PEERS[peer]} | **{r[0]:.3f}** ({r[1]:.3f}–{r[2]:.3f}) | ≤ {target} | {v} |")
    return md + [""]


def reproduce():
    return ["Reproduce: `ONLY=heap bench/run.sh` (`HEAP_ROUNDS`, `HEAP_SERIES`, `HEAP_JAVAS`), or `java "
            "-XX:+UseSerialGC -Xms1g -Xmx1g -cp bench/jmh/target/benchmarks.jar dev.lucidmetrics.bench.HeapPerSeries "
            "lucid:client_java 100000` (implementations: lucid:simpleclient lucid:client_java raw micrometer clientjava adder rawgauge addergauge).\n"]
