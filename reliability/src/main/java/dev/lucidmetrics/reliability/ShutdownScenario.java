package dev.lucidmetrics.reliability;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SIGTERM to each app while clients keep sending (and, for iotd, while scrapers keep scraping its separate metrics
 * port): every request whose last byte was written before the signal must get a complete response, the process
 * must exit within its {@code SHUTDOWN_GRACE}, and the app must log zero requests not yet answered at exit.
 */
final class ShutdownScenario {

    /** The line {@code DemoServer} logs when it has stopped. */
    static final Pattern STOPPED = Pattern.compile("stopped in (\\d+) ms; requests not yet answered: (\\d+) at the"
            + " stop, (\\d+) at exit");
    private static final Pattern IN_FLIGHT = Pattern.compile("(?m)^iotd_api_in_flight_requests (\\S+)$");

    private final Topology topology;
    private final Settings settings;

    ShutdownScenario(Topology topology, Settings settings) {
        this.topology = topology;
        this.settings = settings;
    }

    ScenarioResult run() throws InterruptedException {
        ScenarioResult result = new ScenarioResult("shutdown", "Shutdown under load");
        result.note(settings.shutdownClients() + " keep-alive clients per app, sending for "
                + settings.shutdownWarmup().toSeconds() + " s before SIGTERM; 4 more scrape iotd's separate metrics"
                + " port. \"Sent before the signal\": the request's last byte was written before the runner sent"
                + " SIGTERM (one clock, the runner's). SHUTDOWN_GRACE=" + Topology.GRACE.toSeconds() + "s.");
        List<Map<String, Object>> apps = new ArrayList<>();
        for (String app : topology.apps()) {
            apps.add(stop(app, result));
        }
        result.figure("apps", apps);
        return result;
    }

    private Map<String, Object> stop(String app, ScenarioResult result) throws InterruptedException {
        Topology.Spec spec = topology.spec(app);
        Proc proc = topology.proc(app);
        InetSocketAddress target = Topology.local(spec.port());
        Clients.Run load = Clients.start(app + "-stop", settings.shutdownClients(), plan(app, target),
                Clients.Limits.untilRefused());
        Clients.Run scrapes = null;
        if (app.equals(Topology.IOTD)) {
            InetSocketAddress metrics = Topology.local(topology.ports.iotdMetrics());
            Request scrape = Request.get(metrics.getHostString() + ":" + metrics.getPort(), "/actuator/prometheus");
            scrapes = Clients.start("iotd-scrape-stop", 4, (c, r) -> new Clients.Shot(metrics, null, scrape,
                    ShutdownScenario::inFlight), Clients.Limits.untilRefused());
        }
        long warm = System.nanoTime() + settings.shutdownWarmup().toNanos();
        while (System.nanoTime() - warm < 0) {
            Proc.pause(Duration.ofMillis(50));
        }
        long signal = System.nanoTime();
        proc.terminate();
        Integer exit = proc.awaitExit(Topology.GRACE.plusSeconds(20));
        double exitSeconds = (System.nanoTime() - signal) / 1e9;
        load.stop();
        List<Outcome> outcomes = load.await();
        List<Outcome> scraped = List.of();
        if (scrapes != null) {
            scrapes.stop();
            scraped = scrapes.await();
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("app", app);
        Map<String, Long> before = kinds(outcomes, signal, true);
        Map<String, Long> after = kinds(outcomes, signal, false);
        f.put("sentBeforeSignal", before);
        f.put("sentAfterSignal", after);
        long bad = before.entrySet().stream().filter(e -> !e.getKey().equals("response"))
                .mapToLong(Map.Entry::getValue).sum();
        result.goal(app + ": every request sent before SIGTERM got a complete response", bad == 0,
                before.getOrDefault("response", 0L) + " complete, " + bad + " not (" + before + ")");
        if (!scraped.isEmpty()) {
            Map<String, Long> scrapesBefore = kinds(scraped, signal, true);
            long badScrapes = scrapesBefore.entrySet().stream().filter(e -> !e.getKey().equals("response"))
                    .mapToLong(Map.Entry::getValue).sum();
            f.put("metricsPortScrapesBeforeSignal", scrapesBefore);
            f.put("metricsPortScrapesAfterSignal", kinds(scraped, signal, false));
            f.put("lastScrapeInFlight", lastInFlight(scraped));
            result.goal(app + ": every scrape of its separate metrics port sent before SIGTERM got a complete"
                    + " response", badScrapes == 0, scrapesBefore.getOrDefault("response", 0L) + " complete, "
                    + badScrapes + " not");
        }
        long cut = outcomes.stream().filter(o -> o.kind() == Outcome.Kind.TRUNCATED).count()
                + scraped.stream().filter(o -> o.kind() == Outcome.Kind.TRUNCATED).count();
        result.goal(app + ": no response cut short, before or after the signal", cut == 0,
                cut + " truncated" + truncatedStatuses(outcomes, scraped));
        f.put("exitCode", exit);
        f.put("exitSeconds", round(exitSeconds));
        result.goal(app + ": exits within SHUTDOWN_GRACE (" + Topology.GRACE.toSeconds() + " s)",
                exit != null && exitSeconds <= Topology.GRACE.toSeconds(),
                exit == null ? "still running " + round(exitSeconds) + " s after SIGTERM"
                        : String.format("exited (%d) %.2f s after SIGTERM", exit, exitSeconds));
        Matcher m = STOPPED.matcher(String.join("\n", proc.lines()));
        String line = null;
        while (m.find()) {
            line = m.group();
        }
        f.put("stopLine", line);
        boolean zero = line != null && line.endsWith(" 0 at exit");
        result.goal(app + ": every request answered at exit (its log line)", zero, line == null
                ? "no stop line in " + proc.log.getFileName() : line);
        return f;
    }

    private static Clients.Plan plan(String app, InetSocketAddress target) {
        String host = target.getHostString() + ":" + target.getPort();
        if (app.equals(Topology.GALLERY)) {
            Request page = Request.get(host, "/");
            return (c, r) -> Clients.shot(target, page);
        }
        if (app.equals(Topology.IOTD)) {
            Request image = Request.get(host, "/image");
            Request file = Request.get(host, "/images/sunrise");
            return (c, r) -> Clients.shot(target, r.nextBoolean() ? image : file);
        }
        return (c, r) -> Clients.shot(target, Request.postJson(host, "/access-log",
                "{\"clientIp\": \"198.51.100." + (c % 250 + 1) + "\"}"));
    }

    /** Requests by how they ended, among those sent before ({@code before}) or not before the signal. */
    static Map<String, Long> kinds(List<Outcome> outcomes, long signal, boolean before) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (o.sentBefore(signal) == before) {
                m.merge(o.kind().name().toLowerCase(), 1L, Long::sum);
            }
        }
        return m;
    }

    /** The statuses of the truncated responses, when there are any. */
    private static String truncatedStatuses(List<Outcome> a, List<Outcome> b) {
        Map<Integer, Long> statuses = new java.util.TreeMap<>();
        java.util.stream.Stream.concat(a.stream(), b.stream()).filter(o -> o.kind() == Outcome.Kind.TRUNCATED)
                .forEach(o -> statuses.merge(o.status(), 1L, Long::sum));
        return statuses.isEmpty() ? "" : " (by status " + statuses + ")";
    }

    private static String inFlight(int status, byte[] body) {
        Matcher m = IN_FLIGHT.matcher(new String(body, StandardCharsets.UTF_8));
        return status == 200 && m.find() ? m.group(1) : "";
    }

    private static String lastInFlight(List<Outcome> scrapes) {
        return scrapes.stream().filter(o -> o.complete() && !o.marker().isEmpty())
                .max((a, b) -> Long.compare(a.endNanos() - b.endNanos(), 0)).map(Outcome::marker).orElse(null);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
