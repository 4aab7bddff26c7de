package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.internal.VirtualThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Serves a registry on a port of its own, for apps that do not run a JDK HttpServer themselves or want metrics off
 * their public port: the metrics path (default {@code /metrics}), {@code /-/healthy} (200 "OK"), 404 elsewhere.
 * <pre>{@code
 * try (MetricsServer server = MetricsServer.builder(app).port(9400).basicAuth("prometheus", secret).start()) {
 *     // curl -u prometheus:... http://localhost:9400/metrics
 * }
 * }</pre>
 * Unlike simpleclient's {@code HTTPServer} it serves scrapes in parallel on a bounded pool of daemon threads, serves
 * exact paths only and sets no JVM-wide system properties. {@link #close()} lets running scrapes finish first.
 */
public final class MetricsServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final DrainGate gate;
    private final Duration grace;

    private final String path;

    private MetricsServer(HttpServer server, ExecutorService executor, DrainGate gate, Duration grace,
            String path) {
        this.server = server;
        this.executor = executor;
        this.gate = gate;
        this.grace = grace;
        this.path = path;
    }

    /** Starts describing a server for {@code app}'s metrics. */
    public static Builder builder(AppMetrics app) {
        return new Builder(Checks.notNull("app", app, "pass the AppMetrics whose metrics to serve"));
    }

    /** The bound port (useful after {@code port(0)}). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The exact metrics path. */
    public String path() {
        return path;
    }

    /** Where the metrics are, such as {@code http://localhost:9400/metrics} ({@code localhost} for a wildcard bind). */
    public URI url() {
        return Addresses.url(server, path);
    }

    /** Stops accepting scrapes, waits up to the grace period for running ones, then frees the port and threads. */
    @Override
    public void close() {
        boolean interrupted = false;
        try {
            gate.closeAndStop(grace, () -> server.stop(0));
        } catch (InterruptedException e) {
            interrupted = true;  // the gate stopped the server before it let the interruption through
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds and starts a {@link MetricsServer}; each setting is an explicit call, else the config's, else the default. */
    public static final class Builder {
        static final int DEFAULT_PORT = 9400;

        private final MetricsHandler.Builder handler;
        private final MetricsConfig.Builder explicit = MetricsConfig.builder();
        private MetricsConfig config = MetricsConfig.empty();
        private Integer port;
        private int threads = 4;
        private Duration grace = Duration.ofSeconds(5);

        Builder(AppMetrics app) {
            this.handler = MetricsHandler.builder(app);
        }

        /**
         * Takes {@code METRICS_HOST}, {@code METRICS_PORT}, {@code METRICS_PATH}, {@code METRICS_CREATED_SERIES},
         * {@code METRICS_VIRTUAL_THREADS} and basic auth from the settings, where set; an explicit call wins, whatever
         * the order of the calls. {@code METRICS_PORT=0} ("on the app's own server") leaves the port to
         * {@link #port(int)} or the default.
         */
        public Builder config(MetricsConfig config) {
            this.config = Checks.notNull("config", config, "pass MetricsConfig.fromEnvironment()");
            handler.config(config);
            return this;
        }

        /** The address to bind; default {@code 0.0.0.0} (all interfaces). */
        public Builder host(String host) {
            explicit.host(host);
            return this;
        }

        /** The TCP port; 0 picks a free one (see {@link MetricsServer#port()}). Default {@value #DEFAULT_PORT}. */
        public Builder port(int port) {
            this.port = Checks.port("port", port, "a free port");
            return this;
        }

        /** The exact metrics path; default {@code /metrics}. */
        public Builder path(String path) {
            handler.path(path);
            return this;
        }

        /** Threads serving scrapes in parallel; default 4 (two HA Prometheus servers plus a curl need three). */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException("threads(" + threads + ") is out of range: use 1-64; 4 serves"
                        + " an HA pair of Prometheus servers with room to spare.");
            }
            this.threads = threads;
            return this;
        }

        /**
         * Runs each scrape on a virtual thread of its own instead of the bounded pool ({@link #threads}); needs Java
         * 21+ (checked by {@link #start()}, which says so on an older JVM). Default false.
         */
        public Builder virtualThreads(boolean enabled) {
            explicit.virtualThreads(enabled);
            return this;
        }

        /** Requires HTTP basic auth for the metrics path (not for the health path, which probes call). */
        public Builder basicAuth(String user, String password) {
            handler.basicAuth(user, password);
            return this;
        }

        /** Whether to expose the {@code _created} series; default false. */
        public Builder createdSeries(boolean enabled) {
            handler.createdSeries(enabled);
            return this;
        }

        /** How long {@link MetricsServer#close()} waits for running scrapes; default 5 seconds. */
        public Builder shutdownGrace(Duration grace) {
            if (grace == null || grace.isNegative()) {
                throw new IllegalArgumentException("shutdownGrace(" + grace + ") is illegal: pass zero or a positive"
                        + " duration such as Duration.ofSeconds(5).");
            }
            this.grace = grace;
            return this;
        }

        /** Binds the port and starts serving. */
        public MetricsServer start() {
            MetricsConfig settings = explicit.build().orElse(config);
            String host = settings.host().orElse("0.0.0.0");
            int boundPort = port != null ? port : config.port().filter(p -> p != 0).orElse(DEFAULT_PORT);
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(host, boundPort), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot serve metrics on " + host + ":" + boundPort + " ("
                        + e.getMessage() + "): choose a free port, or 0 to let the system pick one.", e);
            }
            ExecutorService executor = settings.virtualThreads().orElse(false)
                    ? VirtualThreads.perTaskExecutor("virtualThreads(true)") : ServerExecutors.bounded("lucid-metrics-http", threads);
            server.setExecutor(executor);
            DrainGate gate = new DrainGate();
            MetricsHandler metrics = handler.build();
            for (HttpContext context : metrics.mountAll(server)) {
                context.getFilters().add(gate);
            }
            if (!metrics.path().equals("/")) {
                server.createContext("/", new NotFoundHandler(metrics.path())).getFilters().add(gate);
            }
            server.start();
            return new MetricsServer(server, executor, gate, grace, metrics.path());
        }
    }
}
