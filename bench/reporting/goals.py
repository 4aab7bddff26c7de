"""The goals, worded once: each check a section makes names one of these, and the goals table groups by them."""

ONE_THREAD = ("One thread, counter `inc()` and cached-child `inc()`: library ≤ raw simpleclient, Micrometer and "
              "client_java 1.x (the guard for any hot-path change)")
CONTENDED = ("Counter `inc()` and cached-child `inc()`, 2 and 4 threads sharing one metric (and the 4-thread loop "
             "shape): library ≤ Micrometer and ≤ client_java 1.x")
HISTOGRAM = "Histogram `observe()`, 1/2/4 threads (and the loop shape): ≤ 0.5 × Micrometer, ≤ 1.0 × client_java 1.x"
HEAP = "Heap bytes per labelled series ≤ 1.25 × raw simpleclient"
SCRAPE = ("Scrape at 10k and 100k series, plain and gzip: ≤ client_java 1.x's text writer and ≤ Micrometer's "
          "scrape, in time and in bytes allocated")
HTTP = "HTTP filter throughput ≥ 0.98 × bare"
START = ("demo-iotd start to first 200 ≤ 1.5 × a bare JDK `HttpServer` hello world with the same JVM flags, and "
         "≤ 0.15 × the Spring twin, all with class-data sharing")
RSS = "demo-iotd RSS after 1,000 requests ≤ 1.15 × the bare-JDK floor with the same flags"
ORDER = [ONE_THREAD, CONTENDED, HISTOGRAM, HEAP, SCRAPE, HTTP, START, RSS]


def table(results):
    """The goals table: one row per check, grouped by goal, and a count of met / missed / without verdict."""
    md = ["## Goals\n",
          "Every check below is a ratio measured side by side in one run (median of per-round ratios, lowest–highest "
          "round in brackets); the sections after it hold the figures and how each was measured.\n"]
    checks = results.goals
    met = sum(1 for g in checks if g["met"] is True)
    missed = [g for g in checks if g["met"] is False]
    open_ = sum(1 for g in checks if g["met"] is None)
    md.append(f"**{met} of {len(checks)} checks met, {len(missed)} missed"
              + (f", {open_} without a verdict (too few rounds)" if open_ else "") + ".**\n")
    md.append("| goal | check | value | target | verdict |")
    md.append("|---|---|---:|---:|---|")
    for goal in ORDER + sorted({g["goal"] for g in checks} - set(ORDER)):
        rows = [g for g in checks if g["goal"] == goal]
        for i, g in enumerate(rows):
            value = f"**{g['value']:.3g}**" + (f" ({g['lo']:.3g}–{g['hi']:.3g})" if g["lo"] != g["hi"] else "")
            md.append(f"| {goal if i == 0 else ''} | {g['what']} | {value} | {'≤' if g['direction'] == '<=' else '≥'} {g['target']} | "
                      f"{g['verdict']} |")
        if not rows:
            md.append(f"| {goal} | _not run_ | | | |")
    md.append("")
    return md
