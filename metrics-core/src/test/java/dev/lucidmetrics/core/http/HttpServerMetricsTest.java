package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpContext;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.testing.MetricValues;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@CompatibilityKit
class HttpServerMetricsTest {

    private static final String REQUESTS = "image_gallery_requests_total";
    private static final String IN_FLIGHT = "image_gallery_in_flight_requests";

    private final AppMetrics app = AppMetrics.builder("image_gallery").build();
    private final MetricValues values = MetricValues.of(app);
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void awaitCount(double expected, String... labels) {
        TestServer.awaitValue(expected, () -> values.sum(REQUESTS, labels), REQUESTS + List.of(labels));
    }

    private HttpServerMetrics.Builder gallery() {
        return HttpServerMetrics.builder(app).routes("/", "/images/{id}", "/users/{user}/albums/{album}");
    }

    /** Answers by path: /images/... 200, /users/... 200, /broken 503, /moved 301, anything else 404. */
    private HttpContext galleryContext() {
        return server.context("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = path.equals("/") || path.startsWith("/images/") || path.startsWith("/users/") ? 200
                    : path.equals("/broken") ? 503 : path.equals("/moved") ? 301 : 404;
            TestServer.respond(exchange, status, "body of " + status);
        });
    }

    @Test
    void completedRequestsAreCountedByMethodRouteAndCodeAndInFlightReturnsToZero() throws Exception {
        gallery().register().instrument(galleryContext());
        assertEquals(200, server.get("/images/42").statusCode());
        assertEquals(200, server.get("/images/43").statusCode());
        assertEquals(404, server.get("/favicon.ico").statusCode());
        assertEquals(503, server.get("/broken").statusCode());
        assertEquals(301, server.send("POST", "/moved").statusCode());

        awaitCount(5);
        assertEquals(2.0, values.get(REQUESTS, "method", "GET", "route", "/images/{id}", "code", "200"));
        assertEquals(1.0, values.get(REQUESTS, "method", "GET", "route", "NOT_FOUND", "code", "404"));
        assertEquals(1.0, values.get(REQUESTS, "method", "GET", "route", "UNMATCHED", "code", "503"));
        assertEquals(1.0, values.get(REQUESTS, "method", "POST", "route", "UNMATCHED", "code", "301"));
        assertEquals(2.0, values.get("image_gallery_request_duration_seconds_count",
                "method", "GET", "route", "/images/{id}", "code", "200"));
        values.awaitValue(Duration.ofSeconds(10), 0.0, IN_FLIGHT);
    }

    @Test
    void templatesWithSeveralVariablesAndTrailingSlashesLabelTheDeclaredTemplate() throws Exception {
        gallery().register().instrument(galleryContext());
        server.get("/users/ada/albums/7");
        server.get("/users/bob/albums/8/");
        server.get("/images/1/");
        server.get("/");
        awaitCount(4);
        assertEquals(2.0, values.get(REQUESTS, "method", "GET", "route", "/users/{user}/albums/{album}", "code", "200"));
        assertEquals(1.0, values.get(REQUESTS, "method", "GET", "route", "/images/{id}", "code", "200"));
        assertEquals(1.0, values.get(REQUESTS, "method", "GET", "route", "/", "code", "200"));
    }

    @Test
    void headAndOptionsRequestsAreCountedUnderTheirOwnMethod() throws Exception {
        gallery().register().instrument(galleryContext());
        assertEquals(200, server.send("HEAD", "/images/1").statusCode());
        assertEquals(200, server.send("OPTIONS", "/images/1").statusCode());
        awaitCount(2);
        assertEquals(1.0, values.get(REQUESTS, "method", "HEAD", "route", "/images/{id}", "code", "200"));
        assertEquals(1.0, values.get(REQUESTS, "method", "OPTIONS", "route", "/images/{id}", "code", "200"));
        values.awaitValue(Duration.ofSeconds(10), 0.0, IN_FLIGHT);
    }

    @Test
    void unknownMethodsAreCountedAsOther() throws Exception {
        gallery().register().instrument(galleryContext());
        String status = server.raw("BREW", "/images/1");
        assertEquals("HTTP/1.1 200 OK", status);
        assertEquals("HTTP/1.1 200 OK", server.raw("get", "/images/1"));
        awaitCount(2);
        assertEquals(2.0, values.get(REQUESTS, "method", "OTHER", "route", "/images/{id}", "code", "200"),
                () -> values.labelValues(REQUESTS, "code") + " " + values.labelValues(REQUESTS, "route"));
        assertEquals(List.of("OTHER"), TestServer.countedValues(values, REQUESTS, "method"));
    }

    @Test
    void excludedPathsAreNotCountedAtAll() throws Exception {
        gallery().excludePaths("/favicon.ico", "/static/*").register().instrument(galleryContext());
        for (String path : List.of("/metrics", "/metrics/", "/actuator/prometheus", "/-/healthy", "/health",
                "/favicon.ico", "/static/site.css", "/static/img/a.png")) {
            server.get(path);
        }
        server.get("/images/1");
        awaitCount(1);
        assertEquals(1.0, values.sum(REQUESTS));
        assertEquals(1.0, values.sum("image_gallery_request_duration_seconds_count"));
        assertEquals(List.of("/images/{id}"), TestServer.countedValues(values, REQUESTS, "route"));
    }

    @Test
    void defaultExclusionsCanBeDropped() throws Exception {
        gallery().withoutDefaultExclusions().excludePaths("/health").register().instrument(galleryContext());
        server.get("/metrics");
        server.get("/health");
        awaitCount(1);
        assertEquals(1.0, values.get(REQUESTS, "method", "GET", "route", "NOT_FOUND", "code", "404"));
    }

    @Test
    void withoutTemplatesTheContextPathIsTheRoute() throws Exception {
        HttpServerMetrics http = HttpServerMetrics.builder(app).register();
        http.instrument(server.context("/api", TestServer.status(200)));
        http.instrument(server.context("/", TestServer.status(404)));
        server.get("/api/items/1");
        server.get("/api/items/2");
        server.get("/random/path");
        awaitCount(3);
        assertEquals(2.0, values.get(REQUESTS, "method", "GET", "route", "/api", "code", "200"));
        assertEquals(1.0, values.get(REQUESTS, "method", "GET", "route", "/", "code", "404"));
    }

    @Test
    void responseSizesAreRecordedOnlyWhenSwitchedOn() throws Exception {
        gallery().responseSize(true).register().instrument(galleryContext());
        server.get("/images/1");
        server.send("HEAD", "/images/1");
        String size = "image_gallery_response_size_bytes_sum";
        TestServer.awaitValue(2.0, () -> values.sum("image_gallery_response_size_bytes_count"), "size count");
        assertEquals("body of 200".length(), values.get(size, "method", "GET", "route", "/images/{id}", "code", "200"));
        assertEquals(0.0, values.get(size, "method", "HEAD", "route", "/images/{id}", "code", "200"));

        AppMetrics other = AppMetrics.builder("plain").build();
        HttpServerMetrics.builder(other).register();
        assertFalse(MetricValues.of(other).exists("plain_response_size_bytes_count"));
    }

    @Test
    void instrumentingAContextTwiceAddsTheFilterOnceAheadOfOthers() throws Exception {
        HttpServerMetrics http = gallery().register();
        HttpContext ctx = galleryContext();
        ctx.getFilters().add(com.sun.net.httpserver.Filter.beforeHandler("noop", exchange -> { }));
        http.instrument(ctx);
        http.instrument(ctx);
        assertEquals(2, ctx.getFilters().size());
        assertTrue(ctx.getFilters().get(0) == http.filter());
        server.get("/images/1");
        awaitCount(1);
    }

    @Test
    void theSeedFamilyNamesComeFromTheNamespace() throws Exception {
        gallery().register().instrument(galleryContext());
        server.get("/");
        awaitCount(1);
        assertEquals(1.0, values.get(REQUESTS, "method", "GET", "route", "/", "code", "200"));
        assertTrue(values.exists(IN_FLIGHT));
    }
}
