"""Section 4: the HTTP filter's cost on a hello-world JDK HttpServer, driven by wrk."""
import csv
import statistics

from . import goals
from .common import num, ratio_of_lists


def section(results):
    md = ["## 4. HTTP instrumentation overhead (wrk on loopback)\n",
          "A hello-world JDK `HttpServer` (4 worker threads, `-Xmx256m`, `-Dsun.net.httpserver.nodelay=true` for "
          "both) bare and with `HttpServerMetrics` on its context, started fresh per run, warmed 3 s, then "
          "`wrk -t1 -c16 -d8s --latency`; the two variants alternate (ABBA…) in one script. wrk shares the 2 "
          "cores.\n"]
    if not results.exists("http.csv"):
        return md + ["_Not run._\n"] + reproduce()
    rows = list(csv.DictReader(open(results.path("http.csv"))))
    by_round = {}
    for r in rows:
        by_round.setdefault(r["round"], {})[r["variant"]] = r
    per = lambda col: [float(v["instrumented"][col]) / float(v["bare"][col]) for v in by_round.values()]
    med = lambda var, col: statistics.median(float(r[col]) for r in rows if r["variant"] == var)
    tp, p99 = ratio_of_lists(per("requests_per_second")), ratio_of_lists(per("p99_ms"))
    v = results.judge(goals.HTTP, "throughput, instrumented ÷ bare", tp, 0.98, lower_is_better=False)
    md.append("| measure | bare (median) | instrumented (median) | instrumented ÷ bare | goal | verdict |")
    md.append("|---|---:|---:|---:|---:|---|")
    md.append(f"| throughput, req/s | {num(med('bare', 'requests_per_second'), 0)} | "
              f"{num(med('instrumented', 'requests_per_second'), 0)} | **{tp[0]:.3f}** ({tp[1]:.3f}–{tp[2]:.3f}) | "
              f"≥ 0.98 | {v} |")
    md.append(f"| p99 latency, ms | {num(med('bare', 'p99_ms'), 2)} | {num(med('instrumented', 'p99_ms'), 2)} | "
              f"**{p99[0]:.2f}** ({p99[1]:.2f}–{p99[2]:.2f}) | — | (no goal; see note) |")
    md.append(f"| p50 latency, ms | {num(med('bare', 'p50_ms'), 3)} | {num(med('instrumented', 'p50_ms'), 3)} | "
              "— | — | |")
    md.append(f"\n{len(by_round)} rounds. p99 on two shared cores with wrk competing is dominated by scheduling "
              "stalls; read it as a tail-noise band, not a cost.\n")
    results.summary["http"] = {"throughput_ratios": per("requests_per_second"), "p99_ratios": per("p99_ms")}
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
          "`MetricsFilter` on `/*`, alternating the same way, same wrk settings. Goal: throughput ≥ 0.98 × the bare "
          "Jetty.\n"]
    if not results.exists("http-jetty.csv"):
        return md + ["_Not run yet: no figure of record._\n"]
    rows = list(csv.DictReader(open(results.path("http-jetty.csv"))))
    by_round = {}
    for r in rows:
        by_round.setdefault(r["round"], {})[r["variant"]] = r
    per = lambda col: [float(v["instrumented"][col]) / float(v["bare"][col]) for v in by_round.values()]
    med = lambda var, col: statistics.median(float(r[col]) for r in rows if r["variant"] == var)
    tp, p99 = ratio_of_lists(per("requests_per_second")), ratio_of_lists(per("p99_ms"))
    md.append("| measure | bare Jetty (median) | with MetricsFilter (median) | instrumented ÷ bare | goal |")
    md.append("|---|---:|---:|---:|---:|")
    md.append(f"| throughput, req/s | {num(med('bare', 'requests_per_second'), 0)} | "
              f"{num(med('instrumented', 'requests_per_second'), 0)} | **{tp[0]:.3f}** ({tp[1]:.3f}–{tp[2]:.3f}) | "
              "≥ 0.98 |")
    md.append(f"| p99 latency, ms | {num(med('bare', 'p99_ms'), 2)} | {num(med('instrumented', 'p99_ms'), 2)} | "
              f"{p99[0]:.2f} ({p99[1]:.2f}–{p99[2]:.2f}) | — |")
    md.append(f"\n{len(by_round)} rounds.\n")
    results.summary["http_jetty"] = {"throughput_ratios": per("requests_per_second")}
    return md


def reproduce():
    return ["Reproduce: `ONLY=http bench/run.sh` (`HTTP_ROUNDS`, `WRK_SECONDS`, `BENCH_PORT`).\n"]
