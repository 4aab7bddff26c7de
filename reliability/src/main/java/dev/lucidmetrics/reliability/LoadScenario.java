package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Closed-loop load on the gallery, then on access-log's POST (spread over the replicas), with Prometheus scraping
 * every second: no socket errors, no failed scrapes, and once the clients stop and the servers drain, the
 * responses by status equal the increase of the apps' request counters exactly, read from the apps and from
 * Prometheus.
 */
final class LoadScenario {

    private final Topology topology;
    private final Settings settings;
    private final PromApi prometheus;

    LoadScenario(Topology topology, Settings settings, PromApi prometheus) {
        this.topology = topology;
        this.settings = settings;
        this.prometheus = prometheus;
    }

    ScenarioResult run() throws IOException, InterruptedException {
        ScenarioResult result = new ScenarioResult("load", "Load");
        result.note(settings.loadClients() + " closed-loop keep-alive clients for " + settings.loadSeconds()
                + " s on each target. Gallery: GET / (one in 20 to a missing page); its injected failures"
                + " (FAILURE_RATE=0.1) are the 500s. access-log: POST /access-log round-robin over the replicas, one"
                + " in 20 with an invalid clientIp (400), one in 50 without a JSON content type (415).");
        result.figure("gallery", target(result, "gallery", List.of(Topology.GALLERY), "image_gallery_requests_total",
                "image-gallery", galleryPlan()));
        result.figure("accessLog", target(result, "access-log POST", topology.accessLogs(), "access_requests_total",
                "access-log", accessLogPlan()));
        return result;
    }

    private Map<String, Object> target(ScenarioResult result, String label, List<String> apps, String counter,
            String job, Clients.Plan plan) throws IOException, InterruptedException {
        Map<String, String> match = label.startsWith("access-log") ? Map.of("route", "/access-log") : Map.of();
        topology.awaitDrained(apps);
        Map<String, Double> before = counters(apps, counter, match);
        // Prometheus's "before": a scrape taken after the apps' were read, and before the load starts
        prometheus.awaitScrapeAfter(job, nowSeconds(), Duration.ofSeconds(30));
        Map<String, Double> promStart = prometheus.by("code", promSum(counter, job, match), nowSeconds());
        double loadStart = nowSeconds();
        Clients.Run run = Clients.start(job + "-load", settings.loadClients(), plan,
                Clients.Limits.lasting(settings.loadDuration()));
        List<Outcome> outcomes = run.await();
        double loadEnd = nowSeconds();
        boolean drained = topology.awaitDrained(apps);
        Map<String, Double> after = counters(apps, counter, match);
        double drainedAt = nowSeconds();
        boolean scraped = prometheus.awaitScrapeAfter(job, drainedAt, Duration.ofSeconds(30));
        Map<String, Double> promEnd = prometheus.by("code", promSum(counter, job, match), nowSeconds());
        Tally tally = Tally.of(outcomes, run.elapsed());
        Map<String, Long> increase = diff(before, after);
        Map<String, Long> promIncrease = diff(promStart, promEnd);

        Map<String, Object> f = new LinkedHashMap<>();
        f.put("clients", tally);
        f.put("counterIncrease", increase);
        f.put("prometheusIncrease", promIncrease);
        result.goal(label + ": 0 socket errors", tally.failures() == 0, tally.requests() + " requests, "
                + tally.failures() + " without a complete response " + tally.failuresByKind());
        result.goal(label + ": responses by status = increase of " + counter + " (read from the apps)",
                drained && increase.equals(tally.responsesByStatus()),
                "clients " + tally.responsesByStatus() + ", counters +" + increase + (drained ? "" : " (not drained)"));
        result.goal(label + ": responses by status = increase of " + counter + " (read from Prometheus)",
                scraped && promIncrease.equals(tally.responsesByStatus()),
                "clients " + tally.responsesByStatus() + ", Prometheus +" + promIncrease);
        f.put("scrapes", scrapes(result, label, loadStart, loadEnd));
        return f;
    }

    /** Every target's scrapes during the load: none failed, every second scraped, each under the timeout. */
    private Map<String, Object> scrapes(ScenarioResult result, String label, double start, double end)
            throws IOException, InterruptedException {
        long window = Math.max(1, Math.round(end - start));
        String w = "[" + window + "s]";
        Map<String, Double> taken = prometheus.by("instance", "count_over_time(up" + w + ")", end);
        Map<String, Double> failed = prometheus.by("instance", "count_over_time(up" + w + ") - sum_over_time(up"
                + w + ")", end);
        Map<String, Double> slowest = prometheus.by("instance", "max_over_time(scrape_duration_seconds" + w + ")",
                end);
        double failures = failed.values().stream().mapToDouble(Double::doubleValue).sum();
        double fewest = taken.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = slowest.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        result.goal(label + ": 0 failed scrapes (up never 0) on " + taken.size() + " targets", failures == 0
                && !taken.isEmpty(), Math.round(failures) + " failed");
        result.goal(label + ": every target scraped about every second (at least 90 %)", fewest >= 0.9 * window,
                "fewest scrapes of a target: " + Math.round(fewest) + " in " + window + " s");
        result.goal(label + ": scrape_duration_seconds under the 1 s timeout", max < 1.0,
                String.format("slowest scrape %.3f s", max));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("windowSeconds", window);
        f.put("scrapesPerTarget", taken);
        f.put("failedScrapes", Math.round(failures));
        f.put("slowestScrapeSeconds", max);
        return f;
    }

    private Clients.Plan galleryPlan() {
        InetSocketAddress gallery = Topology.local(topology.ports.gallery());
        String host = "127.0.0.1:" + gallery.getPort();
        Request page = Request.get(host, "/");
        Request missing = Request.get(host, "/no-such-page");
        return (c, r) -> Clients.shot(gallery, r.nextInt(20) == 0 ? missing : page);
    }

    private Clients.Plan accessLogPlan() {
        List<Integer> ports = topology.ports.accessLogs();
        return (c, r) -> {
            int port = ports.get(c % ports.size());
            String host = "127.0.0.1:" + port;
            int dice = r.nextInt(100);
            Request post = dice < 2 ? Request.of("POST", host, "/access-log", "text/plain", "{\"clientIp\": \"x\"}")
                    : dice < 7 ? Request.postJson(host, "/access-log", "{\"clientIp\": \"not-an-ip\"}")
                    : Request.postJson(host, "/access-log", "{\"clientIp\": \"203.0.113." + (c % 200 + 1) + "\"}");
            return Clients.shot(Topology.local(port), post);
        };
    }

    /** The sum over {@code apps} of {@code counter} by code, read from each app's own metrics. */
    private Map<String, Double> counters(List<String> apps, String counter, Map<String, String> match)
            throws IOException, InterruptedException {
        Map<String, Double> sum = new TreeMap<>();
        for (String app : apps) {
            Scrape.of(topology.spec(app).metrics()).sumBy(counter, "code", match).forEach((k, v) -> sum.merge(k, v,
                    Double::sum));
        }
        return sum;
    }

    private static String promSum(String counter, String job, Map<String, String> match) {
        List<String> selectors = new ArrayList<>(List.of("job=\"" + job + "\""));
        match.forEach((k, v) -> selectors.add(k + "=\"" + v + "\""));
        return "sum by (code) (" + counter + "{" + String.join(",", selectors) + "})";
    }

    /** after - before per key, as whole numbers (counters count requests), keys with no increase left out. */
    static Map<String, Long> diff(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Long> d = new TreeMap<>();
        after.forEach((k, v) -> {
            long inc = Math.round(v - before.getOrDefault(k, 0.0));
            if (inc != 0) {
                d.put(k, inc);
            }
        });
        return d;
    }

    private static double nowSeconds() {
        return System.currentTimeMillis() / 1000.0;
    }
}
