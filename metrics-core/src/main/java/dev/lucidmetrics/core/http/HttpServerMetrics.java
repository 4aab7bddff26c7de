package dev.lucidmetrics.core.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.Gauge;
import dev.lucidmetrics.core.Histogram;
import dev.lucidmetrics.core.Summary;
import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.model.HistogramKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Standard request metrics for a JDK {@code com.sun.net.httpserver} server, added as a {@link Filter}:
 * <pre>{@code
 * HttpServerMetrics http = HttpServerMetrics.builder(app).routes("/", "/images/{id}").register();
 * http.instrument(server.createContext("/", handler));
 * // image_gallery_requests_total{method="GET",route="/images/{id}",code="200"} 1.0
 * // image_gallery_in_flight_requests 0.0
 * // image_gallery_request_duration_seconds_bucket{method="GET",route="/images/{id}",code="200",le="0.005"} 1.0
 * }</pre>
 * The {@code route} label is the template a router matched ({@link #ROUTE_ATTRIBUTE}), else the declared template
 * the path matches, or the context path when none is declared; never the raw path.
 * See docs/http.md for the sentinels, the route cap and the codes of failed exchanges.
 */
public final class HttpServerMetrics {

    /**
     * The exchange attribute a router sets to the template it matched, such as {@code "/images/{id}"}, before it
     * calls the handler: {@code exchange.setAttribute(HttpServerMetrics.ROUTE_ATTRIBUTE, "/images/{id}")}. The
     * filter labels the request with it (counted against {@code maxRoutes}) and matches the path itself only when
     * no router set it. Set it on the exchange the router is given: the filter hands down an exchange whose
     * attributes are its own, where the JDK would share attributes between all exchanges of a context (so a
     * handler may also keep a trace id there for {@link Builder#traceIdsFrom}).
     */
    public static final String ROUTE_ATTRIBUTE = ServerLabels.ROUTE_ATTRIBUTE;
    /** Route of a 404 whose path matches no declared template. */
    public static final String NOT_FOUND = ServerLabels.NOT_FOUND;
    /** Route of any other status whose path matches no declared template. */
    public static final String UNMATCHED = ServerLabels.UNMATCHED;
    /** Method label of every method outside GET HEAD POST PUT DELETE PATCH OPTIONS TRACE CONNECT. */
    public static final String OTHER_METHOD = HttpMethods.OTHER;
    /** Code of an exchange whose handler threw or returned without sending a response. */
    public static final String NO_RESPONSE = ServerLabels.NO_RESPONSE;
    /** Code of an exchange whose client went away before the response was complete (nginx's convention). */
    public static final String CLIENT_CLOSED = ServerLabels.CLIENT_CLOSED;

    private static final int DEFAULT_MAX_ROUTES = 100;
    private static final int DEFAULT_MAX_EXCEPTION_CLASSES = 20;
    private final RequestRecorder recorder;
    private final Filter filter;

    private HttpServerMetrics(Builder b) {
        Routes routes = new Routes(b.routes, b.maxRoutes, b.app.namespace() + "_requests_total");
        List<String> excluded = new ArrayList<>(b.defaultExclusions ? PathExclusions.DEFAULTS : List.of());
        excluded.addAll(b.excluded);
        Counter requests = b.app.counter("requests_total")
                .help("HTTP requests completed, by method, route template and status code.")
                .labelNames("method", "route", "code").register();
        Gauge inFlight = b.app.gauge("in_flight_requests").help("HTTP requests being served right now.").register();
        Histogram duration = b.duration.register(b.app, "request_duration_seconds",
                "Time from receiving an HTTP request to completing its response, in seconds.",
                "method", "route", "code");
        Counter exceptions = b.app.counter("request_exceptions_total")
                .help("Exceptions thrown by HTTP handlers, by exception simple class name.")
                .labelNames("exception").maxLabelCombinations(b.maxExceptionClasses).register();
        Summary responseSize = !b.responseSize ? null : b.app.summary("response_size_bytes")
                .help("Bytes of HTTP response bodies written, by method, route template and status code.")
                .labelNames("method", "route", "code").register();
        TraceExemplars exemplars = new TraceExemplars(duration.name());
        this.recorder = new RequestRecorder(requests, inFlight, duration, exceptions, responseSize, routes,
                new PathExclusions(excluded), exemplars);
        this.filter = new ServerFilter(recorder, b.traceIdOf, exemplars);
    }

    /** Starts describing the request metrics of {@code app}'s HTTP server. */
    public static Builder builder(AppMetrics app) {
        return new Builder(Checks.notNull("app", app, "pass the AppMetrics the request metrics belong to"));
    }

    /** Adds the metrics filter in front of {@code context}'s other filters and returns the context. */
    public HttpContext instrument(HttpContext context) {
        if (!context.getFilters().contains(filter)) {
            context.getFilters().add(0, filter);
        }
        return context;
    }

    /** The filter that records requests; one instance, shareable by every context of the app. */
    public Filter filter() {
        return filter;
    }

    /**
     * What other servers' integrations record requests with (the Servlet filter does), so that they count
     * requests as the JDK filter does; see {@link RequestRecorder}.
     */
    public RequestRecorder recorder() {
        return recorder;
    }

    /** Builds {@link HttpServerMetrics}; every option is checked where it is passed. */
    public static final class Builder {
        private final AppMetrics app;
        private final List<String> routes = new ArrayList<>();
        private final List<String> excluded = new ArrayList<>();
        private boolean defaultExclusions = true;
        private int maxRoutes = DEFAULT_MAX_ROUTES;
        private int maxExceptionClasses = DEFAULT_MAX_EXCEPTION_CLASSES;
        private final DurationHistogram duration = new DurationHistogram();
        private boolean responseSize;
        private Function<HttpExchange, String> traceIdOf;

        Builder(AppMetrics app) {
            this.app = app;
        }

        /**
         * Route templates such as {@code /images/{id}} or {@code /users/{user}/albums/{album}}; a request is
         * labelled with the most specific template its path matches, a trailing slash ignored. Without templates
         * the route is the context path.
         */
        public Builder routes(String... templates) {
            for (String t : templates) {
                RouteTemplate.parse(t);
                routes.add(t);
            }
            return this;
        }

        /** Adds paths not counted at all: exact ({@code /favicon.ico}) or prefixes ({@code /static/*}). */
        public Builder excludePaths(String... paths) {
            for (String p : paths) {
                excluded.add(PathExclusions.check(p));
            }
            return this;
        }

        /** Drops the default exclusions ({@code /metrics /actuator/prometheus /-/healthy /health}). */
        public Builder withoutDefaultExclusions() {
            this.defaultExclusions = false;
            return this;
        }

        /** Distinct route values before new ones collapse into {@code OVERFLOW}, with one warning; default 100. */
        public Builder maxRoutes(int max) {
            this.maxRoutes = Checks.atLeastOne("maxRoutes", max, DEFAULT_MAX_ROUTES);
            return this;
        }

        /** Distinct exception class names in {@code <ns>_request_exceptions_total}; default 20. */
        public Builder maxExceptionClasses(int max) {
            this.maxExceptionClasses = Checks.atLeastOne("maxExceptionClasses", max, DEFAULT_MAX_EXCEPTION_CLASSES);
            return this;
        }

        /** Upper bounds in seconds for the duration histogram; default {@link Histogram#defaultBuckets()}. */
        public Builder durationBuckets(double... upperBounds) {
            duration.buckets(app.namespace() + "_request_duration_seconds", upperBounds);
            return this;
        }

        /** Also records {@code <ns>_response_size_bytes{method,route,code}}, a summary (count and sum). Off by default. */
        public Builder responseSize(boolean on) {
            this.responseSize = on;
            return this;
        }

        /**
         * How the duration histogram counts: classic buckets, a native histogram or both (see {@link HistogramKind});
         * default the app's ({@code histogramKind(...)}, {@code METRICS_HISTOGRAM_KIND}, else classic). Native and
         * both need the client_java backend.
         */
        public Builder durationKind(HistogramKind kind) {
            duration.kind(kind);
            return this;
        }

        /**
         * Samples exemplars on the duration histogram from the current OpenTelemetry span, when the OpenTelemetry
         * API is on the class path (off by default: sampling costs on every request).
         */
        public Builder withExemplars() {
            duration.withExemplars();
            return this;
        }

        /**
         * Gives each request's duration an exemplar {@code {trace_id="..."}} with the trace id {@code traceIdOf}
         * returns for the exchange (null or empty: none), for apps that carry trace ids without OpenTelemetry, such
         * as from a W3C {@code traceparent} header. Called when the request is recorded, after the handler ran, so
         * it may read an attribute the handler set.
         */
        public Builder traceIdsFrom(Function<HttpExchange, String> traceIdOf) {
            this.traceIdOf = Checks.notNull("traceIdOf", traceIdOf, "pass a function such as"
                    + " exchange -> (String) exchange.getAttribute(\"trace_id\")");
            return this;
        }

        /** Registers the families (idempotent per app) and returns the metrics; throws on a bad template or cap. */
        public HttpServerMetrics register() {
            return new HttpServerMetrics(this);
        }
    }
}
