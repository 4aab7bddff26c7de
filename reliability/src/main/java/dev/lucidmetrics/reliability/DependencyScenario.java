package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gallery under load while its dependencies fail one after another ({@link Faults}): its p99 stays under 2 s
 * with a degraded page, every failed call is counted in its client metrics, it recovers within one scrape interval
 * of the dependency's return, and no counter Prometheus stored goes backwards (but across a restart).
 */
final class DependencyScenario {

    static final double P99_GOAL_MS = 2000;
    static final double RECOVERY_GOAL_MS = 1000;  // one scrape interval
    static final String CLIENT = "image_gallery_client_requests_total";
    /** Calls the gallery did not make (iotd's circuit open, too many visits on their way): "target skipped". */
    static final String SKIPPED = "image_gallery_client_calls_skipped_total";

    private final Topology topology;
    private final Settings settings;
    private final PromApi prometheus;
    private final double runStart;

    /** @param runStart when Prometheus began storing samples of this run (epoch seconds) */
    DependencyScenario(Topology topology, Settings settings, PromApi prometheus, double runStart) {
        this.topology = topology;
        this.settings = settings;
        this.prometheus = prometheus;
        this.runStart = runStart;
    }

    ScenarioResult run() throws IOException, InterruptedException {
        ScenarioResult result = new ScenarioResult("dependencies", "Dependencies failing");
        result.note(settings.faultClients() + " keep-alive clients on the gallery's GET / throughout; each fault"
                + " lasts " + settings.faultSeconds() + " s, then " + Faults.SETTLE.toSeconds() + " s of load"
                + " follow before the next. The gallery reaches iotd through a TCP proxy in the runner: it passes"
                + " bytes both ways, in the slow phase holds each request " + settings.slowIotdSeconds() + " s, and"
                + " resets the connection when iotd does not accept. Recovery: from the dependency's return (iotd"
                + " healthy again, the proxy prompt again, SIGCONT, Prometheus ready) to the first page with the"
                + " picture, the first visit access-log accepted (polled from the gallery's metrics every 20 ms), or"
                + " a fresh scrape of every target.");
        Map<String, Double> clientStart = clientCalls();
        InetSocketAddress gallery = Topology.local(topology.ports.gallery());
        Request page = Request.get("127.0.0.1:" + gallery.getPort(), "/");
        Clients.Run load = Clients.start("faults", settings.faultClients(), (c, r) -> new Clients.Shot(gallery, null,
                page, DependencyScenario::page), Clients.Limits.lasting(Duration.ofHours(1)));
        Faults faults = new Faults(topology, settings);
        Recoveries.FirstPicture pictures = new Recoveries.FirstPicture(gallery, page);
        Map<String, Map<String, Long>> clientByPhase = new LinkedHashMap<>();
        double iotdStop;
        double iotdBack;
        double promStop;
        double promBack;
        try {
            faults.baseline();
            clientByPhase.put("baseline", LoadScenario.diff(clientStart, clientCalls()));
            iotdStop = nowSeconds();
            Map<String, Double> before = clientCalls();
            faults.iotdStopped(pictures);
            iotdBack = nowSeconds();
            clientByPhase.put("iotd stopped", LoadScenario.diff(before, clientCalls()));
            before = clientCalls();
            faults.iotdSlow(pictures);
            clientByPhase.put("iotd slow", LoadScenario.diff(before, clientCalls()));
            before = clientCalls();
            faults.accessLogPaused(new Recoveries.AcceptedVisit(topology));
            clientByPhase.put("access-log paused", LoadScenario.diff(before, clientCalls()));
            promStop = nowSeconds();
            before = clientCalls();
            faults.prometheusRestarted(new Recoveries.FreshScrapes(prometheus, topology.apps().size() + 1));
            clientByPhase.put("Prometheus restarted", LoadScenario.diff(before, clientCalls()));
            promBack = PromApi.epochSeconds(faults.phases().get(4).returned());
        } finally {
            load.stop();
        }
        List<Outcome> outcomes = load.await();
        List<Outcome> probes = pictures.outcomes();
        topology.awaitDrained(List.of(Topology.GALLERY));
        Map<String, Long> clientTotal = LoadScenario.diff(clientStart, clientCalls());

        Tally all = Tally.of(outcomes, load.elapsed());
        result.figure("all", all);
        result.goal("0 socket errors at the gallery", all.failures() == 0, all.requests() + " requests, "
                + all.failures() + " without a complete response " + all.failuresByKind());
        List<Map<String, Object>> phases = new ArrayList<>();
        for (Faults.Phase p : faults.phases()) {
            phases.add(phase(result, p, outcomes, clientByPhase.get(p.name())));
        }
        result.figure("phases", phases);
        long placeholders = all.byMarker().getOrDefault("placeholder", 0L)
                + probes.stream().filter(o -> o.marker().equals("placeholder")).count();
        long probeFailures = probes.stream().filter(o -> !o.complete()).count();
        long iotdFailed = clientTotal.entrySet().stream().filter(e -> e.getKey().startsWith("iotd ")
                && !e.getKey().equals("iotd 200")).mapToLong(Map.Entry::getValue).sum();
        result.figure("clientCallsIncrease", clientTotal);
        result.goal("every degraded page is a failed iotd call in " + CLIENT + " or a skipped one in " + SKIPPED,
                placeholders == iotdFailed && probeFailures == 0, placeholders + " pages without the picture (the"
                + " recovery probes' included), " + iotdFailed + " failed or skipped iotd calls counted " + clientTotal);
        checkResets(result, iotdStop, iotdBack, promStop, promBack);
        return result;
    }

    private Map<String, Object> phase(ScenarioResult result, Faults.Phase p, List<Outcome> outcomes,
            Map<String, Long> calls) {
        List<Outcome> in = outcomes.stream().filter(o -> o.startNanos() - p.start() >= 0
                && o.startNanos() - p.end() < 0).toList();
        Tally t = Tally.of(in, Duration.ofNanos(p.end() - p.start()));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("phase", p.name());
        f.put("fault", p.fault());
        f.put("seconds", ShutdownScenario.round((p.end() - p.start()) / 1e9));
        f.put("pages", t);
        f.put("clientCalls", calls);
        result.goal(p.name() + ": gallery p99 under 2 s", t.requests() > 0 && t.p99Ms() < P99_GOAL_MS,
                String.format("p99 %.0f ms, max %.0f ms over %d pages %s", t.p99Ms(), t.maxMs(), t.requests(),
                        t.byMarker()));
        long notServed = t.responsesByStatus().entrySet().stream().filter(e -> !e.getKey().equals("200"))
                .mapToLong(Map.Entry::getValue).sum() - t.byMarker().getOrDefault("injected", 0L);
        result.goal(p.name() + ": every page served (200, degraded when iotd is missing)", notServed == 0
                && t.failures() == 0, t.responsesByStatus() + " " + t.byMarker());
        Double recovery = p.recoveryMs();
        if (p.name().startsWith("Prometheus")) {
            f.put("recoveryMs", recovery);
            result.goal(p.name() + ": scraping every target again (Prometheus applies its targets at the first tick"
                    + " of its 5 s reload interval, so not within one scrape interval of ready)", recovery != null,
                    recovery == null ? "not within " + Recoveries.PROMETHEUS_SCRAPING_AGAIN.toSeconds() + " s of ready"
                    : String.format("%.0f ms after ready", recovery));
        } else if (!p.name().equals("baseline")) {
            f.put("recoveryMs", recovery);
            result.goal(p.name() + ": recovered within one scrape interval (1 s) of the return", recovery != null
                    && recovery <= RECOVERY_GOAL_MS, recovery == null ? "did not recover before the next phase"
                    : String.format("%.0f ms", recovery));
            String expected = p.name().startsWith("iotd stopped") ? "iotd error"
                    : p.name().startsWith("iotd slow") ? "iotd timeout"
                    : p.name().startsWith("access-log") ? "access-log timeout" : null;
            if (expected != null) {
                long counted = calls == null ? 0 : calls.getOrDefault(expected, 0L);
                result.goal(p.name() + ": failures counted in " + CLIENT + "{code=\"" + expected.split(" ")[1]
                        + "\"}", counted > 0, "+" + counted + " " + expected + " " + calls);
            }
        }
        return f;
    }

    /** No counter went backwards: every job over the whole run, iotd and Prometheus apart across their restarts. */
    private void checkResets(ScenarioResult result, double iotdStop, double iotdBack, double promStop,
            double promBack) throws IOException, InterruptedException {
        double end = nowSeconds();
        Resets resets = Resets.of(prometheus);
        List<String> found = new ArrayList<>(resets.within("image-gallery|access-log", runStart, end));
        found.addAll(resets.within("iotd-api", runStart, iotdStop));
        found.addAll(resets.within("iotd-api", iotdBack, end));
        found.addAll(resets.within("prometheus", runStart, promStop));
        found.addAll(resets.within("prometheus", promBack, end));
        long series = resets.series(".+", runStart, end);
        result.figure("counterSeriesChecked", series);
        result.figure("counterResets", found);
        result.goal("no counter went backwards (resets() over every stored sample since the run began; iotd and"
                + " Prometheus apart across their restarts)", found.isEmpty() && series > 0,
                series + " counter series checked, " + found.size() + " with a reset " + found);
    }

    private Map<String, Double> clientCalls() throws IOException, InterruptedException {
        return Recoveries.clientCalls(topology);
    }

    /** What a gallery response showed: the picture, the placeholder, an injected failure, or something else. */
    static String page(int status, byte[] body) {
        String html = new String(body, StandardCharsets.UTF_8);
        if (status == 500 && html.equals("Failed")) {
            return "injected";
        }
        return html.contains("<div class=\"placeholder\">") ? "placeholder" : html.contains("<img src=") ? "picture"
                : "other";
    }

    private static double nowSeconds() {
        return System.currentTimeMillis() / 1000.0;
    }
}
