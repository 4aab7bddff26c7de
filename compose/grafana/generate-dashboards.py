#!/usr/bin/env python3
"""Writes the provisioned Grafana dashboards (compose/grafana/dashboards/*.json) from one description.

    python3 compose/grafana/generate-dashboards.py           # rewrite the JSON files
    python3 compose/grafana/generate-dashboards.py --check   # exit 1 if the committed JSON is out of date

Only the standard library: the JSON is Grafana's dashboard model (schemaVersion 39), with `timeseries` and
`stat` panels (no Angular panels), the datasource pinned as {"type": "prometheus", "uid": "prometheus"} (the
overview's native-histogram row: {"type": "prometheus", "uid": "native"}, the Prometheus of the `native` profile),
template variables from label_values() and rate(...[$__rate_interval]) everywhere.
"""
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "dashboards"
DS = {"type": "prometheus", "uid": "prometheus"}
# The Prometheus that stores native histograms (compose profile `native`; grafana/provisioning/datasources/native.yaml).
NATIVE_DS = {"type": "prometheus", "uid": "native"}
APP_JOBS = "image-gallery|iotd-api|access-log"


class Board:
    def __init__(self, uid, title, tags, description):
        self.uid, self.title, self.tags, self.description = uid, title, tags, description
        self.panels, self.variables = [], []
        self._next_id, self._x, self._y, self._row_h = 1, 0, 0, 0

    def var(self, name, label, query, multi=False, include_all=False):
        # No `current` unless it names a choice: the model's VariableOption needs text and value, so an empty one
        # is invalid (compose/tests/schemas); without it Grafana selects the first value the query returns.
        current = {"current": {"selected": True, "text": ["All"], "value": ["$__all"]}} if include_all else {}
        v = {
            "type": "query", "name": name, "label": label, "datasource": DS,
            "definition": query,
            "query": {"query": query, "refId": "PrometheusVariableQueryEditor-VariableQuery"},
            "refresh": 2, "sort": 1, "multi": multi, "includeAll": include_all,
            **current, "options": [], "hide": 0, "regex": "", "skipUrlSync": False,
        }
        if include_all:
            v["allValue"] = ".*"
        self.variables.append(v)

    def row(self, title):
        self._newline()
        self.panels.append({"type": "row", "id": self._id(), "title": title, "collapsed": False,
                            "gridPos": {"h": 1, "w": 24, "x": 0, "y": self._y}, "panels": []})
        self._y += 1

    def timeseries(self, title, targets, unit="short", w=8, h=8, description="", stack=False, exemplar=False, ds=DS):
        fc = {"defaults": {"unit": unit, "min": 0,
                           "custom": {"drawStyle": "line", "lineWidth": 1, "fillOpacity": 10,
                                      "showPoints": "never", "spanNulls": False,
                                      "stacking": {"mode": "normal" if stack else "none", "group": "A"}}},
              "overrides": []}
        opts = {"legend": {"displayMode": "list", "placement": "bottom", "showLegend": True},
                "tooltip": {"mode": "multi", "sort": "desc"}}
        self._panel("timeseries", title, targets, fc, opts, w, h, description, exemplar, ds)

    def stat(self, title, targets, unit="short", w=4, h=4, description="", text_mode="auto", decimals=None, ds=DS):
        defaults = {"unit": unit, "color": {"mode": "thresholds"},
                    "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": None}]}}
        if decimals is not None:
            defaults["decimals"] = decimals
        opts = {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                "colorMode": "value", "graphMode": "area", "justifyMode": "auto", "orientation": "auto",
                "textMode": text_mode}
        self._panel("stat", title, targets, {"defaults": defaults, "overrides": []}, opts, w, h, description,
                    ds=ds)

    def _panel(self, kind, title, targets, field_config, options, w, h, description, exemplar=False, ds=DS):
        if self._x + w > 24:
            self._newline()
        ts = []
        for i, t in enumerate(targets):
            expr, legend = t if isinstance(t, tuple) else (t, "")
            ts.append({"refId": chr(ord("A") + i), "datasource": ds, "expr": expr, "legendFormat": legend,
                       "range": True, "instant": False, "editorMode": "code"})
            if exemplar:
                ts[-1]["exemplar"] = True
        self.panels.append({"type": kind, "id": self._id(), "title": title, "description": description,
                            "datasource": ds, "gridPos": {"h": h, "w": w, "x": self._x, "y": self._y},
                            "targets": ts, "fieldConfig": field_config, "options": options})
        self._x += w
        self._row_h = max(self._row_h, h)

    def _newline(self):
        if self._x:
            self._y += self._row_h
        self._x, self._row_h = 0, 0

    def _id(self):
        self._next_id += 1
        return self._next_id - 1

    def json(self):
        return {
            "uid": self.uid, "title": self.title, "tags": self.tags, "description": self.description,
            "editable": True, "graphTooltip": 1, "schemaVersion": 39, "version": 1, "refresh": "10s",
            "time": {"from": "now-30m", "to": "now"}, "timezone": "browser", "fiscalYearStartMonth": 0,
            "liveNow": False, "weekStart": "", "links": [],
            "annotations": {"list": [{
                "builtIn": 1, "datasource": {"type": "grafana", "uid": "-- Grafana --"}, "enable": True,
                "hide": True, "iconColor": "rgba(0, 211, 255, 1)", "name": "Annotations & Alerts",
                "type": "dashboard"}]},
            "templating": {"list": self.variables},
            "panels": self.panels,
        }


IN_FLIGHT = ("Requests the HTTP metrics filter holds now, from when it takes a request to the complete response. In "
             "the demos the filter comes first, so requests waiting for one of the HTTP_THREADS turns count: above "
             "HTTP_THREADS, requests queue. /health and the scrape path are not counted.")
DURATION = ("From when the HTTP metrics filter takes the request to its complete response. In the demos the filter "
            "comes first, so the wait for an HTTP_THREADS turn is included.")


def app_row(b, title, job, ns, extra):
    """One row per app: requests by code, in-flight, p99 by route, heap, threads, then app-specific panels."""
    sel = f'job="{job}", instance=~"$instance"'
    b.row(title)
    b.timeseries("Requests by status code",
                 [(f'sum by (code) (rate({ns}_requests_total{{{sel}}}[$__rate_interval]))', "{{code}}")],
                 unit="reqps", stack=True)
    b.timeseries("In-flight requests",
                 [(f'sum by (instance) ({ns}_in_flight_requests{{{sel}}})', "{{instance}}")], description=IN_FLIGHT)
    b.timeseries("Latency p99 by route",
                 [(f'histogram_quantile(0.99, sum by (route, le) '
                   f'(rate({ns}_request_duration_seconds_bucket{{{sel}}}[$__rate_interval])))', "{{route}}")],
                 unit="s", description=DURATION)
    b.timeseries("Heap in use",
                 [(f'sum by (instance) (jvm_memory_bytes_used{{{sel}, area="heap"}})', "{{instance}} used"),
                  (f'sum by (instance) (jvm_memory_bytes_max{{{sel}, area="heap"}})', "{{instance}} max")],
                 unit="bytes")
    b.timeseries("Live threads", [(f'sum by (instance) (jvm_threads_current{{{sel}}})', "{{instance}}")])
    b.timeseries("GC time share",
                 [(f'sum by (instance) (rate(jvm_gc_collection_seconds_sum{{{sel}}}[$__rate_interval]))',
                   "{{instance}}")], unit="percentunit")
    b.timeseries("Log events by level",
                 [(f'sum by (level) (rate({ns}_log_events_total{{{sel}}}[$__rate_interval]))', "{{level}}")],
                 unit="ops", w=8, stack=True,
                 description="Log lines written per second, by level (LogEventMetrics): a burst of errors here is "
                             "what the LogErrorBurst alert watches.")
    extra(b, sel)


def overview():
    b = Board("lucid-gallery-overview", "Image Gallery — overview", ["lucid-metrics", "demo"],
              "The demo system at a glance: the three apps (HTTP, JVM, app metrics) and the Docker engine.")
    b.var("instance", "Instance", f'label_values(up{{job=~"{APP_JOBS}"}}, instance)', multi=True, include_all=True)

    def gallery(b, sel):
        b.stat("200 responses", [('sum(image_gallery_requests_total{code="200"}) without (instance)', "{{method}} {{route}}")],
               description="The seeds' query: completed 200 responses since start, per method and route.")
        b.stat("In flight now", [("sum(image_gallery_in_flight_requests) without (instance)", "")],
               description=IN_FLIGHT)
        b.timeseries("Calls to iotd and access-log",
                     [(f'sum by (target, code) (rate(image_gallery_client_requests_total{{{sel}}}[$__rate_interval]))',
                       "{{target}} {{code}}"),
                      (f'sum by (target, reason) (rate(image_gallery_client_calls_skipped_total{{{sel}}}[$__rate_interval]))',
                       "{{target}} skipped: {{reason}}")], unit="reqps", w=8,
                     description="Calls made, by status (or timeout/error), and calls skipped: iotd's while its "
                                 "circuit is open after timeouts, visits while 128 are already on their way.")
        b.timeseries("Downstream latency p99",
                     [(f'histogram_quantile(0.99, sum by (target, le) (rate('
                       f'image_gallery_client_request_duration_seconds_bucket{{{sel}}}[$__rate_interval])))',
                       "{{target}}")], unit="s", w=8)
        b.timeseries("Page duration p99, with trace ids (exemplars)",
                     [(f'histogram_quantile(0.99, sum by (le) (rate('
                       f'image_gallery_request_duration_seconds_bucket{{{sel}}}[$__rate_interval])))', "p99")],
                     unit="s", w=24, exemplar=True,
                     description="Each dot is one page's duration with its trace_id (a Prometheus exemplar): hover "
                                 "it for the id, then search the apps' JSON log lines for that trace_id. The same "
                                 "id is in iotd's and access-log's lines for that page.")

    def iotd(b, sel):
        b.timeseries("Image loads: source vs cache",
                     [(f'sum by (status) (rate(iotd_api_image_load_total{{{sel}}}[$__rate_interval]))', "{{status}}")],
                     unit="ops", w=12)
        b.stat("Loads served from cache", [('sum(iotd_api_image_load_total{status="cached"}) without (instance)', "")],
               description="The seeds' query: cached image loads since start.", w=6)
        b.stat("Loads fetched from source", [('sum(iotd_api_image_load_total{status="success"}) without (instance)', "")], w=6)

    def accesslog(b, sel):
        b.timeseries("Log entries per instance",
                     [(f'sum by (instance) (rate(access_log_total{{{sel}}}[$__rate_interval]))', "{{instance}}")],
                     unit="ops", w=8)
        b.timeseries("Current client IPs per instance",
                     [(f'access_client_ip_current{{{sel}}}', "{{instance}}")], w=8)
        b.stat("Log entries (all replicas)", [(f'sum(access_log_total{{{sel}}})', "")], w=4)
        b.stat("Replicas up", [('sum(up{job="access-log"})', "")], w=4)

    app_row(b, "Image gallery", "image-gallery", "image_gallery", gallery)
    app_row(b, "Image of the day (iotd)", "iotd-api", "iotd_api", iotd)
    app_row(b, "Access log", "access-log", "access", accesslog)

    native_row(b)

    b.row("Docker engine")
    b.timeseries("Containers by state",
                 [('sum by (state) (engine_daemon_container_states_containers{job="docker"})', "{{state}}")], w=8)
    b.timeseries("Failed health checks",
                 [('sum(rate(engine_daemon_health_checks_failed_total{job="docker"}[$__rate_interval]))', "failed/s")],
                 unit="ops", w=8)
    b.stat("Engine", [('count by (version, os, kernel) (engine_daemon_engine_info{job="docker"})',
                       "{{version}} · {{os}} · {{kernel}}")], w=8, text_mode="name")
    return b


NATIVE = ("From the gallery's native histogram (image_gallery_request_duration_seconds: one series per label set, "
          "its exponential buckets following the durations, no bounds chosen in advance), stored by the `native` "
          "profile's Prometheus. Needs the client_java backend with METRICS_HISTOGRAM_KIND=both (compose/README.md).")


def native_row(b):
    """The gallery's page durations read from its native histogram, on the `native` datasource."""
    sel = 'job="image-gallery", instance=~"$instance"'
    rate = f"rate(image_gallery_request_duration_seconds{{{sel}}}[$__rate_interval])"
    b.row("Image gallery — native histograms (client_java backend, profile native)")
    b.timeseries("Page duration p50 / p90 / p99 (native)",
                 [(f"histogram_quantile({q}, sum({rate}))", name) for q, name in (("0.5", "p50"), ("0.9", "p90"),
                                                                                 ("0.99", "p99"))],
                 unit="s", w=8, ds=NATIVE_DS, description=NATIVE + " " + DURATION)
    b.timeseries("Page duration p99 by route (native)",
                 [(f"histogram_quantile(0.99, sum by (route) ({rate}))", "{{route}}")], unit="s", w=8, ds=NATIVE_DS,
                 description=NATIVE)
    b.timeseries("Pages per second (native)", [(f"histogram_count(sum({rate}))", "pages/s")], unit="reqps", w=4,
                 ds=NATIVE_DS, description=NATIVE + " The count comes from the histogram itself, with no _count series.")
    b.timeseries("Share of pages under 250 ms (native)", [(f"histogram_fraction(0, 0.25, sum({rate}))", "under 250 ms")],
                 unit="percentunit", w=4, ds=NATIVE_DS,
                 description=NATIVE + " Any bound works, with no classic bucket at that bound.")


def jvm():
    b = Board("lucid-jvm", "JVM", ["lucid-metrics", "jvm"],
              "simpleclient_hotspot 0.16 metrics of any app: memory, pools, GC, threads, classes, CPU, file descriptors.")
    b.var("job", "Job", "label_values(jvm_memory_bytes_used, job)")
    b.var("instance", "Instance", 'label_values(jvm_memory_bytes_used{job="$job"}, instance)', multi=True, include_all=True)
    sel = 'job="$job", instance=~"$instance"'
    b.row("Overview")
    b.stat("Uptime", [(f"time() - max(process_start_time_seconds{{{sel}}})", "")], unit="s", w=6)
    b.stat("Heap used", [(f'sum(jvm_memory_bytes_used{{{sel}, area="heap"}}) / sum(jvm_memory_bytes_max{{{sel}, area="heap"}})', "")],
           unit="percentunit", w=6, decimals=1)
    b.stat("Live threads", [(f"sum(jvm_threads_current{{{sel}}})", "")], w=6)
    b.stat("Java version", [(f"count by (version, vendor) (jvm_info{{{sel}}})", "{{vendor}} {{version}}")],
           w=6, text_mode="name")
    b.row("Memory")
    b.timeseries("Heap", [(f'sum by (instance) (jvm_memory_bytes_used{{{sel}, area="heap"}})', "{{instance}} used"),
                          (f'sum by (instance) (jvm_memory_bytes_committed{{{sel}, area="heap"}})', "{{instance}} committed"),
                          (f'sum by (instance) (jvm_memory_bytes_max{{{sel}, area="heap"}})', "{{instance}} max")],
                 unit="bytes")
    b.timeseries("Non-heap", [(f'sum by (instance) (jvm_memory_bytes_used{{{sel}, area="nonheap"}})', "{{instance}} used"),
                              (f'sum by (instance) (jvm_memory_bytes_committed{{{sel}, area="nonheap"}})', "{{instance}} committed")],
                 unit="bytes")
    b.timeseries("Memory pools (used)", [(f"sum by (pool) (jvm_memory_pool_bytes_used{{{sel}}})", "{{pool}}")],
                 unit="bytes")
    b.timeseries("Buffer pools (used)", [(f"sum by (pool) (jvm_buffer_pool_used_bytes{{{sel}}})", "{{pool}}")],
                 unit="bytes")
    b.timeseries("Resident memory (RSS)", [(f"process_resident_memory_bytes{{{sel}}}", "{{instance}}")], unit="bytes")
    b.row("Garbage collection")
    b.timeseries("GC time share", [(f"sum by (gc) (rate(jvm_gc_collection_seconds_sum{{{sel}}}[$__rate_interval]))", "{{gc}}")],
                 unit="percentunit", w=12)
    b.timeseries("Collections per second", [(f"sum by (gc) (rate(jvm_gc_collection_seconds_count{{{sel}}}[$__rate_interval]))", "{{gc}}")],
                 unit="ops", w=12)
    b.row("Threads, classes, CPU, files")
    b.timeseries("Threads", [(f"sum(jvm_threads_current{{{sel}}})", "live"), (f"sum(jvm_threads_daemon{{{sel}}})", "daemon"),
                             (f"sum(jvm_threads_peak{{{sel}}})", "peak")])
    b.timeseries("Threads by state", [(f"sum by (state) (jvm_threads_state{{{sel}}})", "{{state}}")], stack=True)
    b.timeseries("Classes loaded", [(f"sum by (instance) (jvm_classes_currently_loaded{{{sel}}})", "{{instance}}")])
    b.timeseries("CPU", [(f"sum by (instance) (rate(process_cpu_seconds_total{{{sel}}}[$__rate_interval]))", "{{instance}}")],
                 unit="percentunit", w=12, description="CPU seconds per second: 1 = one core fully busy.")
    b.timeseries("Open file descriptors", [(f"sum by (instance) (process_open_fds{{{sel}}})", "{{instance}} open"),
                                           (f"sum by (instance) (process_max_fds{{{sel}}})", "{{instance}} max")], w=12)
    return b


def red():
    srv = '__name__=~".+_requests_total", route!=""'
    hist = '__name__=~".+_request_duration_seconds_bucket", route!=""'
    b = Board("lucid-http-red", "HTTP RED", ["lucid-metrics", "http"],
              "Rate, errors and duration by route for any app instrumented with metrics-core "
              "(<ns>_requests_total, <ns>_request_duration_seconds, <ns>_in_flight_requests).")
    b.var("job", "Job", f'label_values({{{srv}}}, job)')
    b.var("instance", "Instance", f'label_values({{{srv}, job="$job"}}, instance)', multi=True, include_all=True)
    b.var("route", "Route", f'label_values({{{srv}, job="$job"}}, route)', multi=True, include_all=True)
    sel = 'job="$job", instance=~"$instance", route=~"$route"'
    all_req = f"sum(rate({{{srv}, {sel}}}[$__rate_interval]))"
    b.row("Summary")
    b.stat("Requests per second", [(all_req, "")], unit="reqps", w=6, decimals=2)
    b.stat("5xx ratio", [(f'(sum(rate({{{srv}, {sel}, code=~"5.."}}[$__rate_interval])) or vector(0)) / {all_req}', "")],
           unit="percentunit", w=6, decimals=1)
    b.stat("p99 latency", [(f"histogram_quantile(0.99, sum by (le) (rate({{{hist}, {sel}}}[$__rate_interval])))", "")],
           unit="s", w=6, description=DURATION)
    b.stat("In flight", [(f'sum({{__name__=~".+_in_flight_requests", job="$job", instance=~"$instance"}})', "")], w=6,
           description=IN_FLIGHT)
    b.row("Rate")
    b.timeseries("Requests by route", [(f"sum by (route) (rate({{{srv}, {sel}}}[$__rate_interval]))", "{{route}}")],
                 unit="reqps", w=12)
    b.timeseries("Requests by status code", [(f"sum by (code) (rate({{{srv}, {sel}}}[$__rate_interval]))", "{{code}}")],
                 unit="reqps", w=12, stack=True)
    b.row("Errors")
    b.timeseries("5xx ratio by route",
                 [(f'(sum by (route) (rate({{{srv}, {sel}, code=~"5.."}}[$__rate_interval])) '
                   f"or sum by (route) (rate({{{srv}, {sel}}}[$__rate_interval])) * 0) "
                   f"/ sum by (route) (rate({{{srv}, {sel}}}[$__rate_interval]))", "{{route}}")],
                 unit="percentunit", w=12)
    b.timeseries("Non-2xx responses by route and code",
                 [(f'sum by (route, code) (rate({{{srv}, {sel}, code!~"2.."}}[$__rate_interval]))', "{{route}} {{code}}")],
                 unit="reqps", w=12,
                 description="Includes the sentinels NOT_FOUND / UNMATCHED routes for paths outside the app's templates.")
    b.row("Duration")
    for q, name in (("0.5", "p50"), ("0.9", "p90"), ("0.99", "p99")):
        b.timeseries(f"{name} by route",
                     [(f"histogram_quantile({q}, sum by (route, le) (rate({{{hist}, {sel}}}[$__rate_interval])))",
                       "{{route}}")], unit="s", w=8, description=DURATION)
    b.timeseries("Average duration by route",
                 [(f'sum by (route) (rate({{__name__=~".+_request_duration_seconds_sum", route!="", {sel}}}[$__rate_interval])) '
                   f'/ sum by (route) (rate({{__name__=~".+_request_duration_seconds_count", route!="", {sel}}}[$__rate_interval]))',
                   "{{route}}")], unit="s", w=12)
    b.timeseries("In-flight requests by instance",
                 [(f'sum by (instance) ({{__name__=~".+_in_flight_requests", job="$job", instance=~"$instance"}})',
                   "{{instance}}")], w=12, description=IN_FLIGHT)
    b.row("Threads (apps that register their executors with ExecutorMetrics)")
    pool = 'job="$job", instance=~"$instance"'
    b.timeseries("Waiting for a thread, by executor",
                 [(f'max by (executor) ({{__name__=~".+_executor_queued_tasks", {pool}}})', "{{executor}}"),
                  (f'max({{__name__=~".+_http_turn_waiting_requests", {pool}}})', "HTTP_THREADS turn")], w=12,
                 description="Requests (an HTTP server's executor, the demos' HTTP_THREADS turn) and tasks queued "
                             "for a thread, per executor: above 0 for long, the pool is too small for the load.")
    b.timeseries("Busy threads, share of the pool's maximum",
                 [(f'max by (executor) ({{__name__=~".+_executor_active_threads", {pool}}} '
                   f'/ {{__name__=~".+_executor_pool_max_threads", {pool}}})', "{{executor}}")],
                 unit="percentunit", w=12,
                 description="Threads running a task over the most the pool may run: near 1, new work waits.")
    b.row("Outgoing calls (apps using the instrumented HTTP client)")
    b.timeseries("Calls by target and code",
                 [('sum by (target, code) (rate({__name__=~".+_client_requests_total", job="$job", '
                   'instance=~"$instance"}[$__rate_interval]))', "{{target}} {{code}}")], unit="reqps", w=12)
    b.timeseries("Call p99 by target",
                 [('histogram_quantile(0.99, sum by (target, le) (rate({__name__=~".+_client_request_duration_seconds_bucket", '
                   'job="$job", instance=~"$instance"}[$__rate_interval])))', "{{target}}")], unit="s", w=12)
    return b


BOARDS = {"image-gallery-overview.json": overview, "jvm.json": jvm, "http-red.json": red}


def main(argv):
    check = "--check" in argv
    stale = []
    for name, build in BOARDS.items():
        text = json.dumps(build().json(), indent=2, ensure_ascii=False) + "\n"
        path = OUT / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            OUT.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        print("dashboards out of date (run python3 compose/grafana/generate-dashboards.py): " + ", ".join(stale),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
