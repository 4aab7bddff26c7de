"""Section 6: start to first 200 and RSS of demo-iotd, the Spring twin and the bare-JDK floor, with and without
class-data sharing, on JDK 17 and 25."""
import csv
import statistics

from . import goals
from .common import num, ratio_of_lists

APPS = [("iotd", "demo-iotd"), ("spring", "Spring twin"), ("floor", "floor: bare JDK HttpServer hello world")]
ARCHIVES = [("none", "JDK's CDS only"), ("app", "app archive")]
FLAGS = {"default": "plain `java -jar` (G1, max heap ¼ of RAM)", "small": "`-Xmx128m -XX:+UseSerialGC` for all"}
ARCHIVE_KIND = {"17": "dynamic CDS archive (`-XX:ArchiveClassesAtExit`, run with `-XX:SharedArchiveFile -Xshare:on`)",
                "25": "AOT cache (`-XX:AOTCacheOutput`, run with `-XX:AOTCache -XX:AOTMode=on`)"}
RATIOS = [("start_ms", "floor", "start, demo-iotd ÷ floor", goals.START, 1.5),
          ("start_ms", "spring", "start, demo-iotd ÷ Spring twin", goals.START, 0.15),
          ("rss_kb", "floor", "RSS, demo-iotd ÷ floor", goals.RSS, 1.15),
          ("rss_kb", "spring", "RSS, demo-iotd ÷ Spring twin", None, None)]


def section(results):
    md = ["## 6. Start-up and memory: demo-iotd, a Spring Boot twin and the JVM floor\n",
          "`bench/spring-twin` serves the same `GET /image` (same catalogue, same 2-hour cache, an image-load "
          "counter and timer) with Spring Boot 4.0.7, Spring MVC on embedded Tomcat, Actuator and Micrometer's "
          "Prometheus registry, run from the layout `-Djarmode=tools extract` makes. The floor is a hello-world JDK "
          "`HttpServer` alone in its jar. Every app runs under the same JVM flags, first with only the JDK's own "
          "CDS archive and then with an app archive built by `scripts/cds-archive` for that JDK and those flags: "
          "demo-iotd's and the floor's training runs serve 100 requests, the twin's stops at context refresh "
          "(`-Dspring.context.exit=onRefresh`, Spring Boot's documented training run). Both modes run so that an "
          "unusable archive stops the JVM (`-Xshare:on`; `-XX:AOTMode=on` for an AOT cache). Each run: launch, poll "
          "every 10 ms until the first 200 (start time, from the launch, measured by the script), 1,000 sequential "
          "requests with one curl (`Connection: close`), read `VmRSS`, stop; the apps alternate. The goals are "
          "judged with the app archives.\n"]
    if not results.exists("startup.csv"):
        return md + ["_Not run._\n"] + reproduce()
    rows = list(csv.DictReader(open(results.path("startup.csv"))))
    jars = {r["app"]: r for r in csv.DictReader(open(results.path("jars.csv")))} if results.exists("jars.csv") else {}
    for jdk in dict.fromkeys(r["jdk"] for r in rows):
        for config in dict.fromkeys(r["config"] for r in rows if r["jdk"] == jdk):
            md += one_setting(results, jdk, config, [r for r in rows if r["jdk"] == jdk and r["config"] == config])
    if jars:
        md.append("What each app needs on disk: " + "; ".join(
            f"{label.split(':')[0]} {num(int(jars[a]['jar_bytes']) / 1048576, 2)} MiB ({jars[a]['jar']})"
            for a, label in APPS if a in jars) + ".\n")
    return md + reproduce()


def one_setting(results, jdk, config, rows):
    archives = [(a, label) for a, label in ARCHIVES if any(r["archive"] == a for r in rows)]
    md = [f"### JDK {jdk}, {FLAGS.get(config, config)}\n"]
    if any(a == "app" for a, _ in archives):
        md.append(f"App archive: {ARCHIVE_KIND.get(jdk, 'the archive scripts/cds-archive builds for this JDK')}.\n")
    med = lambda app, arch, col: statistics.median(float(r[col]) for r in rows
                                                   if r["app"] == app and r["archive"] == arch)
    md.append("| app | " + " | ".join(f"start ms, {label}" for _, label in archives) + " | "
              + " | ".join(f"RSS MiB, {label}" for _, label in archives) + " |")
    md.append("|---|" + "---:|" * (2 * len(archives)))
    for app, label in APPS:
        md.append(f"| {label} | " + " | ".join(num(med(app, a, "start_ms"), 0) for a, _ in archives) + " | "
                  + " | ".join(num(med(app, a, "rss_kb") / 1024) for a, _ in archives) + " |")
    md.append("")
    md.append("| ratio (median of per-round ratios) | " + " | ".join(label for _, label in archives)
              + " | goal | verdict |")
    md.append("|---|" + "---:|" * len(archives) + "---:|---|")
    for col, peer, label, goal, target in RATIOS:
        cells, verdict = [], ""
        for arch, _ in archives:
            r = ratio_of_lists(per_round(rows, arch, col, peer))
            cells.append(f"**{r[0]:.3f}** ({r[1]:.3f}–{r[2]:.3f})")
            if goal and arch == "app":
                verdict = results.judge(goal, f"{label}, JDK {jdk}, {config} flags, app archives", r, target)
        md.append(f"| {label} | " + " | ".join(cells) + f" | {'≤ ' + str(target) if target else '—'} | {verdict} |")
    bad = [r for r in rows if int(r["ok_requests"]) != 1000]
    rounds = len({r["round"] for r in rows})
    md.append(f"\n{rounds} rounds; every run answered 1,000 × 200" + ("." if not bad else f" except: {bad}.") + "\n")
    results.summary.setdefault("startup", {})[f"{jdk}/{config}"] = {
        arch: {col + "/" + peer: per_round(rows, arch, col, peer) for col, peer, *_ in RATIOS} for arch, _ in archives}
    return md


def per_round(rows, archive, col, peer):
    by_round = {}
    for r in rows:
        if r["archive"] == archive:
            by_round.setdefault(r["round"], {})[r["app"]] = r
    return [float(v["iotd"][col]) / float(v[peer][col]) for v in by_round.values() if "iotd" in v and peer in v]


def reproduce():
    return ["Reproduce: `ONLY=startup bench/run.sh` (`STARTUP_ROUNDS`, `STARTUP_JAVAS`, `TWIN_CONFIGS`, "
            "`STARTUP_ARCHIVES`, `IOTD_PORT`, `TWIN_PORT`, `BENCH_PORT`). One archive by hand: `PORT=8011 "
            "scripts/cds-archive demo-iotd/target/demo-iotd.jar http://127.0.0.1:8011/image iotd.jsa`, then "
            "`java $(scripts/cds-archive --flags iotd.jsa) -jar demo-iotd/target/demo-iotd.jar` (`JAVA=` picks the "
            "JDK; on 24+ it builds an AOT cache).\n"]
