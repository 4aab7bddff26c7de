package dev.lucidmetrics.core.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.Gauge;
import dev.lucidmetrics.core.Histogram;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Standard request metrics for a JDK {@code com.sun.net.httpserver} server: {@code <ns>_requests_total{method,route,code}},
 * {@code <ns>_in_flight_requests} and {@code <ns>_request_duration_seconds{method,route,code}}.
 * <pre>{@code
 * HttpServerMetrics http = HttpServerMetrics.builder(app).routes("/", "/images/{id}").build();
 * http.instrument(server.createContext("/", handler));
 * }</pre>
 * (Provisional implementation; the HTTP instrumentation issue completes it.)
 */
public final class HttpServerMetrics {

    private final Counter requests;
    private final Gauge inFlight;
    private final Histogram duration;
    private final List<String> routes;
    private final Set<String> excluded;

    private HttpServerMetrics(Builder b) {
        this.requests = b.app.counter("requests_total").help("HTTP requests completed, by method, route and status.")
                .labelNames("method", "route", "code").register();
        this.inFlight = b.app.gauge("in_flight_requests").help("HTTP requests being served.").register();
        this.duration = b.app.histogram("request_duration_seconds").help("HTTP request duration in seconds.")
                .labelNames("method", "route", "code").register();
        this.routes = List.copyOf(b.routes);
        this.excluded = Set.copyOf(b.excluded);
    }

    public static Builder builder(AppMetrics app) {
        return new Builder(app);
    }

    /** Adds the metrics filter to {@code context} and returns it. */
    public HttpContext instrument(HttpContext context) {
        context.getFilters().add(filter());
        return context;
    }

    /** The filter that records requests; add it to any context. */
    public Filter filter() {
        return new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                String path = exchange.getRequestURI().getPath();
                if (excluded.contains(path)) {
                    chain.doFilter(exchange);
                    return;
                }
                long start = System.nanoTime();
                inFlight.inc();
                String code = "500";
                try {
                    chain.doFilter(exchange);
                    int status = exchange.getResponseCode();
                    code = status < 0 ? "500" : Integer.toString(status);
                } finally {
                    inFlight.dec();
                    String route = route(path, code);
                    String method = exchange.getRequestMethod();
                    requests.labels(method, route, code).inc();
                    duration.labels(method, route, code).observe((System.nanoTime() - start) / 1e9);
                }
            }

            @Override
            public String description() {
                return "Lucid Metrics HTTP server metrics";
            }
        };
    }

    private String route(String path, String code) {
        for (String template : routes) {
            if (template.equals(path) || matches(template, path)) {
                return template;
            }
        }
        return "404".equals(code) ? "NOT_FOUND" : "UNMATCHED";
    }

    private static boolean matches(String template, String path) {
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        if (t.length != p.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            boolean variable = t[i].startsWith("{") && t[i].endsWith("}") && !p[i].isEmpty();
            if (!variable && !t[i].equals(p[i])) {
                return false;
            }
        }
        return true;
    }

    /** Builds {@link HttpServerMetrics}. */
    public static final class Builder {
        private final AppMetrics app;
        private final List<String> routes = new ArrayList<>();
        private final List<String> excluded = new ArrayList<>(List.of("/metrics", "/-/healthy", "/health"));

        Builder(AppMetrics app) {
            this.app = app;
        }

        /** Route templates such as {@code /images/{id}}; requests are labelled by the template they match. */
        public Builder routes(String... templates) {
            routes.addAll(List.of(templates));
            return this;
        }

        /** Paths not counted at all (default: /metrics, /-/healthy, /health). */
        public Builder excludePaths(String... paths) {
            excluded.addAll(List.of(paths));
            return this;
        }

        public HttpServerMetrics build() {
            return new HttpServerMetrics(this);
        }
    }
}
