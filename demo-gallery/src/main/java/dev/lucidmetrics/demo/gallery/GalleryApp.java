package dev.lucidmetrics.demo.gallery;

import com.sun.net.httpserver.HttpExchange;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.http.HttpClientMetrics;
import dev.lucidmetrics.core.jvm.JvmMetrics;
import dev.lucidmetrics.demo.support.DemoMetricsConfig;
import dev.lucidmetrics.demo.support.DemoServer;
import dev.lucidmetrics.demo.support.RequestLog;
import dev.lucidmetrics.demo.support.Responses;
import dev.lucidmetrics.demo.support.Router;
import dev.lucidmetrics.demo.support.TraceParent;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The image gallery: {@code GET /} renders the image of the day from iotd and records the visit at access-log;
 * {@code FAILURE_RATE} of pages fail on purpose with 500 "Failed". Metrics at {@code /metrics}. Both calls carry
 * the page's trace ({@code traceparent}), so its id shows in the three apps' log lines and exemplars.
 */
final class GalleryApp {

    private final AppMetrics metrics;
    private final GalleryConfig config;
    private final Downstream downstream;
    private final Page page = Page.bundled();
    private final DoubleSupplier random;
    private final DemoServer server;
    private final ExecutorService dnsLookups = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gallery-dns");
        t.setDaemon(true);
        return t;
    });

    private GalleryApp(EnvConfig env, DoubleSupplier random, ExecutorService executor, LongSupplier nanoTime,
            Replicas.Resolver resolver) {
        this.config = GalleryConfig.from(env);
        DemoServer.Builder serverBuilder = DemoServer.builder("gallery").settings(env, GalleryConfig.DEFAULT_PORT);
        this.random = random;
        MetricsConfig metricsConfig = DemoMetricsConfig.from(env);
        this.metrics = AppMetrics.builder("image_gallery").config(metricsConfig).versionFrom(Main.class).build();
        JvmMetrics.builder().config(metricsConfig).register(metrics);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.imageTimeout().compareTo(Duration.ofSeconds(1)) < 0
                        ? config.imageTimeout() : Duration.ofSeconds(1)).build();
        this.downstream = new Downstream(metrics, HttpClientMetrics.builder(metrics)
                .traceIdsFrom(Downstream::traceIdOf).register().wrap(http), config, new CircuitBreaker(nanoTime),
                new Replicas(config.accessApis(), resolver, dnsLookups, nanoTime));
        Router router = new Router()
                .on("GET", "/", this::page)
                .on("GET", "/favicon.ico", ex -> Responses.empty(ex, 204));
        this.server = serverBuilder.executor(executor).router(router, metrics, "/favicon.ico")
                .metrics(metrics, metricsConfig).start();
    }

    /** Starts the app with settings from {@code env}; invalid settings throw, naming the variable. */
    static GalleryApp start(EnvConfig env) {
        return new GalleryApp(env, evenlySpread(), null, System::nanoTime, Replicas.Resolver.SYSTEM);
    }

    /**
     * Numbers in [0, 1) that fill the interval evenly (a golden-ratio Weyl sequence) rather than at random: any run of
     * n page requests then has n x FAILURE_RATE failures give or take one or two, so graphs are steady and a 10 % demo
     * failure rate never trips a 20 % alert by chance (random draws once gave 33 failures in 200 requests).
     */
    static DoubleSupplier evenlySpread() {
        AtomicLong n = new AtomicLong();
        return () -> (n.incrementAndGet() * 0.6180339887498949) % 1.0;
    }

    /** Test seam: the random numbers that decide injected failures, and the executor that runs handlers. */
    static GalleryApp start(EnvConfig env, DoubleSupplier random, ExecutorService executor) {
        return new GalleryApp(env, random, executor, System::nanoTime, Replicas.Resolver.SYSTEM);
    }

    /** Test seam: also the clock of iotd's circuit breaker and of the access-log replicas' DNS refresh. */
    static GalleryApp start(EnvConfig env, DoubleSupplier random, ExecutorService executor, LongSupplier nanoTime) {
        return new GalleryApp(env, random, executor, nanoTime, Replicas.Resolver.SYSTEM);
    }

    /** Test seam: also the DNS that names the access-log replicas. */
    static GalleryApp start(EnvConfig env, LongSupplier nanoTime, Replicas.Resolver resolver) {
        return new GalleryApp(env, () -> 0.5, null, nanoTime, resolver);
    }

    private void page(HttpExchange ex) throws IOException {
        if (config.failureRate() > 0 && random.getAsDouble() < config.failureRate()) {
            Responses.text(ex, 500, "text/plain", "Failed");
            return;
        }
        TraceParent trace = RequestLog.trace(ex);
        // The visit goes on its own: the page does not need access-log's answer, so never waits for it.
        downstream.recordVisit(ex.getRemoteAddress().getAddress().getHostAddress(), trace);
        Responses.text(ex, 200, "text/html", page.render(downstream.image(trace)));
    }

    AppMetrics metrics() {
        return metrics;
    }

    DemoServer server() {
        return server;
    }

    /** Waits until every visit sent has been answered or has timed out, at most {@code timeout}; whether it has. */
    boolean awaitVisits(Duration timeout) {
        try {
            return downstream.awaitVisits(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops gracefully (what the SIGTERM hook calls): the pages in flight, then the visits on their way, which end
     * within their timeout (the HTTP client enforces it; a second of slack), all within the server's grace period.
     */
    void stop() {
        long deadline = System.nanoTime() + server.grace().toNanos();
        server.stop();
        dnsLookups.shutdown();
        Duration wait = config.accessTimeout().plusSeconds(1);
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        if (!awaitVisits(wait.compareTo(left) < 0 ? wait : left)) {
            System.getLogger(GalleryApp.class.getName()).log(System.Logger.Level.WARNING,
                    "Stopped with visits still on their way to access-log: the grace period (SHUTDOWN_GRACE="
                            + server.grace().toMillis() + "ms) ended first.");
        }
    }
}
