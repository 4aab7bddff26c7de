package dev.lucidmetrics.demo.support;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.exposition.MetricsEndpoint;
import dev.lucidmetrics.core.http.HttpServerMetrics;
import dev.lucidmetrics.core.exposition.ServerExecutors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK {@link HttpServer} with one handler at {@code /}, {@code HTTP_THREADS} requests on it at once while scrapes
 * and health checks never wait for one ({@link HttpThreads}), that stops gracefully: {@link #stop()}
 * closes the listening socket, answers every request that reached the server (with {@code Connection: close}),
 * ends the threads, all within the grace period, and logs one line, such as
 * {@code iotd: stopped in 312 ms; requests in flight: 7 at the stop, 0 at exit (iotd_api_in_flight_requests)}.
 * Every request gets a trace and a log line ({@link RequestLog}).
 * <pre>{@code
 * DemoServer server = DemoServer.builder("iotd").settings(env, 8011).instrumentedRouter(router, app)
 *         .metrics(app, metricsConfig).start();
 * Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
 * }</pre>
 */
public final class DemoServer {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Duration grace;
    private final AtomicInteger running = new AtomicInteger();
    private final Drain drain = new Drain();
    private final MetricsEndpoint metrics;
    private final AppMetrics instrumented;
    private final String inFlightGauge;
    private final String name;
    private final WaitMetrics waits;
    private boolean stopped;

    private DemoServer(Builder b) throws IOException {
        this.grace = b.grace;
        this.name = b.name;
        this.instrumented = b.instrumented;
        this.inFlightGauge = b.instrumented == null ? null : b.instrumented.namespace() + "_in_flight_requests";
        this.executor = b.executor != null ? b.executor
                : b.virtualThreads ? ServerExecutors.virtualThreadPerTask("HTTP_VIRTUAL_THREADS=true")
                : HttpThreads.pool(b.name, b.threads);
        this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), 0);
        server.setExecutor(drain.counting(executor));
        HttpContext root = server.createContext("/", b.handler);
        root.getFilters().add(new RunningExchanges());
        root.getFilters().add(drain.connectionClose());
        HttpThreads.Turns turns = b.virtualThreads ? null : HttpThreads.turns(b.threads);
        if (turns != null) {
            root.getFilters().add(turns);
        }
        root.getFilters().add(new RequestLog(b.quietPaths));
        root.getFilters().addAll(b.filters);
        server.createContext(Drain.GUARD_CONTEXT, drain.guard());
        try {
            this.metrics = b.metricsApp == null ? null : MetricsEndpoint.expose(b.metricsApp, server, b.metricsConfig);
        } catch (RuntimeException e) {
            server.stop(0);   // free the app's port too: the caller reports the failure and exits
            throw e;
        }
        this.waits = b.instrumented == null ? null : WaitMetrics.register(b.instrumented, executor, turns);
    }

    public static Builder builder(String name) {
        return new Builder(name);
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

    /** How long {@link #stop()} may take: {@code SHUTDOWN_GRACE}. */
    public Duration grace() {
        return grace;
    }

    /** Requests being served right now on the app's routes (the graceful stop waits for them). */
    public int running() {
        return running.get();
    }

    /**
     * Stops accepting connections, answers the requests that reached the server (see {@link Drain}), stops the
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
        long deadline = start + grace.toNanos();
        long atStop = inFlight();
        try {
            drain.stop(server, grace);
        } catch (RuntimeException | Error e) {
            // whatever went wrong in the drain, the threads must still end, or they keep the JVM alive
            server.stop(0);
            throw e;
        } finally {
            closeMetrics();
            if (waits != null) {
                waits.close();
            }
            executor.shutdown();
            awaitThreads(deadline);
        }
        System.getLogger(DemoServer.class.getName()).log(System.Logger.Level.INFO, name + ": stopped in "
                + (System.nanoTime() - start) / 1_000_000 + " ms; requests in flight: " + atStop + " at the stop, "
                + inFlight() + " at exit" + (inFlightGauge == null ? "" : " (" + inFlightGauge + ")"));
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

    /** The in-flight gauge of the instrumented router, else the requests on this server's routes. */
    private long inFlight() {
        Double gauge = inFlightGauge == null ? null : instrumented.snapshot().samples(inFlightGauge).stream()
                .findFirst().map(s -> s.value()).orElse(null);
        return gauge == null ? running.get() : Math.round(gauge);
    }

    /** Stops a separate metrics server after its running scrapes (a mounted context went with the app server). */
    private void closeMetrics() {
        if (metrics == null) {
            return;
        }
        try {
            metrics.close();
        } catch (RuntimeException e) {
            System.getLogger(DemoServer.class.getName()).log(System.Logger.Level.WARNING,
                    "Stopping the metrics server failed", e);
        }
    }

    private final class RunningExchanges extends Filter {
        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            running.incrementAndGet();
            try {
                chain.doFilter(exchange);
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public String description() {
            return "counts requests in flight for graceful stop";
        }
    }

    /** Builds and starts a {@link DemoServer}. */
    public static final class Builder {
        private final String name;
        private String host = "0.0.0.0";
        private int port;
        private int threads = 16;
        private Duration grace = Duration.ofSeconds(5);
        private HttpHandler handler;
        private final List<Filter> filters = new ArrayList<>();
        private final List<String> quietPaths = new ArrayList<>(List.of("/health"));
        private ExecutorService executor;
        private boolean virtualThreads;
        private AppMetrics metricsApp;
        private MetricsConfig metricsConfig;
        private AppMetrics instrumented;

        Builder(String name) {
            this.name = name;
        }

        /**
         * Reads {@code PORT} (default {@code defaultPort}), {@code BIND_ADDRESS} (default 0.0.0.0),
         * {@code HTTP_THREADS} (default 16: requests on the app's routes at once; scrapes and {@code /health} do
         * not wait for one), {@code HTTP_VIRTUAL_THREADS} (default false: a virtual thread per request and no limit
         * instead, Java 21+) and {@code SHUTDOWN_GRACE} (default 5s).
         */
        public Builder settings(EnvConfig env, int defaultPort) {
            this.port = env.port("PORT", defaultPort);
            this.host = env.string("BIND_ADDRESS", host);
            this.threads = Settings.integer(env, "HTTP_THREADS", threads, 1, 1000);
            this.grace = Settings.duration(env, "SHUTDOWN_GRACE", grace);
            this.virtualThreads = env.bool("HTTP_VIRTUAL_THREADS", false);   // on Java 17 start() says it needs 21+
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The handler for every path; usually a {@link Router}. */
        public Builder handler(HttpHandler handler) {
            this.handler = handler;
            return this;
        }

        /**
         * Serves {@code router} with request metrics labelled by its route templates (so call it once the router is
         * complete): {@code handler(router)} plus an {@link HttpServerMetrics} filter that does not count
         * {@code excludedPaths}, such as the scrape path, and does not log them above DEBUG. Each duration carries
         * the request's trace id as an exemplar ({@link RequestLog#trace}).
         */
        public Builder instrumentedRouter(Router router, AppMetrics metrics, String... excludedPaths) {
            HttpServerMetrics http = HttpServerMetrics.builder(metrics).routes(router.templates())
                    .excludePaths(excludedPaths).traceIdsFrom(exchange -> RequestLog.trace(exchange).traceId())
                    .register();
            quietPaths.addAll(List.of(excludedPaths));
            this.instrumented = metrics;
            return handler(router).filter(http.filter());
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

        /** A filter around the handler, such as {@code HttpServerMetrics.filter()}. */
        public Builder filter(Filter filter) {
            filters.add(filter);
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
            if (handler == null) {
                throw new IllegalStateException("No handler: call handler(router) before start().");
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
