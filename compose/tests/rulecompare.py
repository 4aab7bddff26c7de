#!/usr/bin/env python3
"""Every rule expression of the stack asked of Prometheus and of VictoriaMetrics at the same instant, the answers
compared series by series (used by compose/tests/e2e-local: the `ha` profile's vmalerts evaluate these rule files
against VictoriaMetrics, so MetricsQL must give them the meaning PromQL does). Stdlib and PyYAML.

  rulecompare.py PROM_URL VM_URL RULE_FILE...

Judged: VictoriaMetrics answers every expression (no parse error); both return the same series (label sets), but
that MetricsQL leaves out a series whose value is NaN where PromQL returns it (0/0: a ratio over a route that had
no requests in the window); expressions without a range function return the same values. Expressions over a range (rate, increase,
*_over_time, and what is built on them) may differ in value, because MetricsQL's rate/increase do not extrapolate
to the window's edges and take the sample before the window into account: each such difference is printed with its
size, for docs/beyond-one-prometheus.md. Exit 1 on a finding.
"""
import math
import re
import sys
import time

import yaml

import promcheck

RANGE = re.compile(r"\[[^\]]+\]")


def answer(base, expr, at):
    result = promcheck.api(base, "query", query=expr, time=f"{at:.3f}")["result"]
    return {tuple(sorted((k, v) for k, v in s["metric"].items() if k != "__name__")): float(s["value"][1])
            for s in result}


def relative(a, b):
    if a == b:
        return 0.0
    return abs(a - b) / max(abs(a), abs(b), 1e-12)


def main(argv):
    prom, vm, files = argv[0].rstrip("/"), argv[1].rstrip("/"), argv[2:]
    at = time.time() - 10  # both have every sample up to here (VictoriaMetrics runs with -search.latencyOffset=1s)
    rules = [r for f in files for g in yaml.safe_load(open(f, encoding="utf-8"))["groups"] for r in g["rules"]]
    findings, differ, equal = [], [], 0
    for r in rules:
        name = r.get("record") or r.get("alert")
        expr = " ".join(r["expr"].split())
        try:
            p = answer(prom, expr, at)
        except Exception as e:
            findings.append(f"{name}: Prometheus refused it: {e}")
            continue
        try:
            v = answer(vm, expr, at)
        except Exception as e:
            findings.append(f"{name}: VictoriaMetrics refused it: {e}")
            continue
        nan = [k for k in set(p) - set(v) if math.isnan(p[k])]
        for k in nan:
            del p[k]
        if nan:
            print(f"nan     {name}: {len(nan)} series NaN in Prometheus, left out by VictoriaMetrics ({dict(nan[0])})")
        if set(p) != set(v):
            findings.append(f"{name}: series differ: Prometheus {len(p)} {sorted(set(p) - set(v))[:2]}, "
                            f"VictoriaMetrics {len(v)} {sorted(set(v) - set(p))[:2]}")
            continue
        worst, key = max(((relative(p[k], v[k]), k) for k in p), default=(0.0, None))
        if worst <= 1e-9:
            equal += 1
            print(f"equal   {name}: {len(p)} series")
        elif RANGE.search(expr):
            differ.append((name, worst))
            print(f"differs {name}: {len(p)} series, largest relative difference {worst:.1%} (a range function): "
                  f"{dict(key)} Prometheus {p[key]:.6g}, VictoriaMetrics {v[key]:.6g}")
        else:
            findings.append(f"{name}: no range function, yet values differ by up to {worst:.1%}")
    for f in findings:
        print("FAIL    " + f)
    print(f"rulecompare: {len(rules)} rule expressions, {equal} equal, {len(differ)} differ in value over a range "
          f"({', '.join(f'{n} {w:.1%}' for n, w in differ) or 'none'}), {len(findings)} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
