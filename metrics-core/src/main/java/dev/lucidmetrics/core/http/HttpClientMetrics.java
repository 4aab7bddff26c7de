package dev.lucidmetrics.core.http;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.Histogram;
import java.net.http.HttpClient;

/**
 * Metrics for calls this app makes to its peers, labelled by a logical target name:
 * {@code <ns>_client_requests_total{target,method,code}} and {@code <ns>_client_request_duration_seconds}.
 * <pre>{@code
 * InstrumentedHttpClient iotd = HttpClientMetrics.builder(app).build().wrap(HttpClient.newHttpClient());
 * HttpResponse<String> r = iotd.send("iotd", request, BodyHandlers.ofString());
 * }</pre>
 * (Provisional implementation; the HTTP instrumentation issue completes it.)
 */
public final class HttpClientMetrics {

    final Counter requests;
    final Histogram duration;

    private HttpClientMetrics(Builder b) {
        this.requests = b.app.counter("client_requests_total")
                .help("HTTP requests this app made to its peers, by target, method and status (or error).")
                .labelNames("target", "method", "code").register();
        this.duration = b.app.histogram("client_request_duration_seconds")
                .help("Duration of HTTP requests this app made to its peers, in seconds.")
                .labelNames("target", "method", "code").register();
    }

    public static Builder builder(AppMetrics app) {
        return new Builder(app);
    }

    /** Wraps {@code client}; every call through the wrapper is recorded. */
    public InstrumentedHttpClient wrap(HttpClient client) {
        return new InstrumentedHttpClient(client, this);
    }

    /** Builds {@link HttpClientMetrics}. */
    public static final class Builder {
        private final AppMetrics app;

        Builder(AppMetrics app) {
            this.app = app;
        }

        public HttpClientMetrics build() {
            return new HttpClientMetrics(this);
        }
    }
}
