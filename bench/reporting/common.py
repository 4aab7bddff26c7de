"""What every section shares: the result files, per-round scores and ratios, and the verdicts against the goals."""
import json
import os
import statistics

MIN_ROUNDS = 5  # a timing ratio gets a verdict only as the median of at least this many per-round ratios
PEERS = {"lucid": "library", "raw": "raw simpleclient", "micrometer": "Micrometer", "clientjava": "client_java 1.x"}


class Results:
    def __init__(self, folder):
        self.folder = folder
        self.goals = []  # every check, in the order the sections made them
        self.summary = {}

    def path(self, name):
        return os.path.join(self.folder, name)

    def exists(self, name):
        return os.path.exists(self.path(name))

    def rounds_of(self, prefix):
        n = 0
        while self.exists(f"{prefix}-r{n + 1}.json"):
            n += 1
        return n

    def load_rounds(self, prefix):
        """{(case, impl, params): [per-round {score, alloc, unit}]} from prefix-r1.json, prefix-r2.json, ...

        A round's score is the median of its measurement iterations (robust to one burst of load)."""
        out = {}
        for r in range(1, self.rounds_of(prefix) + 1):
            for b in json.load(open(self.path(f"{prefix}-r{r}.json"))):
                method = b["benchmark"].rsplit(".", 1)[1]
                case, impl = method.rsplit("_", 1)
                params = tuple(sorted((k, v) for k, v in b.get("params", {}).items() if k != "classpath"))
                iterations = [v for fork in b["primaryMetric"]["rawData"] for v in fork]
                alloc = b.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
                out.setdefault((case, impl, params), []).append(
                    {"score": statistics.median(iterations), "alloc": alloc,
                     "unit": b["primaryMetric"]["scoreUnit"]})
        return out

    def judge(self, goal, what, r, target, lower_is_better=True, min_rounds=MIN_ROUNDS):
        """Records one check of `goal` (r = (median, lo, hi, rounds)) and returns its verdict text."""
        value, lo, hi, n = r
        if n < min_rounds:
            verdict, met = f"no verdict ({n} round{'s' if n != 1 else ''} < {min_rounds})", None
        else:
            met = value <= target if lower_is_better else value >= target
            verdict = "met" if met else "MISSED"
            if lo <= target <= hi and lo != hi:
                verdict += " (spread crosses goal)"
        self.goals.append({"goal": goal, "what": what, "value": round(value, 4), "lo": round(lo, 4),
                           "hi": round(hi, 4), "rounds": n, "target": target,
                           "direction": "<=" if lower_is_better else ">=", "met": met, "verdict": verdict})
        return verdict


OLDER_LAYOUT = "_Results in a layout older than this report (before both backends were measured): rerun this part._\n"


def lucid_key(case, backend, params=(), impl="lucid"):
    """The load_rounds key of a library method on `backend` (its @Param), beside a peer's (case, impl, params)."""
    return case, impl, tuple(sorted(params + (("backend", backend),)))


def score(runs, key="score"):
    return statistics.median(x[key] for x in runs)


def ratio(a, b, key="score"):
    """Median of the per-round ratios a/b, their min and max, and the number of rounds (paired by number)."""
    rs = [x[key] / y[key] for x, y in zip(a, b)]
    return statistics.median(rs), min(rs), max(rs), len(rs)


def ratio_of_lists(xs):
    return statistics.median(xs), min(xs), max(xs), len(xs)


def fmt_ratio(r, digits=2):
    return f"**{r[0]:.{digits}f}** ({r[1]:.{digits}f}–{r[2]:.{digits}f})"


def num(x, digits=1):
    return f"{x:,.{digits}f}"
