package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Serves a registry in the Prometheus text format at one exact path of an app's own JDK {@link HttpServer}.
 * <pre>{@code
 * MetricsHandler.builder(app).path("/actuator/prometheus").build().mount(server);
 * }</pre>
 * (Provisional implementation; the exposition issue completes it: OpenMetrics, gzip, name[] filter, _created.)
 */
public final class MetricsHandler implements HttpHandler {

    private final CollectorRegistry registry;
    private final String path;

    private MetricsHandler(Builder b) {
        this.registry = b.registry;
        this.path = b.path;
    }

    public static Builder builder(AppMetrics app) {
        return new Builder(app.collectorRegistry());
    }

    public static Builder builder(CollectorRegistry registry) {
        return new Builder(registry);
    }

    /** The exact path served. */
    public String path() {
        return path;
    }

    /** Creates the context for {@link #path()} on {@code server} and returns it. */
    public HttpContext mount(HttpServer server) {
        return server.createContext(path, this);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
            try (Writer w = new OutputStreamWriter(body, StandardCharsets.UTF_8)) {
                TextFormat.write004(w, registry.metricFamilySamples());
            }
            exchange.getResponseHeaders().set("Content-Type", TextFormat.CONTENT_TYPE_004);
            exchange.sendResponseHeaders(200, body.size());
            try (OutputStream os = exchange.getResponseBody()) {
                body.writeTo(os);
            }
        }
    }

    /** Builds a {@link MetricsHandler}. */
    public static final class Builder {
        private final CollectorRegistry registry;
        private String path = "/metrics";

        Builder(CollectorRegistry registry) {
            this.registry = registry;
        }

        /** The exact path to serve; default {@code /metrics}. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** Whether to expose simpleclient's {@code _created} series; default false. */
        public Builder createdSeries(boolean enabled) {
            return this;
        }

        public MetricsHandler build() {
            return new MetricsHandler(this);
        }
    }
}
