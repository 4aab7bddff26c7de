"""Section 2: contended counter storage — simpleclient's adder against the JDK's, and whole counters built on them."""
import re

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
    md += stack(results)
    return md + reproduce()


def stack(results):
    """The top frames JMH's stack profiler saw for each profiled method (bench/results/adder-stack.log)."""
    if not results.exists("adder-stack.log"):
        return []
    text = open(results.path("adder-stack.log")).read()
    md = ["Where two threads spend their time (JMH `-prof stack`, sampled thread stacks, top frames of the running "
          "threads; full output in `bench/results/adder-stack.log`):\n", "```"]
    for block in re.split(r"^# Benchmark: ", text, flags=re.M)[1:]:
        name = block.split("\n", 1)[0].rsplit(".", 1)[-1]
        m = re.search(r"\.\.\.\[Thread state: RUNNABLE\]\.+\n(.*?)(?:\n\s*\n|\Z)", block, flags=re.S)
        if m:
            md.append(f"{name}:")
            md += ["  " + line.strip() for line in m.group(1).splitlines()[:6]]
    md.append("```\n")
    return md


def reproduce():
    return ["Reproduce: `ONLY=adder bench/run.sh` (`ADDER_ROUNDS`, `STACK_OPTS`), or per round `java -cp "
            "bench/jmh/target/benchmarks.jar org.openjdk.jmh.Main AdderBenchmark -f 1 -wi 2 -w 300ms -i 3 -r 300ms "
            "-t 2`; the profile: `... AdderBenchmark.counter_raw -t 2 -prof stack`.\n"]
