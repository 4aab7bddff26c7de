package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import io.prometheus.client.CollectorRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a registry on a port of its own, for apps that do not run a JDK HttpServer themselves.
 * <pre>{@code
 * try (MetricsServer server = MetricsServer.builder(app).port(9400).start()) { ... }
 * }</pre>
 * (Provisional implementation; the exposition issue completes it.)
 */
public final class MetricsServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static Builder builder(AppMetrics app) {
        return new Builder(app.collectorRegistry());
    }

    public static Builder builder(CollectorRegistry registry) {
        return new Builder(registry);
    }

    /** The bound port (useful after {@code port(0)}). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Builds and starts a {@link MetricsServer}. */
    public static final class Builder {
        private final CollectorRegistry registry;
        private String host = "0.0.0.0";
        private int port = 9400;
        private String path = "/metrics";

        Builder(CollectorRegistry registry) {
            this.registry = registry;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public MetricsServer start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
                ExecutorService executor = Executors.newFixedThreadPool(4);
                server.setExecutor(executor);
                MetricsHandler.builder(registry).path(path).build().mount(server);
                server.start();
                return new MetricsServer(server, executor);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
            }
        }
    }
}
