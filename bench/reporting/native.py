"""Section 10: native histograms on the client_java backend — observe() by kind against raw client_java and
Micrometer, and one scrape of classic-and-native histogram series in each format against raw client_java's writers."""
from . import goals
from .common import fmt_ratio, num, ratio, score

KINDS = ("classic", "native", "both")
JUDGED_KINDS = ("native", "both")  # classic is judged in section 1 (goal CLIENT_JAVA)
FORMATS = ("text", "openmetrics", "protobuf")


def section(results):
    md = ["## 10. Native histograms and the protobuf format (client_java backend)\n",
          "`NativeObserveBenchmark`: one `observe()` into a histogram of each kind — `classic` (the default buckets), "
          "`native` (client_java's defaults: schema 5, at most 160 buckets) and `both` — through the library on the "
          "client_java backend and through raw client_java 1.4.3 built the same way (`classicOnly()`, "
          "`nativeOnly()`, or its default of both; the same classic bounds; exemplars at their default), beside "
          "Micrometer's histogram (a `DistributionSummary` with the same bounds; Micrometer has no native "
          "histogram, so every kind is divided by the same classic one). The values cycle through 64 durations "
          "from 1 ms to about 4 s, so a native histogram keeps many buckets. All threads share one histogram. "
          "The classic kind is judged in section 1; here it shows what native buckets add.\n"]
    threads = [t for t in (1, 2, 4) if results.rounds_of(f"native-observe-t{t}")]
    if not threads:
        return md + ["_Not run._\n"] + reproduce()
    md.append("| threads | kind | library | raw client_java | Micrometer (classic) | ÷ client_java | ÷ Micrometer |")
    md.append("|---:|---|---:|---:|---:|---:|---:|")
    for t in threads:
        data = by_impl(results.load_rounds(f"native-observe-t{t}"))
        n = results.rounds_of(f"native-observe-t{t}")
        for kind in KINDS:
            lib, raw, mm = data[("lucid", kind)], data[("clientjava", kind)], data[("micrometer", "classic")]
            cells = []
            for peer, runs in (("clientjava", raw), ("micrometer", mm)):
                r = ratio(lib, runs)
                cell = fmt_ratio(r)
                if kind in JUDGED_KINDS:
                    cell += " " + results.judge(goals.NATIVE, f"{kind} histogram `observe()`, {t} thread"
                                                f"{'s' if t > 1 else ''}, client_java backend ÷ "
                                                f"{'client_java 1.x' if peer == 'clientjava' else 'Micrometer'}",
                                                r, goals.NATIVE_TARGETS[peer])
                cells.append(cell)
            md.append(f"| {t} | {kind} | {num(score(lib), 2)} | {num(score(raw), 2)} | {num(score(mm), 2)} | "
                      + " | ".join(cells) + " |")
    md.append(f"\nns per call, median across rounds ({n} rounds per thread count).\n")
    md += scrape(results)
    return md + reproduce()


def by_impl(data):
    """{(impl, kind): runs} from load_rounds' {(case, impl, params): runs} of methods named impl_kind."""
    return {(case, kind): runs for (case, kind, _), runs in data.items()}


def scrape(results):
    md = ["`ProtobufScrapeBenchmark`: one scrape of N series of a classic-and-native histogram (a `route` label, "
          "the same 64 observations in each) through the library's `MetricsHandler` on the client_java backend, "
          "and of the same histogram in raw client_java's registry through the writer its `ExpositionFormats` "
          "finds for the same Accept header (headers, then the writer straight into the body), on an in-memory "
          "exchange, plain. Text and OpenMetrics carry the classic buckets, protobuf both. Allocation is JMH's "
          "`gc.alloc.rate.norm`, judged from every round (bytes do not move with the machine's load).\n"]
    n = results.rounds_of("native-scrape")
    if not n:
        return md + ["_Not run._\n"]
    data = results.load_rounds("native-scrape")
    sizes = sorted({int(dict(p)["series"]) for (_, _, p) in data})
    md.append("| series | format | library, ms | raw client_java, ms | time ÷ client_java | library, KiB | raw "
              "client_java, KiB | allocation ÷ client_java |")
    md.append("|---:|---|---:|---:|---:|---:|---:|---:|")
    for s in sizes:
        p = (("series", str(s)),)
        for f in FORMATS:
            lib, raw = data[("lucid", f, p)], data[("clientjava", f, p)]
            cells = []
            for key, label, extra in (("score", "time", {}), ("alloc", "allocation", {"min_rounds": 1})):
                r = ratio(lib, raw, key=key)
                cells.append(fmt_ratio(r) + " " + results.judge(
                    goals.PROTOBUF, f"{s:,} histogram series, {f}, {label}, client_java backend ÷ client_java 1.x",
                    r, goals.PROTOBUF_TARGET, **extra))
            md.append(f"| {s:,} | {f} | {num(score(lib), 3)} | {num(score(raw), 3)} | {cells[0]} | "
                      f"{num(score(lib, 'alloc') / 1024, 0)} | {num(score(raw, 'alloc') / 1024, 0)} | {cells[1]} |")
    md.append(f"\n{n} rounds.\n")
    return md


def reproduce():
    return ["Reproduce: `ONLY=native bench/run.sh` (`NATIVE_ROUNDS`, `NATIVE_THREADS`, `NATIVE_SIZES`), or per round "
            "`java -cp bench/jmh/target/benchmarks.jar org.openjdk.jmh.Main NativeObserveBenchmark -f 1 -wi 2 -w "
            "300ms -i 3 -r 300ms -t 2` and `... ProtobufScrapeBenchmark -f 1 -wi 2 -w 300ms -i 3 -r 300ms -p "
            "series=100,1000 -prof gc`.\n"]
