"""Section 8: what the integrations add per call (IntegrationBenchmark), each backend ÷ the uninstrumented call."""
from . import goals
from .common import fmt_ratio, lucid_key, num, ratio, score

CASES = [("executorTask", "executor: one no-op task submitted to a one-thread pool and waited for"),
         ("logbackEvent", "Logback: one `warn` to an appender that discards it"),
         ("julEvent", "`java.util.logging`: one `WARNING` to a handler that discards it")]


def section(results):
    md = ["## 8. Integrations: executor metrics and log-event counters (JMH, ns per call)\n",
          "`IntegrationBenchmark`, one thread, JDK 17: the same call uninstrumented (`bare`) and instrumented on each "
          "backend — the pool monitored by `ExecutorMetrics` (its rejection handler in front; the gauges are read "
          "only at a scrape), `LogbackEventCounter` beside the discarding appender, `LogEventMetrics.julHandler()` "
          "beside the discarding handler. The issue sets no goal for these: the ratio is the cost. The Servlet "
          "filter's throughput against a bare Jetty is in section 4.\n"]
    n = results.rounds_of("integrations")
    if not n:
        return md + ["_Not run._\n"] + reproduce()
    data = results.load_rounds("integrations")
    md.append("| call | bare | " + " | ".join(goals.BACKENDS) + " | " + " | ".join(
        f"{b} ÷ bare" for b in goals.BACKENDS) + " |")
    md.append("|---|" + "---:|" * (1 + 2 * len(goals.BACKENDS)))
    for case, label in CASES:
        bare = data[(case, "bare", ())]
        mine = [data[lucid_key(case, b)] for b in goals.BACKENDS]
        rs = [ratio(m, bare) for m in mine]
        md.append(f"| {label} | {num(score(bare), 1)} | " + " | ".join(num(score(m), 1) for m in mine) + " | "
                  + " | ".join(fmt_ratio(r, 3) for r in rs) + " |")
        results.summary.setdefault("integrations", {})[case] = dict(zip(goals.BACKENDS, rs))
    md.append(f"\n{n} rounds.\n")
    return md + reproduce()


def reproduce():
    return ["Reproduce: `ONLY=integrations bench/run.sh` (`INTEGRATION_ROUNDS`, `HOT_OPTS`), or per round `java -jar "
            "bench/jmh/target/benchmarks.jar IntegrationBenchmark -f 1 -wi 2 -w 300ms -i 3 -r 300ms -t 1`.\n"]
