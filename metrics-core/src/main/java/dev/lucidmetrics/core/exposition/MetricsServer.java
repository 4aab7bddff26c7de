package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.internal.VirtualThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
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
 * Unlike simpleclient's {@code HTTPServer} it serves scrapes in parallel, serves exact paths only and sets no
 * JVM-wide system properties. Slow and stalled clients cannot blind it ({@link RequestDeadlines}): each request is
 * read on a thread of its own (up to {@value #READER_THREADS} platform threads, or a virtual thread each with
 * {@code METRICS_VIRTUAL_THREADS}), a head that does not arrive within the header timeout is closed, heads that
 * take long are closed first while scrapes wait for a thread, and {@link Builder#threads} scrapes are rendered at
 * once. HTTPS from a PKCS#12 keystore ({@code METRICS_TLS_KEYSTORE}) or any {@link HttpsConfigurator}; basic auth
 * or any {@link Authenticator}. {@link #close()} lets running scrapes finish first.
 */
public final class MetricsServer implements AutoCloseable {

    /** The most platform threads reading and serving requests at once; more requests wait in a queue. */
    public static final int READER_THREADS = 64;
    static final int QUEUE = 1_024;

    private final HttpServer server;
    private final ExecutorService ownExecutor;
    private final RequestDeadlines deadlines;
    private final DrainGate gate;
    private final Duration grace;
    private final String path;

    private MetricsServer(HttpServer server, ExecutorService ownExecutor, RequestDeadlines deadlines, DrainGate gate,
            Duration grace, String path) {
        this.server = server;
        this.ownExecutor = ownExecutor;
        this.deadlines = deadlines;
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

    /**
     * Where the metrics are, such as {@code http://localhost:9400/metrics} ({@code https} with TLS; {@code localhost}
     * for a wildcard bind).
     */
    public URI url() {
        return Addresses.url(server, path);
    }

    /**
     * Stops accepting scrapes, waits up to the grace period for running ones, then frees the port and threads (an
     * executor handed in stays the caller's to shut down).
     */
    @Override
    public void close() {
        boolean interrupted = false;
        try {
            gate.closeAndStop(grace, () -> StopAll.now(server));
        } catch (InterruptedException e) {
            interrupted = true;  // the gate stopped the server before it let the interruption through
        }
        deadlines.close();
        if (ownExecutor != null) {
            ownExecutor.shutdown();
            try {
                if (!ownExecutor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    ownExecutor.shutdownNow();
                }
            } catch (InterruptedException e) {
                ownExecutor.shutdownNow();
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds and starts a {@link MetricsServer}; each setting is an explicit call, else the config's, else the default. */
    public static final class Builder {
        static final int DEFAULT_PORT = 9400;

        private final MetricsHandler.Builder handler;
        private final RequestDeadlines.Builder deadlines = RequestDeadlines.builder();
        private final MetricsConfig.Builder explicit = MetricsConfig.builder();
        private MetricsConfig config = MetricsConfig.empty();
        private Integer port;
        private int threads = 4;
        private Duration grace = Duration.ofSeconds(5);
        private HttpsConfigurator https;
        private Executor executor;

        Builder(AppMetrics app) {
            this.handler = MetricsHandler.builder(app);
        }

        /**
         * Takes {@code METRICS_HOST}, {@code METRICS_PORT}, {@code METRICS_PATH}, {@code METRICS_CREATED_SERIES},
         * {@code METRICS_VIRTUAL_THREADS}, basic auth, the header and response timeouts and the TLS keystore from the
         * settings, where set; an explicit call wins, whatever the order of the calls. {@code METRICS_PORT=0} ("on
         * the app's own server") leaves the port to {@link #port(int)} or the default.
         */
        public Builder config(MetricsConfig config) {
            this.config = Checks.notNull("config", config, "pass MetricsConfig.fromEnvironment()");
            handler.config(config);
            deadlines.config(config);
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

        /**
         * Scrapes rendered at once; default 4 (two HA Prometheus servers plus a curl need three). More wait their
         * turn; reading a request and writing its response do not take a turn.
         */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException("threads(" + threads + ") is out of range: use 1-64; 4 serves"
                        + " an HA pair of Prometheus servers with room to spare.");
            }
            this.threads = threads;
            return this;
        }

        /**
         * Reads each request on a virtual thread of its own instead of the pool of {@value #READER_THREADS}; needs Java
         * 21+ (checked by {@link #start()}, which says so on an older JVM). Default false.
         */
        public Builder virtualThreads(boolean enabled) {
            explicit.virtualThreads(enabled);
            return this;
        }

        /**
         * Runs requests on {@code executor} instead of the server's own pool; it stays the caller's (shut it down
         * after {@link MetricsServer#close()}). Every task it is given is a request whose head is still to be read:
         * it must start each one soon on a thread of its own (virtual threads, or a pool whose threads outnumber the
         * clients you expect), not queue it behind a few threads, or requests wait for slow clients (up to
         * {@value RequestDeadlines#SHED_MILLIS} ms per round of them) before they are read.
         */
        public Builder executor(Executor executor) {
            this.executor = Checks.notNull("executor", executor, "pass an executor, or leave it to the server");
            return this;
        }

        /** How long a request's line and headers may take; default 5 s ({@code METRICS_HEADER_TIMEOUT}). */
        public Builder headerTimeout(Duration timeout) {
            deadlines.headerTimeout(timeout);
            return this;
        }

        /** How long a response may take after its request's head; default 30 s ({@code METRICS_RESPONSE_TIMEOUT}). */
        public Builder responseTimeout(Duration timeout) {
            deadlines.responseTimeout(timeout);
            return this;
        }

        /** Requires HTTP basic auth for the metrics path (not for the health path, which probes call). */
        public Builder basicAuth(String user, String password) {
            handler.basicAuth(user, password);
            return this;
        }

        /** Requires any {@link Authenticator} for the metrics path (not for the health path); wins over basic auth. */
        public Builder authenticator(Authenticator authenticator) {
            handler.authenticator(authenticator);
            return this;
        }

        /**
         * Serves HTTPS as {@code configurator} says (its {@code SSLContext}, protocols, client authentication);
         * wins over {@code METRICS_TLS_KEYSTORE}.
         */
        public Builder https(HttpsConfigurator configurator) {
            this.https = Checks.notNull("https", configurator, "pass new HttpsConfigurator(sslContext)");
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
            MetricsHandler metrics = handler.rendersAtOnce(threads).build();
            HttpsConfigurator tls = https != null ? https : settings.tlsKeystore()
                    .map(k -> TlsKeystore.configurator(k, settings.tlsKeystorePassword().orElseThrow())).orElse(null);
            HttpServer server = bind(host, boundPort, tls);
            ExecutorService own = executor != null ? null : settings.virtualThreads().orElse(false)
                    ? VirtualThreads.perTaskExecutor("virtualThreads(true)")
                    : ServerExecutors.bounded("lucid-metrics-http", READER_THREADS, QUEUE);
            RequestDeadlines watch = deadlines.build();
            server.setExecutor(watch.watch(executor != null ? executor : own));
            DrainGate gate = new DrainGate();
            List<HttpContext> contexts = new ArrayList<>(metrics.mountAll(server));
            if (!metrics.path().equals("/")) {
                contexts.add(server.createContext("/", new NotFoundHandler(metrics.path())));
            }
            for (HttpContext context : contexts) {
                context.getFilters().add(0, gate);
                watch.instrument(context);
            }
            server.start();
            return new MetricsServer(server, own, watch, gate, grace, metrics.path());
        }

        private static HttpServer bind(String host, int port, HttpsConfigurator tls) {
            try {
                InetSocketAddress address = new InetSocketAddress(host, port);
                if (tls == null) {
                    return HttpServer.create(address, RequestDeadlines.BACKLOG);
                }
                HttpsServer server = HttpsServer.create(address, RequestDeadlines.BACKLOG);
                server.setHttpsConfigurator(tls);
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot serve metrics on " + host + ":" + port + " ("
                        + e.getMessage() + "): choose a free port, or 0 to let the system pick one.", e);
            }
        }
    }
}
