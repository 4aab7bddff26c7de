"""Section 2: contended counter storage — simpleclient's adder against the JDK's, and whole counters built on them."""
import csv

from .common import fmt_ratio, num, ratio, score

METHODS = [("storage", "simpleclient", "simpleclient 0.16 `DoubleAdder` (jsr166e copy, cell found via a ThreadLocal)"),
           ("storage", "jdkdouble", "JDK `DoubleAdder` (probe kept in the Thread)"),
           ("storage", "jdklong", "JDK `LongAdder`"),
           ("storage", "atomiclong", "one `AtomicLong` (no striping)"),
           ("counter", "raw", "raw simpleclient cached child `inc()`"),
           ("counter", "lucid", "library cached child `inc()`"),
           ("counter", "micrometer", "Micrometer counter (JDK `DoubleAdder`)"),
           ("counter", "clientjava", "client_java 1.x data point (JDK `LongAdder`)"),
           ("counter", "prototype", "bench-only prototype: JDK `LongAdder` behind a simpleclient `Collector`")]
RATIOS = [(("storage", "simpleclient"), ("storage", "jdkdouble"), "simpleclient adder ÷ JDK DoubleAdder"),
          (("storage", "simpleclient"), ("storage", "jdklong"), "simpleclient adder ÷ JDK LongAdder"),
          (("counter", "raw"), ("storage", "simpleclient"), "raw child ÷ its adder (simpleclient's own wrapper)"),
          (("counter", "lucid"), ("counter", "raw"), "library child ÷ raw child (the library's wrapper)"),
          (("counter", "raw"), ("counter", "micrometer"), "raw child ÷ Micrometer"),
          (("counter", "lucid"), ("counter", "micrometer"), "library child ÷ Micrometer"),
          (("counter", "lucid"), ("counter", "clientjava"), "library child ÷ client_java"),
          (("counter", "prototype"), ("counter", "micrometer"), "prototype ÷ Micrometer"),
          (("counter", "prototype"), ("counter", "clientjava"), "prototype ÷ client_java")]


def section(results):
    md = ["## 2. Contended counters: where the time goes (JMH, ns per call)\n",
          "`AdderBenchmark`: the storage alone against whole counters, all threads on one instance, the same rounds "
          "layout as the hot path. No verdicts here: this is the evidence for the counter rows of section 1.\n"]
    threads = [t for t in (1, 2, 4) if results.rounds_of(f"adder-t{t}")]
    if not threads:
        return md + ["_Not run._\n"] + reproduce()
    data = {t: results.load_rounds(f"adder-t{t}") for t in threads}
    md.append("| what | " + " | ".join(f"{t} thread{'s' if t > 1 else ''}" for t in threads) + " |")
    md.append("|---|" + "---:|" * len(threads))
    for case, impl, label in METHODS:
        md.append(f"| {label} | " + " | ".join(num(score(data[t][(case, impl, ())]), 2) for t in threads) + " |")
    md.append("| **ratios** (median of per-round ratios) | " + " | " * (len(threads) - 1) + " |")
    for a, b, label in RATIOS:
        md.append(f"| {label} | " + " | ".join(
            fmt_ratio(ratio(data[t][(*a, ())], data[t][(*b, ())])) for t in threads) + " |")
    md.append(f"\n{min(results.rounds_of(f'adder-t{t}') for t in threads)} rounds.\n")
    md += profile(results)
    return md + reproduce()


def profile(results):
    """The top frames JFR sampled for each profiled method at two threads (bench/results/adder-profile.csv)."""
    if not results.exists("adder-profile.csv"):
        return []
    rows = list(csv.DictReader(open(results.path("adder-profile.csv"))))
    md = ["Where two threads spend their time: JMH's JFR profiler (`-prof jfr`, execution samples of the benchmark "
          "threads, inlined frames resolved), the frame each sample was in, by share of the method's samples:\n",
          "| method | frame (class.method:line) | samples | share |", "|---|---|---:|---:|"]
    for r in rows:
        if float(r["share"]) >= 0.05:
            md.append(f"| {r['benchmark']} | `{r['frame']}` | {r['samples']} | {float(r['share']):.0%} |")
    return md + [""]


def reproduce():
    return ["Reproduce: `ONLY=adder bench/run.sh` (`ADDER_ROUNDS`, `PROFILE_OPTS`), or per round `java -cp "
            "bench/jmh/target/benchmarks.jar org.openjdk.jmh.Main AdderBenchmark -f 1 -wi 2 -w 300ms -i 3 -r 300ms "
            "-t 2`; the profile: `... AdderBenchmark.counter_raw -t 2 -prof jfr:dir=DIR`, then "
            "`python3 bench/reporting/jfr_frames.py $(dirname $(readlink -f $(which java)))/jfr DIR`.\n"]
