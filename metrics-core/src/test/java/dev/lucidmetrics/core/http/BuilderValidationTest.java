package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.Filter;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.model.FamilySnapshot;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.InMemoryExchange;
import dev.lucidmetrics.testing.MetricValues;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad settings fail where they are passed, quoting the value and saying how to fix it. */
@CompatibilityKit
class BuilderValidationTest {

    private final AppMetrics app = AppMetrics.builder("app").build();

    private static String message(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @Test
    void aRouteCapBelowOneIsRefused() {
        assertEquals("maxRoutes(0) is illegal: it must be at least 1 (default 100).",
                message(() -> HttpServerMetrics.builder(app).maxRoutes(0)));
    }

    @Test
    void durationBucketsMustBeFiniteAndIncreasing() {
        assertEquals("durationBuckets(0.5, 0.1) of \"app_request_duration_seconds\" is illegal: pass at least one"
                + " finite bound, strictly increasing, such as durationBuckets(0.05, 0.1, 0.5, 1, 5); +Inf is added for"
                + " you.", message(() -> HttpServerMetrics.builder(app).durationBuckets(0.5, 0.1)));
        assertEquals("durationBuckets() of \"app_client_request_duration_seconds\" is illegal: pass at least one"
                + " finite bound, strictly increasing, such as durationBuckets(0.05, 0.1, 0.5, 1, 5); +Inf is added for"
                + " you.", message(() -> HttpClientMetrics.builder(app).durationBuckets()));
    }

    @Test
    void excludedPathsMustBeExactPathsOrSlashStarPrefixes() {
        assertEquals("Excluded path \"metrics\" must start with '/', as in \"/metrics\".",
                message(() -> HttpServerMetrics.builder(app).excludePaths("metrics")));
        assertEquals("Excluded path \"/static*\" is invalid: '*' may only end a prefix, as in \"/static/*\";"
                + " otherwise give an exact path such as \"/favicon.ico\".",
                message(() -> HttpServerMetrics.builder(app).excludePaths("/static*")));
    }

    @Test
    void routeTemplatesAreCheckedWhenDeclared() {
        assertEquals("Route template \"/images/{id\" is invalid: segment \"{id\" must be either literal text or one"
                + " whole variable such as {id}. Declare templates like \"/images/{id}\" or"
                + " \"/users/{user}/albums/{album}\".",
                message(() -> HttpServerMetrics.builder(app).routes("/images/{id")));
    }

    @Test
    void customDurationBucketsReachTheHistogram() {
        HttpClientMetrics.builder(app).durationBuckets(0.1, 1).register();
        HttpServerMetrics.builder(app).durationBuckets(0.25).register();
        // A labelled histogram has no series before its first observation (metrics-core no longer exposes an
        // all-OVERFLOW series from the start), so observe once through the same, idempotently re-registered family.
        app.histogram("request_duration_seconds")
                .help("Time from receiving an HTTP request to completing its response, in seconds.")
                .labelNames("method", "route", "code").register().labels("GET", "/", "200").observe(0.1);
        app.histogram("client_request_duration_seconds")
                .help("Duration of HTTP requests this app made to its peers, in seconds.")
                .labelNames("target", "method", "code").register().labels("iotd", "GET", "200").observe(0.1);
        MetricValues values = MetricValues.of(app);
        assertEquals(List.of("0.25", "+Inf"), values.labelValues("app_request_duration_seconds_bucket", "le"));
        assertEquals(List.of("0.1", "1.0", "+Inf"),
                values.labelValues("app_client_request_duration_seconds_bucket", "le"));
    }

    @Test
    void buildingTwiceForOneAppSharesTheFamilies() throws Exception {
        HttpServerMetrics first = HttpServerMetrics.builder(app).register();
        HttpServerMetrics second = HttpServerMetrics.builder(app).routes("/x").register();
        for (HttpServerMetrics http : List.of(first, second)) {
            InMemoryExchange exchange = new InMemoryExchange("GET", URI.create("/x"), "/");
            http.filter().doFilter(exchange, new Filter.Chain(List.of(), ex -> {
                ex.sendResponseHeaders(204, -1);
                ex.close();
            }));
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();   // nothing listens there once closed: each call fails at connect
        }
        HttpRequest refused = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closed + "/")).build();
        for (int i = 0; i < 2; i++) {
            InstrumentedHttpClient client = HttpClientMetrics.builder(app).register().wrap(HttpClient.newHttpClient());
            assertThrows(IOException.class, () -> client.send("peer", refused, BodyHandlers.discarding()));
        }

        MetricValues values = MetricValues.of(app);
        assertEquals(1.0, values.get("app_requests_total", "method", "GET", "route", "/", "code", "204"),
                "the first, without templates, labels by context path");
        assertEquals(1.0, values.get("app_requests_total", "method", "GET", "route", "/x", "code", "204"),
                "the second, with its template, counts in the same family");
        assertEquals(2.0, values.get("app_client_requests_total", "target", "peer", "method", "GET", "code",
                "error"), "both clients count in one series");
        assertEquals(List.of("app_client_requests_total", "app_requests_total"), app.snapshot().families().stream()
                .map(FamilySnapshot::name).filter(n -> n.endsWith("requests_total")).toList(), "one family each");
    }
}
