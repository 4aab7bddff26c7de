"""Section 1: the hot path per JDK and thread count, the client_java loop shape, and OpenTelemetry on the class path."""
from . import goals
from .common import OLDER_LAYOUT, PEERS, fmt_ratio, lucid_key, num, ratio, score

IMPLS = ("lucid", "raw", "micrometer", "clientjava")
CASES = [("counterInc", "unlabelled counter `inc()`"),
         ("labelledCachedInc", "labelled `inc()`, cached child"),
         ("labelledLookupInc", "labelled `labels(...).inc()` per call"),
         ("histogramObserve", "histogram `observe()` (unlabelled)")]
LOOP_CASES = [("loopCounterInc", "unlabelled counter `inc()`", "counterInc"),
              ("loopCachedInc", "labelled `inc()`, cached child", "labelledCachedInc"),
              ("loopObserve", "histogram `observe()` of \\|gaussian\\| values", "histogramObserve")]
UPDATES = 10 * 1024  # ContendedBenchmark.UPDATES
JUDGED_JDK = "17"
HEADER = "| case | backend | library | raw | Micrometer | client_java | ÷ raw | ÷ Micrometer | ÷ client_java |"


def backends_in(data, case):
    return [b for b in goals.BACKENDS if lucid_key(case, b) in data]


def keys(case, backend):
    return [lucid_key(case, backend) if i == "lucid" else (case, i, ()) for i in IMPLS]


def targets(case, threads, backend):
    """{peer: (goal, target)} for the library's ratio to each peer on `backend`; nothing for cases without a goal."""
    if backend == "client_java":
        if case in ("counterInc", "labelledCachedInc", "histogramObserve"):
            return {"clientjava": (goals.CLIENT_JAVA, 1.05), "micrometer": (goals.CLIENT_JAVA, 1.0)}
        return {}
    if case in ("counterInc", "labelledCachedInc"):
        if threads == 1:
            return {p: (goals.ONE_THREAD, 1.0) for p in ("raw", "micrometer", "clientjava")}
        return {p: (goals.CONTENDED, 1.0) for p in ("micrometer", "clientjava")}
    if case == "histogramObserve":
        return {"micrometer": (goals.HISTOGRAM, 0.5), "clientjava": (goals.HISTOGRAM, 1.0)}
    return {}


def ratio_cells(results, data, case, key, label, threads, judged, backend):
    cells = []
    for peer in ("raw", "micrometer", "clientjava"):
        r = ratio(data[lucid_key(key, backend)], data[(key, peer, ())])
        cell = fmt_ratio(r)
        goal = targets(case, threads, backend).get(peer)
        if goal and judged:
            cell += " " + results.judge(goal[0], f"{label}, {threads} thread{'s' if threads > 1 else ''}, "
                                        f"{backend} backend ÷ {PEERS[peer]}", r, goal[1])
        elif goal:
            cell += f" (goal ≤ {goal[1]})"
        cells.append(cell)
    return cells


def section(results):
    md = ["## 1. Hot path (JMH, ns per call)\n",
          "`raw` is simpleclient 0.16 used as its README shows (exemplars at their default); `micrometer` is "
          "micrometer-registry-prometheus 1.16.6; `client_java` is client_java 1.x (prometheus-metrics-core 1.4.3, "
          "the version that Micrometer uses, exemplars at their default, histogram `classicOnly()` with the same "
          "buckets). All threads share one metric. The library runs on each backend (a row each); each ratio cell is "
          "library ÷ that implementation, and each backend is judged against its own raw client (`raw` for "
          "simpleclient, `client_java` for client_java) and Micrometer. The goals are judged on JDK "
          f"{JUDGED_JDK}, JDK 25 shows what changes. The histogram rows are classic buckets on both backends; native "
          "histograms are section 10.\n"]
    any_run = False
    for jdk in ("17", "25"):
        for threads in (1, 2, 4):
            name = f"hotpath-j{jdk}-t{threads}"
            if not results.rounds_of(name):
                continue
            any_run = True
            data = results.load_rounds(name)
            if not backends_in(data, "counterInc"):
                md.append(f"### JDK {jdk}, {threads} thread{'s' if threads > 1 else ''}\n\n{OLDER_LAYOUT}")
                continue
            md.append(f"### JDK {jdk}, {threads} thread{'s' if threads > 1 else ''} "
                      f"({results.rounds_of(name)} rounds)\n")
            md.append(HEADER)
            md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|")
            for case, label in CASES:
                for backend in backends_in(data, case):
                    ns = [num(score(data[key]), 2) for key in keys(case, backend)]
                    cells = ratio_cells(results, data, case, case, label, threads, jdk == JUDGED_JDK, backend)
                    md.append(f"| {label} | {backend} | " + " | ".join(ns + cells) + " |")
            md.append("")
        name = f"contended-j{jdk}-t4"
        if results.rounds_of(name):
            any_run = True
            data = results.load_rounds(name)
            if not backends_in(data, "loopCounterInc"):
                md.append(f"### JDK {jdk}, client_java's shape\n\n{OLDER_LAYOUT}")
                continue
            md.append(f"### JDK {jdk}, client_java's shape: {UPDATES:,} updates per operation, 4 threads sharing one "
                      f"metric ({results.rounds_of(name)} rounds; ns per update)\n")
            md.append(HEADER)
            md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|")
            for case, label, goal_case in LOOP_CASES:
                for backend in backends_in(data, case):
                    ns = [num(score(data[key]) / UPDATES, 2) for key in keys(case, backend)]
                    cells = ratio_cells(results, data, goal_case, case, f"loop: {label}", 4, jdk == JUDGED_JDK,
                                        backend)
                    md.append(f"| {label} | {backend} | " + " | ".join(ns + cells) + " |")
            md.append("")
    if not any_run:
        md.append("_Not run._\n")
    md += otel(results)
    md.append("Reproduce: `ONLY=hotpath bench/run.sh` (`HOT_ROUNDS`, `HOT_THREADS`, `HOT_JAVAS`), or per round "
              "`java -cp bench/jmh/target/benchmarks.jar org.openjdk.jmh.Main HotPathBenchmark -f 1 -wi 2 -w 300ms "
              "-i 3 -r 300ms -t 2` and `... ContendedBenchmark -f 1 -wi 2 -w 300ms -i 3 -r 300ms -t 4` (JDK 25: the "
              "same with `/usr/lib/jvm/temurin-25-jdk-amd64/bin/java`; OTel: `-cp 'bench/jmh/target/benchmarks.jar:"
              "bench/jmh/target/otel-classpath/*' ... -p classpath=otel`).\n")
    return md


def otel(results):
    if not (results.rounds_of("hotpath-otel-t1") and results.rounds_of("hotpath-j17-t1")):
        return []
    on, off = results.load_rounds("hotpath-otel-t1"), results.load_rounds("hotpath-j17-t1")
    if not backends_in(on, "counterInc"):
        return ["### OpenTelemetry API on the class path\n", OLDER_LAYOUT]
    md = [f"### OpenTelemetry API on the class path (JDK 17, 1 thread, {results.rounds_of('hotpath-otel-t1')} "
          "rounds)\n",
          "A second JMH run with `opentelemetry-api` and `-context` 1.37.0 added to the class path (a setup check "
          "fails the run unless simpleclient's exemplar sampler is really active). simpleclient then samples an "
          "exemplar on every call; the library builds its metrics `withoutExemplars()` unless asked.\n",
          "| case | library (simpleclient) | raw | Micrometer | client_java | raw ÷ library (what the default saves) | "
          "raw with OTel ÷ raw without |",
          "|---|---:|---:|---:|---:|---:|---:|"]
    for case, label in CASES:
        lib, raw = on[lucid_key(case, "simpleclient")], on[(case, "raw", ())]
        ns = [num(score(on[key]), 2) for key in keys(case, "simpleclient")]
        md.append(f"| {label} | " + " | ".join(ns) + f" | {fmt_ratio(ratio(raw, lib))} | "
                  f"{fmt_ratio(ratio(raw, off[(case, 'raw', ())]))} |")
    md.append("")
    return md
