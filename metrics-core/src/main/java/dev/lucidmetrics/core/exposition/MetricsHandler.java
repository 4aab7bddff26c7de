package dev.lucidmetrics.core.exposition;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.internal.PathRule;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Serves a registry at one exact path of an app's own JDK {@link HttpServer}: the Prometheus text format 0.0.4, or
 * OpenMetrics 1.0.0 when {@code Accept} asks for it; gzip when {@code Accept-Encoding} allows; {@code name[]=...}
 * to select families; GET and HEAD only.
 * <pre>{@code
 * MetricsHandler.builder(app).path("/actuator/prometheus").build().mount(server);
 * // GET /actuator/prometheus -> 200, Content-Type: text/plain; version=0.0.4; charset=utf-8
 * // GET /actuator/prometheus/x -> 404        POST /actuator/prometheus -> 405, Allow: GET, HEAD
 * }</pre>
 * simpleclient's {@code _created} series are left out unless {@link Builder#createdSeries(boolean)} asks for them.
 * Each scrape renders into a buffer of its own, released after the response.
 */
public final class MetricsHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(MetricsHandler.class.getName());
    static final String ALLOWED = "GET, HEAD";

    private final CollectorRegistry registry;
    private final String path;
    private final boolean createdSeries;

    private MetricsHandler(Builder b) {
        this.registry = b.registry;
        this.path = b.path;
        this.createdSeries = b.createdSeries;
    }

    /** Starts describing the handler that serves {@code app}'s metrics. */
    public static Builder builder(AppMetrics app) {
        return new Builder(Checks.notNull("app", app, "pass the AppMetrics whose metrics to serve"));
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
                TextResponses.text(exchange, 404, "Not found: metrics are at " + path + "\n");
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                TextResponses.methodNotAllowed(exchange, ALLOWED);
                return;
            }
            ScrapeRequest request;
            try {
                request = ScrapeRequest.of(exchange.getRequestHeaders(), exchange.getRequestURI().getRawQuery());
            } catch (IllegalArgumentException e) {
                TextResponses.text(exchange, 400, e.getMessage() + "\n");
                return;
            }
            respond(exchange, request, method.equals("HEAD"));
        }
    }

    private void respond(HttpExchange exchange, ScrapeRequest request, boolean head) throws IOException {
        ByteArrayOutputStream body = null;
        if (!head) {
            try {
                body = render(request);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Collecting metrics for " + path + " failed", e);
                TextResponses.text(exchange, 500, "Collecting metrics failed; see the application log.\n");
                return;
            }
        }
        exchange.getResponseHeaders().set("Content-Type", request.contentType);
        exchange.getResponseHeaders().set("Vary", "Accept, Accept-Encoding");
        if (request.gzip) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        if (head) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, body.size());
        try (OutputStream os = exchange.getResponseBody()) {
            body.writeTo(os);
        }
    }

    private ByteArrayOutputStream render(ScrapeRequest request) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(8 * 1024);
        OutputStream target = request.gzip ? new GZIPOutputStream(body, 8 * 1024) : body;
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8))) {
            TextFormat.writeFormat(request.contentType, writer,
                    new FamilyFilter(request.names, createdSeries).collect(registry));
        }
        return body;
    }

    /** Builds a {@link MetricsHandler}. */
    public static final class Builder {
        private final CollectorRegistry registry;
        private String path = MetricsConfig.DEFAULT_PATH;
        private boolean createdSeries;

        Builder(AppMetrics app) {
            this.registry = app.collectorRegistry();
        }

        /** Takes {@code METRICS_PATH} and {@code METRICS_CREATED_SERIES} from the settings. */
        public Builder config(MetricsConfig config) {
            Checks.notNull("config", config, "pass MetricsConfig.fromEnvironment()");
            return path(config.path()).createdSeries(config.createdSeries());
        }

        /** The exact path to serve, such as {@code /actuator/prometheus}; default {@code /metrics}. */
        public Builder path(String path) {
            this.path = PathRule.check("Metrics path", path);
            return this;
        }

        /**
         * Whether to expose simpleclient's {@code _created} series of counters, histograms and summaries; default
         * false (client_java 1.x dropped them by default too: they double the series count for little use).
         */
        public Builder createdSeries(boolean enabled) {
            this.createdSeries = enabled;
            return this;
        }

        public MetricsHandler build() {
            return new MetricsHandler(this);
        }
    }
}
