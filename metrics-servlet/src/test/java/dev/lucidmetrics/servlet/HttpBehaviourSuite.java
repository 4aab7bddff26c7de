package dev.lucidmetrics.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.http.HttpServerMetrics;
import dev.lucidmetrics.core.support.Scrapes;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.core.support.TextSamples;
import dev.lucidmetrics.testing.MetricValues;
import dev.lucidmetrics.testing.Poll;
import dev.lucidmetrics.testing.Promtool;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One behaviour suite of HTTP server metrics, run on each server by a subclass: the JDK server with the library's
 * filter, Jetty and Tomcat with {@link MetricsFilter}. The same requests give the same series on all of them.
 */
abstract class HttpBehaviourSuite {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String REQUESTS = "shop_requests_total";

    final AppMetrics app = AppMetrics.builder("shop").build();
    final MetricValues values = MetricValues.of(app);
    final TestApp testApp = new TestApp();
    RunningServer server;

    /** How this subclass starts its server. */
    abstract RunningServer.Kind kind();

    RunningServer start(UnaryOperator<HttpServerMetrics.Builder> options) throws Exception {
        server = kind().start(options.apply(HttpServerMetrics.builder(app)).register(), testApp);
        return server;
    }

    RunningServer start() throws Exception {
        return start(b -> b.routes(TestApp.ROUTES));
    }

    @AfterEach
    void stop() throws Exception {
        testApp.slowRelease.countDown();
        if (server != null) {
            server.close();
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> send(String method, String path) {
        return TestHttp.method(uri(path), method);
    }

    /** The status the client got, or -1 when the server closed the connection without an answer. */
    int statusOf(String method, String path) {
        try {
            return send(method, path).statusCode();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    void awaitCount(double expected, String... labels) {
        values.awaitValue(WAIT, expected, REQUESTS, labels);
    }

    void awaitInFlightZero() {
        values.awaitValue(WAIT, 0.0, "shop_in_flight_requests");
    }

    @Test
    void aDeclaredTemplateLabelsTheRequestWithOneTrailingSlashForgiven() throws Exception {
        start();
        assertEquals(200, send("GET", "/orders/42").statusCode());
        assertEquals(200, send("GET", "/orders/43/").statusCode());
        awaitCount(2.0, "method", "GET", "route", "/orders/{id}", "code", "200");
        assertEquals(2.0, values.sum(REQUESTS));
    }

    @Test
    void aFrameworksRouteAttributeLabelsTheRequestWithoutBeingDeclared() throws Exception {
        start();
        assertEquals(200, send("GET", "/framework/spring-boot").statusCode());
        assertEquals(200, send("GET", "/framework/javalin").statusCode());
        awaitCount(2.0, "method", "GET", "route", "/framework/{slug}", "code", "200");
    }

    @Test
    void aPathNoTemplateMatchesIsNotFoundFor404AndUnmatchedOtherwise() throws Exception {
        start();
        assertEquals(404, send("GET", "/no/such/page").statusCode());
        assertEquals(418, send("POST", "/teapot").statusCode());
        awaitCount(1.0, "method", "GET", "route", HttpServerMetrics.NOT_FOUND, "code", "404");
        awaitCount(1.0, "method", "POST", "route", HttpServerMetrics.UNMATCHED, "code", "418");
        assertFalse(values.labelValues(REQUESTS, "route").contains("/no/such/page"));
    }

    @Test
    void anExceptionFromTheHandlerIsCountedAs500WithItsClassAndTheClientGetsNoSuccess() throws Exception {
        start();
        int status = statusOf("POST", "/boom");   // POST: java.net.http retries a GET the server hung up on
        assertTrue(status == 500 || status == -1, "a failed handler answered " + status);
        awaitCount(1.0, "method", "POST", "route", "/boom", "code", "500");
        assertEquals(1.0, values.get("shop_request_exceptions_total", "exception", "IllegalStateException"));
        awaitInFlightZero();
    }

    @Test
    void newRouteValuesPastTheCapAreCountedAsOverflow() throws Exception {
        start(b -> b.maxRoutes(2));
        for (int i = 1; i <= 5; i++) {
            assertEquals(200, send("GET", "/dynamic/" + i).statusCode());
        }
        awaitCount(3.0, "method", "GET", "route", "OVERFLOW", "code", "200");
        assertEquals(List.of("/dynamic/1", "/dynamic/2", "OVERFLOW"),
                values.labelValues(REQUESTS, "route").stream().sorted().collect(Collectors.toList()));
    }

    @Test
    void excludedPathsAreNotCountedAtAll() throws Exception {
        start(b -> b.routes(TestApp.ROUTES).excludePaths("/teapot"));
        assertEquals(200, send("GET", "/metrics").statusCode());
        assertEquals(418, send("GET", "/teapot").statusCode());
        assertEquals(200, send("GET", "/orders/1").statusCode());
        awaitCount(1.0, "method", "GET", "route", "/orders/{id}", "code", "200");
        assertEquals(1.0, values.sum(REQUESTS));
    }

    @Test
    void aRequestIsInFlightUntilItsResponseIsComplete() throws Exception {
        start();
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Future<HttpResponse<String>> slow = client.submit(() -> send("GET", "/slow"));
            assertTrue(testApp.slowStarted.await(10, TimeUnit.SECONDS), "/slow never started");
            assertEquals(1.0, values.get("shop_in_flight_requests"));
            assertEquals(0.0, values.sum(REQUESTS));
            testApp.slowRelease.countDown();
            assertEquals(200, slow.get(10, TimeUnit.SECONDS).statusCode());
            awaitCount(1.0, "method", "GET", "route", "/slow", "code", "200");
            awaitInFlightZero();
        } finally {
            client.shutdownNow();
        }
    }

    @Test
    void methodsOutsideTheStandardSetAreCountedAsOther() throws Exception {
        start();
        String status = TestHttp.rawStatusLine(uri("/"), "BREW", "/orders/7");
        assertTrue(status.startsWith("HTTP/1.1 200"), status);
        awaitCount(1.0, "method", HttpServerMetrics.OTHER_METHOD, "route", "/orders/{id}", "code", "200");
    }

    @Test
    void theResponseSizeIsTheBodyBytesWritten() throws Exception {
        start(b -> b.routes(TestApp.ROUTES).responseSize(true));
        assertEquals("order 12345", send("GET", "/orders/12345").body());
        awaitCount(1.0, "method", "GET", "route", "/orders/{id}", "code", "200");
        values.awaitValue(WAIT, 11.0, "shop_response_size_bytes_sum", "method", "GET", "route", "/orders/{id}",
                "code", "200");
    }

    @Test
    void everyRequestOfManyConcurrentClientsIsCountedOnce() throws Exception {
        start();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String path = i % 2 == 0 ? "/orders/" + i : "/framework/x" + i;
                answers.add(clients.submit(() -> send("POST", path).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(20, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
        awaitCount(100.0, "method", "POST", "route", "/orders/{id}", "code", "200");
        awaitCount(100.0, "method", "POST", "route", "/framework/{slug}", "code", "200");
        awaitInFlightZero();
    }

    @Test
    void theSameRequestsGiveExactlyThisExpositionOnEveryServer() throws Exception {
        start();
        send("GET", "/orders/1");
        send("GET", "/orders/2");
        send("GET", "/framework/a");
        send("GET", "/nowhere");
        send("DELETE", "/teapot");
        statusOf("POST", "/boom");
        Poll.until(WAIT, () -> values.sum(REQUESTS) == 6.0, () -> "6 requests counted, saw " + values.sum(REQUESTS));
        awaitInFlightZero();
        String text = Scrapes.text(app, "name[]=shop_requests_total&name[]=shop_in_flight_requests"
                + "&name[]=shop_request_exceptions_total&name[]=shop_request_duration_seconds");
        String stable = text.lines().filter(l -> !l.contains("_bucket{") && !l.contains("_sum{"))
                .collect(Collectors.joining("\n", "", "\n"));
        assertEquals(samples("""
                # HELP shop_in_flight_requests HTTP requests being served right now.
                # TYPE shop_in_flight_requests gauge
                shop_in_flight_requests 0.0
                # HELP shop_request_duration_seconds Time from receiving an HTTP request to completing its response, in seconds.
                # TYPE shop_request_duration_seconds histogram
                shop_request_duration_seconds_count{method="DELETE",route="UNMATCHED",code="418",} 1.0
                shop_request_duration_seconds_count{method="GET",route="/framework/{slug}",code="200",} 1.0
                shop_request_duration_seconds_count{method="GET",route="/orders/{id}",code="200",} 2.0
                shop_request_duration_seconds_count{method="GET",route="NOT_FOUND",code="404",} 1.0
                shop_request_duration_seconds_count{method="POST",route="/boom",code="500",} 1.0
                # HELP shop_request_exceptions_total Exceptions thrown by HTTP handlers, by exception simple class name.
                # TYPE shop_request_exceptions_total counter
                shop_request_exceptions_total{exception="IllegalStateException",} 1.0
                # HELP shop_requests_total HTTP requests completed, by method, route template and status code.
                # TYPE shop_requests_total counter
                shop_requests_total{method="DELETE",route="UNMATCHED",code="418",} 1.0
                shop_requests_total{method="GET",route="/framework/{slug}",code="200",} 1.0
                shop_requests_total{method="GET",route="/orders/{id}",code="200",} 2.0
                shop_requests_total{method="GET",route="NOT_FOUND",code="404",} 1.0
                shop_requests_total{method="POST",route="/boom",code="500",} 1.0
                """), samples(stable));
        Promtool.assertClean(Scrapes.text(app));
    }

    /** What an exposition means, on any backend: its samples in canonical form, sorted within each family. */
    private static String samples(String exposition) {
        return Scrapes.samplesSorted(TextSamples.canonical(exposition));
    }
}
