"""The phases of compose/tests/hafaults.py: prepare (warm-up, baseline, the queries), the four faults in turn, the
finish (traffic stopped, every sample visible), and the judging (hajudge.py). Times are unix seconds."""
import subprocess
import threading
import time
import urllib.error
import urllib.request

import haload
import hajudge
import hameasure as hm
import promcheck

# The test alert: always true once loaded, routed to the webhook like any warning (alertmanager-ha.yml). Loaded into
# both vmalerts (SIGHUP re-reads the rule files) while a store is down.
TEST_ALERT = "HaTestAlert"
TEST_RULES = f"""groups:
  - name: ha-faults-test
    rules:
      - alert: {TEST_ALERT}
        expr: vector(1)
        labels:
          severity: warning
        annotations:
          summary: "raised by compose/tests/ha-faults while a store is down"
"""
# Queries that cannot have data in this profile, with the reason (the warm-up does not wait for them; they are still
# asked, and must still be answered, throughout).
NO_DATA_HERE = {"engine_daemon_": "the Docker engine's metrics: profile engine",
                "access_log_snapshot_": "the batch job's pushed metrics: profile full (Pushgateway)"}
# (scenario id, title, service killed, how to tell it is back)
FAULTS = [("store", "One store killed", "vmstore-a", "store"),
          ("scraper", "One scraper killed", "vmagent-a", "http://localhost:8429/health"),
          ("vmalert", "One vmalert killed", "vmalert-a", "http://localhost:8880/health"),
          ("alertmanager", "One Alertmanager killed", "alertmanager-a", "alertmanager")]


class Run:
    def __init__(self, o, settings, dc, intervals, default_interval, poll):
        self.o, self.s, self.dc, self.poll = o, settings, dc, poll
        self.intervals, self.default_interval = intervals, default_interval
        self.traffic = self.loop = None
        self.marks, self.phases, self.catch_up, self.alert = {}, [], {}, {}
        (o.rules_dir / "ha-test.yml").write_text("groups: []\n", encoding="utf-8")

    def log(self, text):
        print(f"ha-faults: {text}", flush=True)

    def containers(self):
        """Service -> container id of the HA services the run kills or looks into (ids stay across kill/start)."""
        for service in ("vmstore-a", "vmagent-a", "vmagent-b", "vmalert-a", "vmalert-b", "alertmanager-a"):
            ids = subprocess.run([*self.dc, "ps", "-q", service], capture_output=True, text=True).stdout.split()
            if len(ids) != 1:
                raise RuntimeError(f"{service}: {len(ids)} containers, expected 1")
            hm.CONTAINERS[service] = ids[0]

    def docker(self, *args):
        run = subprocess.run(["docker", *args], capture_output=True, text=True, timeout=120)
        if run.returncode != 0:
            raise RuntimeError(f"docker {' '.join(args)}: {run.stderr.strip()[-500:]}")

    def running(self, service):
        return subprocess.run(["docker", "inspect", "-f", "{{.State.Running}}", hm.CONTAINERS[service]],
                              capture_output=True, text=True).stdout.strip() == "true"

    def gallery_scraped_by_both(self, after):
        return all(hm.last_scrape(self.dc, v, "image-gallery") > after for v in ("vmagent-a", "vmagent-b"))

    # ---- prepare: counters with both codes, a baseline both scrapers have seen, the queries, a round of answers
    def prepare(self):
        metrics = f"{self.o.gallery}/metrics"
        self.containers()
        self.poll("HAProxy answers a query", 120, lambda: hm.query(self.o.query, "up")[0])
        # Warm-up traffic until every dashboard and cookbook query has data through HAProxy (rates need a minute of
        # samples, and VictoriaMetrics shows samples 30 s old): the queries are then judged against answers with data.
        warm = haload.Traffic(*self._gallery_host(), 2).start()
        for base in self.o.not_found:  # the RED board's non-2xx panels of the apps without injected failures
            try:
                urllib.request.urlopen(f"{base}/no-such-page", timeout=10).read()
            except urllib.error.HTTPError as e:
                if e.code != 404:
                    raise RuntimeError(f"{base}/no-such-page answered {e.code}, expected 404") from e
        self.poll("warm-up: every dashboard and cookbook query has data through HAProxy", 150, self._all_have_data)
        self.poll("warm-up: the gallery has counted a 200 and a 500 on /", 60,
                  lambda: {"200", "500"} <= set(hm.scrape_counts(metrics, "image_gallery_requests_total", "/")))
        warm.stop()
        self.marks["quiet"] = time.time()
        self.baseline = hm.scrape_counts(metrics, "image_gallery_requests_total", "/")
        self.poll("both scrapers scrape the gallery after the warm-up", 60,
                  lambda: self.gallery_scraped_by_both(self.marks["quiet"] + 0.5))
        probe = {"offset": 35, "intervals": self.intervals, "default": self.default_interval}
        self.loop = haload.QueryLoop(self.o.query, self.queries, probe, self.marks["quiet"] - 60)
        for name, expr in self.queries:
            self.loop._ask(name, expr)
        self.expect_data = {a[1] for a in self.loop.answers if a[2] and a[3] > 0}
        self.baseline_answers, self.loop.answers = list(self.loop.answers), []
        queries = self.queries
        self.log(f"{len(queries)} queries, {len(self.expect_data)} with data before the faults; baseline {self.baseline}")
        self.loop.start()
        self.marks["start"] = time.time()
        self.traffic = haload.Traffic(*self._gallery_host(), self.s["clients"]).start()
        threading.Event().wait(self.s["steadySeconds"])  # the load's steady stretch before the first fault

    def _all_have_data(self):
        """True when every query has data, bar the Docker engine's (no `engine` profile here) and the client-side
        ones for jobs that call nothing (promcheck's rules); the queries are resolved anew each time."""
        self.queries = haload.dashboard_and_cookbook_queries(self.o.query, hajudge.DASHBOARDS, hajudge.COOKBOOK)
        missing = []
        for name, expr in self.queries:
            if any(f in expr for f in NO_DATA_HERE) or (any(c in expr for c in promcheck.SOME_JOBS_ONLY)
                                            and "[job=image-gallery]" not in name):
                continue
            if not hm.query(self.o.query, expr)[0]:
                missing.append(name)
        if missing:
            raise RuntimeError(f"{len(missing)} queries without data, such as {missing[:3]}")
        return True

    def _gallery_host(self):
        host_port = self.o.gallery.split("//", 1)[1]
        host, port = host_port.rsplit(":", 1)
        return host, int(port)

    # ---- the faults, one after the other
    def faults(self):
        self.catch_up["backlogBeforeFault"] = self._backlog()
        for fid, title, service, back in FAULTS:
            phase = {"id": fid, "title": title, "service": service, "killed": time.time()}
            self.log(f"{title}: docker kill {service}")
            self.docker("kill", hm.CONTAINERS[service])
            if fid == "store":
                self._raise_test_alert()
                self.catch_up["backlogBytesDuringOutage"] = self._backlog()
            threading.Event().wait(max(0.0, phase["killed"] + self.s["outageSeconds"] - time.time()))
            phase["stayedDown"] = not self.running(service)
            self.docker("start", hm.CONTAINERS[service])
            phase["started"] = time.time()
            self.poll(f"{service} healthy again", 120, lambda: self._healthy(service, back))
            phase["healthy"] = time.time()
            if fid == "store":
                self._measure_catch_up(phase)
                self._back_fill(phase)
            self.phases.append(phase)
            self.log(f"{title}: back after {phase['healthy'] - phase['killed']:.0f} s")
        self.phases[-1]["end"] = None

    def _healthy(self, service, back):
        if back == "store":
            return hm.get_json(f"{self.o.store_a}/api/v1/status/tsdb")[0]
        if back == "alertmanager":
            return hm.get_json(f"{self.o.alertmanager_a}/api/v2/status")[0]["cluster"]["status"] == "ready"
        return hm.in_container(self.dc, service, back) is not None

    def _raise_test_alert(self):
        (self.o.rules_dir / "ha-test.yml").write_text(TEST_RULES, encoding="utf-8")
        self.docker("kill", "-s", "HUP", hm.CONTAINERS["vmalert-a"], hm.CONTAINERS["vmalert-b"])
        self.alert["loaded"] = time.time()
        self.poll(f"{TEST_ALERT} at both Alertmanagers", 60,
                  lambda: hm.alertmanager_has(self.o.alertmanager_a, TEST_ALERT)
                  and hm.alertmanager_has(self.o.alertmanager_b, TEST_ALERT))
        self.alert["raised"] = time.time()
        self.log(f"{TEST_ALERT} raised {self.alert['raised'] - self.alert['loaded']:.1f} s after the rule was loaded")

    def _backlog(self):
        return {v: hm.pending_bytes(self.dc, v, 1) for v in ("vmagent-a", "vmagent-b")}

    def _measure_catch_up(self, phase):
        """Seconds from the store's restart until both scrapers' buffers for it are back to their size before the
        fault (plus 64 KiB: a block on its way), sampled as fast as `docker exec` allows."""
        before = self.catch_up.get("backlogBeforeFault", {"vmagent-a": 0, "vmagent-b": 0})
        limit = max(before.values()) + 64 * 1024
        samples = []

        def drained():
            b = self._backlog()
            samples.append((round(time.time() - phase["started"], 1), b))
            return all(v <= limit for v in b.values())
        try:
            self.poll("the scrapers' buffers for the returning store drained", self.s["catchUpDeadlineSeconds"], drained)
            self.catch_up["drainedSeconds"] = round(time.time() - phase["started"], 1)
        except RuntimeError:
            self.catch_up["drainedSeconds"] = None
        self.catch_up["limitBytes"], self.catch_up["samples"] = limit, samples[:20]

    def _back_fill(self, phase):
        """What the killed store had acknowledged but not yet written (VictoriaMetrics keeps the last seconds in
        memory) is gone from it, and no buffer has it: measure that hole, then copy the minute around the crash from
        the other store with VictoriaMetrics' native export and import, as an operator would
        (docs/beyond-one-prometheus.md), before HAProxy puts the store back in rotation."""
        start, end = phase["killed"] - 60, phase["started"] + 5
        hole_end = min(phase["started"], time.time() - 31)  # VictoriaMetrics shows samples 30 s old
        hole = None
        if hole_end > phase["killed"] - 10:
            rows = hm.up_gaps(self.o.store_a, phase["killed"] - 10, hole_end, self.intervals, self.default_interval)
            hole = max(rows, key=lambda r: r["gap"] / r["interval"]) if rows else None
        t0 = time.time()
        size = hm.copy_native(self.o.store_b, self.o.store_a, '{__name__!=""}', start, end)
        self.catch_up["crashHoleBeforeBackFill"] = hole
        self.catch_up["backFill"] = {"bytes": size, "seconds": round(time.time() - t0, 1),
                                     "window": [round(start - phase["killed"]), round(end - phase["killed"])],
                                     "secondsAfterRestart": round(time.time() - phase["started"], 1)}
        self.log(f"back-filled {size} bytes from vmstore-b; the crash hole before it: {hole}")

    # ---- finish: traffic stopped, a last scrape by both, the counters visible through HAProxy, a duplicate's chance
    def finish(self, latency_offset):
        threading.Event().wait(self.s["steadySeconds"])
        self.clients = self.traffic.stop()
        self.marks["trafficStopped"] = time.time()
        self.final = hm.scrape_counts(f"{self.o.gallery}/metrics", "image_gallery_requests_total", "/")
        self.poll("both scrapers scrape the gallery after the traffic", 60,
                  lambda: self.gallery_scraped_by_both(self.marks["trafficStopped"] + 0.5))
        self.marks["end"] = time.time() + 0.5
        want = sum(self.final.values())
        self.poll("the final counts visible through HAProxy", latency_offset + 90,
                  lambda: sum(s[-1][1] for s in hm.raw_samples(self.o.query, 'image_gallery_requests_total{route="/"}',
                              self.marks["start"], self.marks["end"]).values() if s) == want)
        am_back = self.phases[-1]["healthy"]
        threading.Event().wait(max(0.0, am_back + self.s["duplicateWatchSeconds"] - time.time()))
        self.loop.stop()
        self.marks["finished"] = time.time()

    def stop_loads(self):
        if self.traffic is not None and not self.traffic._stop.is_set():
            self.traffic.stop()
        if self.loop is not None and self.loop._thread is not None:
            self.loop.stop()

    def judge(self):
        return hajudge.judge(self)
