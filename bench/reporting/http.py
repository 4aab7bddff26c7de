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
    return md + reproduce()


def reproduce():
    return ["Reproduce: `ONLY=http bench/run.sh` (`HTTP_ROUNDS`, `WRK_SECONDS`, `BENCH_PORT`).\n"]
