"""The two loads of compose/tests/hafaults.py, each in threads of its own until stopped (stdlib only).

  Traffic     closed-loop clients on the gallery's GET / over keep-alive connections, counting every complete
              response by status and every request that got none by its error, so the clients' count can be
              compared with the stored counter exactly
  QueryLoop   every dashboard panel query (variables resolved as Grafana would) and every cookbook query, again and
              again through HAProxy, each answer recorded with its time, the store that served it (HAProxy's
              X-Store header) and whether it had data; plus, each round, the longest gap of `up` a reader sees then
"""
import http.client
import threading
import time

import dashboards as dash
import hameasure
import promcheck


class Traffic:
    def __init__(self, host, port, clients):
        self.host, self.port, self.clients = host, port, clients
        self.by_status, self.errors = {}, {}
        self._lock, self._stop, self._threads = threading.Lock(), threading.Event(), []

    def _count(self, table, key):
        with self._lock:
            table[key] = table.get(key, 0) + 1

    def _client(self):
        conn = None
        while not self._stop.is_set():
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(self.host, self.port, timeout=15)
                conn.request("GET", "/")
                r = conn.getresponse()
                r.read()
                self._count(self.by_status, str(r.status))
                if r.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException) as e:
                self._count(self.errors, type(e).__name__)
                if conn is not None:
                    conn.close()
                conn = None
        if conn is not None:
            conn.close()

    def start(self):
        self._threads = [threading.Thread(target=self._client, daemon=True) for _ in range(self.clients)]
        for t in self._threads:
            t.start()
        return self

    def stop(self):
        self._stop.set()
        for t in self._threads:
            t.join(30)
        return {"responsesByStatus": dict(sorted(self.by_status.items())), "withoutResponse": dict(self.errors),
                "requests": sum(self.by_status.values()) + sum(self.errors.values())}


def dashboard_and_cookbook_queries(base, dashboards_dir, cookbook):
    """[(name, expr)]: every panel query of every dashboard for every $job value, then every cookbook query (the
    classic ones: the stores of the ha profile hold no native histograms)."""
    out = []
    for fname, board in dash.load(dashboards_dir):
        for job in promcheck.job_values(base, board):
            values = promcheck.resolve_variables(base, board, job)
            for row, title, ref, expr in dash.queries(board, "prometheus"):
                out.append((f"{fname} [job={values.get('job')}] {row}/{title}/{ref}", dash.substitute(expr, values)))
    out += [(f"cookbook {q}", q) for q in promcheck.cookbook_queries(cookbook)]
    return out


class QueryLoop:
    """Runs the queries through base until stopped. Each answer: (time, name, answered, series, store, seconds)."""

    def __init__(self, base, queries, gap_probe, not_before):
        self.base, self.queries, self.gap_probe, self.not_before = base, queries, gap_probe, not_before
        self.answers, self.probes, self.rounds = [], [], 0
        self._stop, self._thread = threading.Event(), None

    def _ask(self, name, expr):
        t0 = time.time()
        try:
            result, headers = hameasure.query(self.base, expr, timeout=15)
            self.answers.append((t0, name, True, len(result), headers.get("X-Store") or "?", time.time() - t0))
        except Exception as e:  # an HTTP error, a timeout, a refused connection: not answered
            self.answers.append((t0, name, False, 0, type(e).__name__, time.time() - t0))

    def _probe(self):
        """The longest gap of any target's `up` a reader sees now, in the 2 minutes before the latency offset."""
        now = time.time()
        start, end = max(now - 150, self.not_before), now - self.gap_probe["offset"]
        if end - start < 30:
            return
        try:
            rows = hameasure.up_gaps(self.base, start, end, self.gap_probe["intervals"], self.gap_probe["default"])
            worst = rows[0] if rows else None
            self.probes.append((now, worst))
        except Exception as e:
            self.probes.append((now, {"error": type(e).__name__}))

    def _run(self):
        while not self._stop.is_set():
            for name, expr in self.queries:
                if self._stop.is_set():
                    return
                self._ask(name, expr)
            self._probe()
            self.rounds += 1

    def start(self):
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self._stop.set()
        self._thread.join(60)

    def between(self, start, end):
        return [a for a in self.answers if start <= a[0] < end], [p for p in self.probes if start <= p[0] < end]
