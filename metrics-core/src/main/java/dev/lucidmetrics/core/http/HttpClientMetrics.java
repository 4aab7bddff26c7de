package dev.lucidmetrics.core.http;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.Histogram;
import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.model.HistogramKind;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Metrics for calls this app makes to its peers, labelled by a logical target name:
 * <pre>{@code
 * InstrumentedHttpClient client = HttpClientMetrics.builder(app).targets("iotd", "access-log").register()
 *         .wrap(HttpClient.newHttpClient());
 * HttpResponse<String> r = client.send("iotd", request, BodyHandlers.ofString());
 * // image_gallery_client_requests_total{target="iotd",method="GET",code="200"} 1.0
 * // image_gallery_client_request_duration_seconds_count{target="iotd",method="GET",code="200"} 1.0
 * }</pre>
 * {@code code} is the status as text, {@value #TIMEOUT} or {@value #ERROR}; see docs/http.md.
 */
public final class HttpClientMetrics {

    /** Code of a call that ended in a request or connect timeout. */
    public static final String TIMEOUT = ClientCalls.TIMEOUT;
    /** Code of a call that ended in any other failure (connection refused or reset, interrupted, ...). */
    public static final String ERROR = ClientCalls.ERROR;

    private static final int DEFAULT_MAX_TARGETS = 20;

    private final ClientCalls calls;

    private HttpClientMetrics(Builder b) {
        Counter requests = b.app.counter("client_requests_total")
                .help("HTTP requests this app made to its peers, by target, method and status (or timeout/error).")
                .labelNames("target", "method", "code").register();
        Histogram duration = b.duration.register(b.app, "client_request_duration_seconds",
                "Duration of HTTP requests this app made to its peers, in seconds.", "target", "method", "code");
        this.calls = new ClientCalls(requests, duration, new TargetNames(b.targets, b.maxTargets,
                b.app.namespace() + "_client_requests_total"), b.traceIdOf);
    }

    /** Starts describing the client metrics of {@code app}. */
    public static Builder builder(AppMetrics app) {
        return new Builder(Checks.notNull("app", app, "pass the AppMetrics the client metrics belong to"));
    }

    /** Wraps {@code client}; every call through the wrapper is recorded under the target it names. */
    public InstrumentedHttpClient wrap(HttpClient client) {
        return new InstrumentedHttpClient(Checks.notNull("client", client, "pass an HttpClient such as"
                + " HttpClient.newHttpClient()"), calls);
    }

    /** Builds {@link HttpClientMetrics}; every option is checked where it is passed. */
    public static final class Builder {
        private final AppMetrics app;
        private final List<String> targets = new ArrayList<>();
        private int maxTargets = DEFAULT_MAX_TARGETS;
        private final DurationHistogram duration = new DurationHistogram();
        private Function<HttpRequest, String> traceIdOf;

        Builder(AppMetrics app) {
            this.app = app;
        }

        /**
         * Declares the only target names calls may use; a call naming another one throws. Without declared
         * targets any well-formed name is accepted, up to {@link #maxTargets(int)}.
         */
        public Builder targets(String... names) {
            for (String n : names) {
                targets.add(TargetNames.check(n));
            }
            return this;
        }

        /** Distinct undeclared target names before new ones collapse into {@code OVERFLOW}; default 20. */
        public Builder maxTargets(int max) {
            this.maxTargets = Checks.atLeastOne("maxTargets", max, DEFAULT_MAX_TARGETS);
            return this;
        }

        /** Upper bounds in seconds for the duration histogram; default {@link Histogram#defaultBuckets()}. */
        public Builder durationBuckets(double... upperBounds) {
            duration.buckets(app.namespace() + "_client_request_duration_seconds", upperBounds);
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
         * API is on the class path (off by default: sampling costs on every call).
         */
        public Builder withExemplars() {
            duration.withExemplars();
            return this;
        }

        /**
         * Gives each call's duration an exemplar {@code {trace_id="..."}} with the trace id {@code traceIdOf}
         * returns for the request (null or empty: none), such as the trace-id part of its {@code traceparent}
         * header.
         */
        public Builder traceIdsFrom(Function<HttpRequest, String> traceIdOf) {
            this.traceIdOf = Checks.notNull("traceIdOf", traceIdOf, "pass a function that returns the request's trace"
                    + " id, or null for none");
            return this;
        }

        /** Registers the families (idempotent per app) and returns the metrics. */
        public HttpClientMetrics register() {
            return new HttpClientMetrics(this);
        }
    }
}
