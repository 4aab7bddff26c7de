"""Section 4: the HTTP filter's cost on a hello-world JDK HttpServer, driven by wrk."""
import csv
import statistics

from . import goals
from .common import OLDER_LAYOUT, num, ratio_of_lists


def section(results):
    md = ["## 4. HTTP instrumentation overhead (wrk on loopback)\n",
          "A hello-world JDK `HttpServer` (4 worker threads, `-Xmx256m`, `-Dsun.net.httpserver.nodelay=true` for "
          "both) bare and with `HttpServerMetrics` on its context, started fresh per run, warmed 3 s, then "
          "`wrk -t1 -c16 -d8s --latency`; bare and one instrumented server per backend (`METRICS_BACKEND`) "
          "alternate (ABC, CBA, …) in one script. wrk shares the 2 cores.\n"]
    if not results.exists("http.csv"):
        return md + ["_Not run._\n"] + reproduce()
    md += against_bare(results, "http.csv", "JDK HttpServer")
    return md + threads_rows(results) + jetty_rows(results) + reproduce()


def threads_rows(results):
    """The instrumented server on 4 platform threads against one virtual thread per exchange, on JDK 25."""
    md = ["### Virtual-thread executor\n",
          "The instrumented server again, on JDK 25 only (virtual threads need Java 21+): its 4 platform worker "
          "threads against one virtual thread per exchange (`HTTP_VIRTUAL_THREADS=true` in the demos), "
          "alternating the same way, same wrk settings. No goal: it shows what the setting costs or gains here.\n"]
    if not results.exists("http-threads.csv"):
        return md + ["_Not run (no JDK 25)._\n"]
    rows = list(csv.DictReader(open(results.path("http-threads.csv"))))
    by_round = {}
    for r in rows:
        by_round.setdefault(r["round"], {})[r["threads"]] = r
    per = lambda col: [float(v["virtual"][col]) / float(v["platform"][col]) for v in by_round.values()]
    med = lambda var, col: statistics.median(float(r[col]) for r in rows if r["threads"] == var)
    tp, p99 = ratio_of_lists(per("requests_per_second")), ratio_of_lists(per("p99_ms"))
    md.append("| measure | 4 platform threads (median) | virtual threads (median) | virtual ÷ platform |")
    md.append("|---|---:|---:|---:|")
    md.append(f"| throughput, req/s | {num(med('platform', 'requests_per_second'), 0)} | "
              f"{num(med('virtual', 'requests_per_second'), 0)} | **{tp[0]:.3f}** ({tp[1]:.3f}–{tp[2]:.3f}) |")
    md.append(f"| p99 latency, ms | {num(med('platform', 'p99_ms'), 2)} | {num(med('virtual', 'p99_ms'), 2)} | "
              f"{p99[0]:.2f} ({p99[1]:.2f}–{p99[2]:.2f}) |")
    md.append(f"\n{len(by_round)} rounds.\n")
    results.summary["http_threads"] = {"throughput_ratios": per("requests_per_second")}
    return md


def jetty_rows(results):
    """metrics-servlet's filter on Jetty 12 against the same Jetty without it."""
    md = ["### The Servlet filter on Jetty\n",
          "A hello-world servlet on Jetty 12 (ee10, its default thread pool, `-Xmx256m`) bare and with "
          "`MetricsFilter` on `/*` on each backend, alternating the same way, same wrk settings. Goal: throughput "
          "≥ 0.98 × the bare Jetty.\n"]
    if not results.exists("http-jetty.csv"):
        return md + ["_Not run yet: no figure of record._\n"]
    return md + against_bare(results, "http-jetty.csv", "Jetty")


def against_bare(results, name, server):
    """Each backend's instrumented server ÷ the bare one of the same round (ABBA order, one CSV row per run)."""
    rows = list(csv.DictReader(open(results.path(name))))
    if rows and "backend" not in rows[0]:
        return [OLDER_LAYOUT]
    by_round = {}
    for r in rows:
        by_round.setdefault(r["round"], {})[r["backend"] or "bare"] = r
    backends = [b for b in dict.fromkeys(r["backend"] for r in rows) if b]
    med = lambda who, col: statistics.median(float(v[who][col]) for v in by_round.values() if who in v)
    md = [f"| measure | bare {server} (median) | " + " | ".join(f"{b} (median)" for b in backends) + " | "
          + " | ".join(f"{b} ÷ bare" for b in backends) + " | goal | verdict |",
          "|---|" + "---:|" * (1 + 2 * len(backends)) + "---:|---|"]
    for col, label, digits in (("requests_per_second", "throughput, req/s", 0), ("p99_ms", "p99 latency, ms", 2),
                               ("p50_ms", "p50 latency, ms", 3)):
        cells, verdicts = [], []
        for b in backends:
            r = ratio_of_lists([float(v[b][col]) / float(v["bare"][col]) for v in by_round.values()
                                if b in v and "bare" in v])
            cells.append(f"**{r[0]:.3f}** ({r[1]:.3f}–{r[2]:.3f})")
            if col == "requests_per_second":
                verdicts.append(results.judge(goals.HTTP, f"{server}, {b} backend, throughput ÷ bare", r,
                                              goals.HTTP_TARGET, lower_is_better=False))
                results.summary.setdefault("http", {})[f"{name}/{b}"] = r
        goal = f"≥ {goals.HTTP_TARGET}" if col == "requests_per_second" else "—"
        md.append(f"| {label} | {num(med('bare', col), digits)} | " + " | ".join(
            num(med(b, col), digits) for b in backends) + " | " + " | ".join(cells) + f" | {goal} | "
            + "; ".join(verdicts) + " |")
    md.append(f"\n{len(by_round)} rounds. p99 on two shared cores with wrk competing is dominated by scheduling "
              "stalls; read it as a tail-noise band, not a cost.\n")
    return md


def reproduce():
    return ["Reproduce: `ONLY=http bench/run.sh` (`HTTP_ROUNDS`, `WRK_SECONDS`, `HTTP_BACKENDS`, `BENCH_PORT`).\n"]
