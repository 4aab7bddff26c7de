"""The rules of the run, written at the top of the report from the settings each part actually ran with
(settings.json, written by bench/run.sh at the end of each part) and the commits in parts.csv."""
import csv
import json
import subprocess

from .common import MIN_ROUNDS

# What each part's settings mean, worded once: (part, [(setting, what it is)]).
PART_SETTINGS = [
    ("hotpath", [("HOT_OPTS", "JMH options per round"), ("HOT_ROUNDS", "rounds"), ("HOT_THREADS", "threads"),
                 ("HOT_JAVAS", "JDKs"), ("OTEL_ROUNDS", "rounds with OpenTelemetry on the class path")]),
    ("adder", [("HOT_OPTS", "JMH options per round"), ("ADDER_ROUNDS", "rounds"), ("PROFILE_OPTS", "JFR run")]),
    ("scrape", [("SCRAPE_OPTS", "JMH options per round (+ `-prof gc`, `-Xmx2g`)"), ("SCRAPE_ROUNDS", "rounds"),
                ("SCRAPE_SIZES", "series")]),
    ("native", [("NATIVE_OPTS", "JMH options per round (the scrape with `-prof gc`)"), ("NATIVE_ROUNDS", "rounds"),
                ("NATIVE_THREADS", "threads (observe)"), ("NATIVE_SIZES", "histogram series (scrape)")]),
    ("integrations", [("HOT_OPTS", "JMH options per round (1 thread)"), ("INTEGRATION_ROUNDS", "rounds")]),
    ("growth", [("SCRAPE_OPTS", "JMH options per scrape round (+ `-prof gc`, `-Xmx4g`)"), ("HOT_OPTS",
                "JMH options per lookup round"), ("GROWTH_ROUNDS", "rounds"), ("GROWTH_SIZES", "series"),
                ("LOOKUP_CHILDREN", "children")]),
    ("http", [("HTTP_ROUNDS", "rounds"), ("WRK_SECONDS", "seconds of wrk per run (after 3 s of warm-up)"),
              ("HTTP_BACKENDS", "backends")]),
    ("heap", [("HEAP_ROUNDS", "runs"), ("HEAP_SERIES", "series"), ("HEAP_JAVAS", "JDKs")]),
    ("startup", [("STARTUP_ROUNDS", "rounds"), ("STARTUP_JAVAS", "JDKs"), ("STARTUP_ARCHIVES", "archives"),
                 ("TWIN_CONFIGS", "JVM settings")]),
    ("library", [("LIB_ROUNDS", "rounds"), ("LIB_JAVAS", "JDKs"), ("LIB_BACKENDS", "backends"),
                 ("LIB_SHARES", "class-data sharing (off: `-Xshare:off`; jdk: the JDK's default CDS archive, "
                  "`-Xshare:on`)")]),
]


def library_commits(commits):
    """The commits among `commits` that differ in more than bench/ from every earlier one: one means the parts
    measured one library. Falls back to all of them when git cannot tell (no repository, unknown commit)."""
    distinct = []
    for c in commits:
        try:
            same = next((d for d in distinct if not subprocess.run(
                ["git", "diff", "--quiet", d, c, "--", ".", ":(exclude)bench"], capture_output=True).returncode), None)
        except OSError:
            return commits
        if same is None:
            distinct.append(c)
    return distinct


def section(results):
    settings = json.load(open(results.path("settings.json"))) if results.exists("settings.json") else {}
    parts = list(csv.DictReader(open(results.path("parts.csv")))) if results.exists("parts.csv") else []
    commits = sorted({p["git"] for p in parts})
    md = ["## Rules of the run\n",
          "Fixed before the run and applied by `bench/report.py`, not by hand:\n",
          f"1. **A goal is met when the median of the per-round ratios meets it**, over N rounds: N is each "
          f"part's rounds as listed below; a timing ratio from fewer than {MIN_ROUNDS} rounds gets no verdict "
          "(bytes — heap, allocation per scrape — do not move with the machine's load and are judged from every "
          "run). Inside a round the compared implementations "
          "run back to back (JMH orders them by name) or alternate (ABBA…, for the servers), so each ratio compares "
          "measurements seconds apart.",
          "2. **Every run is kept**: every round's result file in `bench/results/` enters the median; none is "
          "dropped as an outlier. **No choosing among reruns**: rerunning a part (`ONLY=part bench/run.sh`) "
          "replaces all of that part's rounds, and `parts.csv` records when it ran.",
          "3. **The settings are those of `bench/run.sh`**, listed below as each part actually ran; a part never "
          "runs shorter to fit a sitting — the run is split into parts (`ONLY=`) on **one commit** instead.",
          "4. **The load average before and after each part is recorded** (the table under *Machine and run*).\n"]
    library = library_commits(commits)
    if len(commits) == 1:
        md.append(f"Every part below ran on commit `{commits[0]}`.\n")
    elif len(library) == 1:
        base = max(commits, key=lambda c: sum(p["git"] == c for p in parts))  # the commit most parts ran at
        others = ", ".join(f"`{c}`" for c in commits if c != base)
        md.append(f"Every part below measured the library at commit `{base}`: the parts that ran at {others} ran "
                  f"commits that differ from `{base}` under `bench/` only (`git diff --stat {base} <commit>` "
                  "lists no other path), so the code under test is the same.\n")
    elif commits:
        md.append(f"**The parts ran on {len(commits)} commits ({', '.join(commits)})**: these figures are not of "
                  "record until every part runs on one.\n")
    md.append("| part | settings it ran with |")
    md.append("|---|---|")
    for part, names in PART_SETTINGS:
        used = settings.get(part)
        cell = "; ".join(f"{what}: `{used[name]}`" for name, what in names if name in used) if used else "_not run_"
        md.append(f"| {part} | {cell} |")
    md.append("")
    return md
