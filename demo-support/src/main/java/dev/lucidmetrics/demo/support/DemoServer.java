package dev.lucidmetrics.demo.support;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.exposition.GracefulStop;
import dev.lucidmetrics.core.exposition.MetricsEndpoint;
import dev.lucidmetrics.core.exposition.RequestDeadlines;
import dev.lucidmetrics.core.exposition.ServerExecutors;
import dev.lucidmetrics.core.http.HttpServerMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A JDK {@link HttpServer} serving a {@link Router} at {@code /} and {@link #HEALTH_PATH}, with the library's request
 * metrics, {@code HTTP_THREADS} requests on the app's routes at once while scrapes and health checks never wait for
 * one ({@link HttpThreads}), a trace and a log line per request ({@link RequestLog}), and the library's graceful
 * stop ({@link GracefulStop}); slow and stalled clients are closed by the library's {@link RequestDeadlines}
 * ({@code HTTP_HEADER_TIMEOUT}, {@code HTTP_RESPONSE_TIMEOUT}), so they cannot take the threads scrapes and pages
 * need. The filters, in the order a request passes them:
 * <ol>
 *   <li>the deadlines' mark that the request's head arrived;</li>
 *   <li>the metrics ({@code HttpServerMetrics}), first, as {@code instrument()} puts them: a request's
 *       {@code <ns>_request_duration_seconds} and the {@code <ns>_in_flight_requests} gauge include its wait for an
 *       {@code HTTP_THREADS} turn, the time a user most needs to see under load;</li>
 *   <li>the request log; the graceful stop's filter; the {@code HTTP_THREADS} turn.</li>
 * </ol>
 * "In flight" here is that gauge: the requests on the app's routes from the moment a server thread took them, their
 * wait for a turn included, until their response is complete ({@code /health} and the scrape path not counted).
 * {@link #stop()} answers every request that reached the server, ends the threads, all within the grace period, and
 * logs one line, such as
 * {@code iotd: stopped in 312 ms; requests not yet answered: 7 at the stop, 0 at exit} (any path, queued ones too).
 * <pre>{@code
 * DemoServer server = DemoServer.builder("iotd").settings(env, 8011).router(router, app)
 *         .metrics(app, metricsConfig).start();
 * Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
 * }</pre>
 */
public final class DemoServer {

    /**
     * Where every demo answers its health check, 200 {@code {"status":"UP"}}: a context of its own, so it is never
     * counted, never waits for a turn and writes no log line.
     */
    public static final String HEALTH_PATH = "/health";
    /** Requests on the app's routes at once unless {@code HTTP_THREADS} says otherwise. */
    public static final int DEFAULT_HTTP_THREADS = 16;
    private static final System.Logger LOG = System.getLogger(DemoServer.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final GracefulStop graceful;
    private final RequestDeadlines deadlines;
    private final Duration grace;
    private final MetricsEndpoint metrics;
    private final String name;
    private final WaitMetrics waits;
    private boolean stopped;

    private DemoServer(Builder b) throws IOException {
        this.grace = b.grace;
        this.name = b.name;
        this.executor = b.executor != null ? b.executor
                : b.virtualThreads ? ServerExecutors.virtualThreadPerTask("HTTP_VIRTUAL_THREADS=true")
                : HttpThreads.pool(b.name, b.threads);
        this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), RequestDeadlines.BACKLOG);
        this.deadlines = RequestDeadlines.builder().headerTimeout(b.headerTimeout).responseTimeout(b.responseTimeout)
                .build();
        server.setExecutor(deadlines.watch(executor));
        this.graceful = GracefulStop.install(server);
        deadlines.instrument(graceful.instrument(server.createContext(HEALTH_PATH, DemoServer::health)));
        HttpContext root = server.createContext("/", b.router);
        root.getFilters().add(new RequestLog(b.quietPaths));
        graceful.instrument(root);
        HttpThreads.Turns turns = b.virtualThreads ? null : HttpThreads.turns(b.threads);
        if (turns != null) {
            root.getFilters().add(turns);
        }
        b.http.instrument(root);
        deadlines.instrument(root);   // first of all
        try {
            this.metrics = b.metricsApp == null ? null : MetricsEndpoint.expose(b.metricsApp, server, b.metricsConfig);
        } catch (RuntimeException e) {
            server.stop(0);   // free the app's port too: the caller reports the failure and exits
            deadlines.close();
            throw e;
        }
        this.waits = WaitMetrics.register(b.app, executor, turns);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The most platform threads that read requests with {@code httpThreads} on the routes ({@code HTTP_THREADS}):
     * every request in flight, queued for a turn or not, has one (scripts/reliability sizes its attack by it).
     */
    public static int readerThreads(int httpThreads) {
        return HttpThreads.maxThreads(httpThreads);
    }

    /** The bound port (the real one after port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://localhost:<port><path>}, for printing and for tests. */
    public URI uri(String path) {
        return URI.create("http://localhost:" + port() + path);
    }

    /** Where the metrics answer (this server, or a metrics server of their own), or null without metrics. */
    public URI metricsUrl() {
        return metrics == null ? null : metrics.url();
    }

    /** Where the health check answers: {@link #uri}({@link #HEALTH_PATH}). */
    public URI healthUrl() {
        return uri(HEALTH_PATH);
    }

    /** How long {@link #stop()} may take: {@code SHUTDOWN_GRACE}. */
    public Duration grace() {
        return grace;
    }

    /**
     * Stops accepting connections, answers the requests that reached the server ({@link GracefulStop}), stops the
     * metrics and the threads, all within the grace period, and logs the line the class comment shows. Idempotent;
     * this is what the shutdown hook calls on SIGTERM.
     */
    public void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        long start = System.nanoTime();
        int atStop = graceful.open();
        try {
            graceful.stop(grace);
        } catch (RuntimeException | Error e) {
            server.stop(0);   // whatever went wrong, the threads must still end, or they keep the JVM alive
            throw e;
        } finally {
            closeMetrics();
            waits.close();
            executor.shutdown();
            awaitThreads(start + grace.toNanos());
            deadlines.close();
        }
        LOG.log(System.Logger.Level.INFO, name + ": stopped in " + (System.nanoTime() - start) / 1_000_000
                + " ms; requests not yet answered: " + atStop + " at the stop, " + graceful.open() + " at exit");
    }

    private void awaitThreads(long deadline) {
        try {
            if (!executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops a separate metrics server after its running scrapes (a mounted context went with the app server). */
    private void closeMetrics() {
        if (metrics == null) {
            return;
        }
        try {
            metrics.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Stopping the metrics server failed", e);
        }
    }

    /** The handler of {@link #HEALTH_PATH}'s context, which the JDK also hands longer paths such as /healthz. */
    private static void health(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals(HEALTH_PATH)) {
            Responses.health(exchange);
        } else {
            Responses.error(exchange, 404, "Not found.");
        }
    }

    /** Builds and starts a {@link DemoServer}. */
    public static final class Builder {
        private final String name;
        private String host = "0.0.0.0";
        private int port;
        private int threads = DEFAULT_HTTP_THREADS;
        private Duration grace = Duration.ofSeconds(5);
        private Duration headerTimeout = RequestDeadlines.DEFAULT_HEADER_TIMEOUT;
        private Duration responseTimeout = RequestDeadlines.DEFAULT_RESPONSE_TIMEOUT;
        private Router router;
        private HttpServerMetrics http;
        private AppMetrics app;
        private final List<String> quietPaths = new ArrayList<>();
        private ExecutorService executor;
        private boolean virtualThreads;
        private AppMetrics metricsApp;
        private MetricsConfig metricsConfig;

        Builder(String name) {
            this.name = name;
        }

        /**
         * Reads {@code PORT} (default {@code defaultPort}), {@code BIND_ADDRESS} (default 0.0.0.0),
         * {@code HTTP_THREADS} (default 16: requests on the app's routes at once; scrapes and {@code /health} do
         * not wait for one), {@code HTTP_VIRTUAL_THREADS} (default false: a virtual thread per request and no limit
         * instead, Java 21+), {@code SHUTDOWN_GRACE} (default 5s), {@code HTTP_HEADER_TIMEOUT} (default 5s: a
         * request's line and headers from its first byte) and {@code HTTP_RESPONSE_TIMEOUT} (default 30s: a
         * response from its request's head to its last byte).
         */
        public Builder settings(EnvConfig env, int defaultPort) {
            this.port = env.port("PORT", defaultPort);
            this.host = env.string("BIND_ADDRESS", host);
            this.threads = Settings.integer(env, "HTTP_THREADS", threads, 1, 1000);
            this.grace = env.duration("SHUTDOWN_GRACE", grace);
            this.headerTimeout = env.duration("HTTP_HEADER_TIMEOUT", headerTimeout);
            this.responseTimeout = env.duration("HTTP_RESPONSE_TIMEOUT", responseTimeout);
            this.virtualThreads = env.bool("HTTP_VIRTUAL_THREADS", false);   // on Java 17 start() says it needs 21+
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Serves {@code router}, complete (its templates label the metrics), with request metrics for {@code app}
         * that do not count {@code excludedPaths} (such as {@code /favicon.ico}) and do not log them above DEBUG.
         * Each duration carries the request's trace id as an exemplar ({@link RequestLog#trace}).
         */
        public Builder router(Router router, AppMetrics app, String... excludedPaths) {
            this.router = router;
            this.app = app;
            this.http = HttpServerMetrics.builder(app).routes(router.templates()).excludePaths(excludedPaths)
                    .traceIdsFrom(exchange -> RequestLog.trace(exchange).traceId()).register();
            quietPaths.addAll(List.of(excludedPaths));
            return this;
        }

        /**
         * Serves {@code app}'s metrics as {@code config} says: on this server at {@code METRICS_PATH}, or on a
         * separate {@code METRICS_PORT}; stopped with the server.
         */
        public Builder metrics(AppMetrics app, MetricsConfig config) {
            this.metricsApp = app;
            this.metricsConfig = config;
            return this;
        }

        /**
         * The executor that runs handlers; null (the default) means the pool {@link HttpThreads} describes. Stopped
         * by {@link #stop()}. HTTP_THREADS still limits the requests on the app's routes.
         */
        public Builder executor(ExecutorService executor) {
            this.executor = executor;
            return this;
        }

        public DemoServer start() {
            if (router == null) {
                throw new IllegalStateException("No router: call router(router, app) before start().");
            }
            try {
                DemoServer s = new DemoServer(this);
                s.server.start();
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot listen on " + host + ":" + port + " (" + e.getMessage()
                        + "): choose another PORT.", e);
            }
        }
    }
}
