#!/usr/bin/env python3
"""Results files: one JSON file per test step in RESULTS_DIR (default target/test-results), the only thing the
closing summary of scripts/test-all and compose/tests/run-all reads. The format is described in scripts/README.md.

  results.py write NAME PASSED FAILED SKIPPED SECONDS [REASON [FAILED_CHECK...]]   a step's own counts
  results.py surefire NAME SECONDS ROOT      the counts of every Surefire report (TEST-*.xml) under ROOT (also in
                                            surefire-reports-client-java: a module's run on that backend)
  results.py exit NAME STATUS SECONDS        after a step ran: records its exit status; a step that exited
                                             without writing its file gets a failed one saying so
  results.py summary [NAME...]               one line per step (default: every file, oldest first), a total;
                                             exit 1 when a step failed or is missing
Standard library only.
"""
import json
import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

DIR = Path(os.environ.get("RESULTS_DIR") or Path(__file__).resolve().parents[2] / "target" / "test-results")


def path(name):
    return DIR / f"{name}.json"


def save(result):
    DIR.mkdir(parents=True, exist_ok=True)
    tmp = path(result["name"]).with_suffix(".tmp")
    tmp.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path(result["name"]))


def count(value, what):
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise SystemExit(f"results.py: {what} must be a whole number >= 0, got {value!r}")
    return n


def make(name, passed, failed, skipped, seconds, reason="", failures=()):
    if not name or "/" in name:
        raise SystemExit(f"results.py: step name {name!r} must be a plain file name such as e2e-local")
    status = "failed" if failed else ("skipped" if passed == 0 else "passed")
    if (status == "skipped" or skipped) and not reason:
        raise SystemExit(f"results.py: {name} skipped checks or ran none: give the reason (e.g. \"SKIP_DOCKER=1\")")
    result = {"name": name, "status": status, "passed": passed, "failed": failed, "skipped": skipped,
              "seconds": seconds}
    if reason:
        result["reason"] = reason
    if failures:
        result["failures"] = list(failures)
    return result


def write(args):
    if len(args) < 5:
        raise SystemExit("usage: results.py write NAME PASSED FAILED SKIPPED SECONDS [REASON [FAILED_CHECK...]]")
    name, nums = args[0], [count(v, w) for v, w in zip(args[1:5], ("PASSED", "FAILED", "SKIPPED", "SECONDS"))]
    save(make(name, *nums, args[5] if len(args) > 5 else "", args[6:]))


def surefire(args):
    name, seconds, root = args[0], count(args[1], "SECONDS"), Path(args[2])
    passed = failed = skipped = 0
    failures, skips = [], []
    reports = sorted(root.glob("**/target/surefire-reports*/TEST-*.xml"))   # -client-java: a second run
    for report in reports:
        for case in ET.parse(report).getroot().iter("testcase"):
            test = f"{case.get('classname', '?').rsplit('.', 1)[-1]}.{case.get('name', '?')}"
            if case.find("failure") is not None or case.find("error") is not None:
                failed += 1
                failures.append(test)
            elif (skip := case.find("skipped")) is not None:
                skipped += 1
                skips.append(f"{test}: {skip.get('message') or 'disabled'}")
            else:
                passed += 1
    reason = "; ".join(skips[:3]) + (f"; and {len(skips) - 3} more" if len(skips) > 3 else "")
    if not reports:
        failed, reason = 1, f"no Surefire report under {root}/**/target/surefire-reports"
    save(make(name, passed, failed, skipped, seconds, reason, failures))


def exit_status(args):
    name, status, seconds = args[0], count(args[1], "STATUS"), count(args[2], "SECONDS")
    if path(name).exists():
        result = json.loads(path(name).read_text(encoding="utf-8"))
    else:
        result = make(name, 0, 1, 0, seconds, failures=[f"exited (status {status}) without writing {path(name)}"])
    result["exit"] = status
    if status != 0 and result["status"] != "failed":
        result["status"] = "failed"
        result.setdefault("failures", []).append(f"exit status {status} although its checks passed")
    save(result)


def summary(names):
    if not names:
        names = [p.stem for p in sorted(DIR.glob("*.json"), key=lambda p: p.stat().st_mtime)]
    totals = {"passed": 0, "failed": 0, "skipped": 0}
    bad, skipped_steps = [], []
    print(f"{'':6}{'step':14}{'passed':>7}{'failed':>7}{'skipped':>8}{'s':>6}")
    for name in names:
        if not path(name).exists():
            print(f"FAIL  {name:14} no results file {path(name)}: the step did not run or stopped early")
            bad.append(name)
            continue
        r = json.loads(path(name).read_text(encoding="utf-8"))
        for k in totals:
            totals[k] += r[k]
        print(f"{r['status'][:4].upper():6}{name:14}{r['passed']:7}{r['failed']:7}{r['skipped']:8}{r['seconds']:6}"
              + (f"  {r['reason']}" if r.get("reason") else ""))
        for f in r.get("failures", [])[:10]:
            print(f"{'':8}failed: {f}")
        if r["status"] == "failed":
            bad.append(name)
        elif r["status"] == "skipped":
            skipped_steps.append(f"{name} skipped: {r['reason']}")
    line = f"{totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped"
    print(line + "".join(f"; {s}" for s in skipped_steps) + (f"; failed steps: {' '.join(bad)}" if bad else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in ("write", "surefire", "exit", "summary"):
        raise SystemExit(__doc__)
    command, rest = sys.argv[1], sys.argv[2:]
    sys.exit({"write": write, "surefire": surefire, "exit": exit_status, "summary": summary}[command](rest))
