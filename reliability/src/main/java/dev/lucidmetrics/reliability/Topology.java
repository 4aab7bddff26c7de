package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The demo as the runner runs it, every process on 127.0.0.1: iotd (metrics on a separate {@code METRICS_PORT}),
 * access-log x N, the gallery (reaching iotd through a {@link DelayProxy}) and Prometheus scraping them every second.
 * Ports come from one base: gallery +0, iotd +1, access-log +2.., the proxy +7, iotd's metrics +9, Prometheus +80.
 */
final class Topology implements AutoCloseable {

    /** Every app's {@code SHUTDOWN_GRACE}. */
    static final Duration GRACE = Duration.ofSeconds(5);
    /**
     * Every server's header timeout ({@code HTTP_HEADER_TIMEOUT}, and iotd's {@code METRICS_HEADER_TIMEOUT}): shorter
     * than the default 5 s so the hostile clients scenario is short; a whole head arrives in one packet.
     */
    static final Duration HEADER_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Every server's response timeout ({@code HTTP_RESPONSE_TIMEOUT}, {@code METRICS_RESPONSE_TIMEOUT}): shorter than
     * the default 30 s, and still well above the slowest page of the load scenario (3.6 s).
     */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    static final Duration START_DEADLINE = Duration.ofSeconds(60);
    static final String GALLERY = "gallery";
    static final String IOTD = "iotd";
    static final String PROMETHEUS = "prometheus";

    record Ports(int gallery, int iotd, List<Integer> accessLogs, int proxy, int iotdMetrics, int prometheus) {
        static Ports from(int base, int replicas) {
            return new Ports(base, base + 1, IntStream.range(0, replicas).mapToObj(i -> base + 2 + i).toList(),
                    base + 7, base + 9, base + 80);
        }
    }

    /** How to start a process, and where it answers. */
    record Spec(String name, List<String> argv, Map<String, String> env, URI health, URI metrics, int port) {
    }

    final Ports ports;
    private final List<String> java;
    private final Path apps;
    private final Path work;
    private final Path prometheusConfig;
    private final Map<String, Spec> specs = new LinkedHashMap<>();
    private final Map<String, Proc> running = new LinkedHashMap<>();
    private DelayProxy proxy;

    /**
     * @param java the java command and the JVM options every app gets
     * @param apps the tree whose demo jars ({@code demo-*}/target/*.jar) to run
     */
    Topology(Ports ports, List<String> java, Path apps, Path work, Path prometheusConfig) {
        this.ports = ports;
        this.java = List.copyOf(java);
        this.apps = apps;
        this.work = work;
        this.prometheusConfig = prometheusConfig;
        app(IOTD, "demo-iotd", ports.iotd(), Map.of("IMAGE_PUBLIC_BASE_URL", "http://127.0.0.1:" + ports.iotd(),
                "METRICS_PORT", Integer.toString(ports.iotdMetrics()), "METRICS_HOST", "127.0.0.1",
                "METRICS_HEADER_TIMEOUT", seconds(HEADER_TIMEOUT), "METRICS_RESPONSE_TIMEOUT",
                seconds(RESPONSE_TIMEOUT)),
                URI.create("http://127.0.0.1:" + ports.iotdMetrics() + "/actuator/prometheus"));
        for (int i = 0; i < ports.accessLogs().size(); i++) {
            int p = ports.accessLogs().get(i);
            app(accessLog(i), "demo-accesslog", p, Map.of(), URI.create("http://127.0.0.1:" + p + "/metrics"));
        }
        String visits = String.join(",", ports.accessLogs().stream()
                .map(p -> "http://127.0.0.1:" + p + "/access-log").toList());
        app(GALLERY, "demo-gallery", ports.gallery(), Map.of("IMAGE_API_URL", "http://127.0.0.1:" + ports.proxy()
                + "/image", "ACCESS_API_URL", visits, "FAILURE_RATE", "0.1"),
                URI.create("http://127.0.0.1:" + ports.gallery() + "/metrics"));
        String prom = "127.0.0.1:" + ports.prometheus();
        specs.put(PROMETHEUS, new Spec(PROMETHEUS, List.of("prometheus", "--config.file=" + prometheusConfig,
                "--storage.tsdb.path=" + work.resolve("prometheus-data"), "--web.listen-address=" + prom),
                Map.of(), URI.create("http://" + prom + "/-/ready"), URI.create("http://" + prom + "/metrics"),
                ports.prometheus()));
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + "s";
    }

    static String accessLog(int i) {
        return "access-log-" + (i + 1);
    }

    private void app(String name, String module, int port, Map<String, String> extra, URI metrics) {
        List<String> argv = new ArrayList<>(java);
        argv.add("-jar");
        argv.add(apps.resolve(module).resolve("target").resolve(module + ".jar").toString());
        Map<String, String> env = new LinkedHashMap<>(extra);
        env.put("PORT", Integer.toString(port));
        env.put("BIND_ADDRESS", "127.0.0.1");
        env.put("SHUTDOWN_GRACE", seconds(GRACE));
        env.put("HTTP_HEADER_TIMEOUT", seconds(HEADER_TIMEOUT));
        env.put("HTTP_RESPONSE_TIMEOUT", seconds(RESPONSE_TIMEOUT));
        specs.put(name, new Spec(name, argv, env, URI.create("http://127.0.0.1:" + port + "/health"), metrics, port));
    }

    /** Starts everything: the apps in parallel, the proxy, then Prometheus. */
    void startAll() throws IOException {
        List<String> apps = specs.keySet().stream().filter(n -> !n.equals(PROMETHEUS)).toList();
        apps.forEach(this::launch);
        proxy = new DelayProxy(ports.proxy(), new InetSocketAddress("127.0.0.1", ports.iotd()));
        apps.forEach(this::awaitHealthy);
        start(PROMETHEUS);
    }

    /** Starts one process by name (again, after it was stopped) and waits until it is healthy. */
    Proc start(String name) {
        launch(name);
        return awaitHealthy(name);
    }

    private void launch(String name) {
        Spec s = spec(name);
        Path log = work.resolve(name + ".log");
        running.put(name, Proc.launch(name, s.argv(), s.env(), log));
    }

    private Proc awaitHealthy(String name) {
        return running.get(name).awaitHealthy(spec(name).health(), START_DEADLINE);
    }

    Spec spec(String name) {
        Spec s = specs.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no process \"" + name + "\" in the topology: " + specs.keySet());
        }
        return s;
    }

    Proc proc(String name) {
        return running.get(name);
    }

    DelayProxy proxy() {
        return proxy;
    }

    List<String> accessLogs() {
        return IntStream.range(0, ports.accessLogs().size()).mapToObj(Topology::accessLog).toList();
    }

    /** The apps, in the order they started (no Prometheus). */
    List<String> apps() {
        return specs.keySet().stream().filter(n -> !n.equals(PROMETHEUS)).toList();
    }

    static InetSocketAddress local(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    Path work() {
        return work;
    }

    /** SIGTERM to everything still running, then SIGKILL to what is left after the grace period. */
    @Override
    public void close() {
        running.values().forEach(Proc::stop);
        for (Proc p : running.values()) {
            try {
                if (p.awaitExit(GRACE.plusSeconds(5)) == null) {
                    p.kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.kill();
            }
        }
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls the apps' in-flight gauges (their own metrics) until all are 0, for 30 s at most. */
    boolean awaitDrained(List<String> apps) throws IOException, InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() - end < 0) {
            double inFlight = 0;
            for (String app : apps) {
                inFlight += Scrape.of(spec(app).metrics()).samples.stream()
                        .filter(x -> x.name().endsWith("_in_flight_requests")).mapToDouble(Scrape.Sample::value).sum();
            }
            if (inFlight == 0) {
                return true;
            }
            Proc.pause(Duration.ofMillis(50));
        }
        return false;
    }

    static void createWork(Path work) throws IOException {
        Files.createDirectories(work);
    }
}
