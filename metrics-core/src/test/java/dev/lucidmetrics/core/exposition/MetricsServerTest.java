package dev.lucidmetrics.core.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.TextSamples;
import dev.lucidmetrics.core.support.TestHttp;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The stand-alone metrics server on port 0, called over real sockets. */
@CompatibilityKit
class MetricsServerTest {

    private static MetricsServer.Builder local(AppMetrics app) {
        return MetricsServer.builder(app).host("127.0.0.1").port(0);
    }

    private static void rejects(String message, Executable build) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, build).getMessage());
    }

    @Test
    void servesMetricsHealthAnd404Elsewhere() {
        try (MetricsServer server = local(Fixtures.smallApp()).start()) {
            assertEquals(TextSamples.canonical(MetricsHandlerTest.GOLDEN),
                    TextSamples.canonical(TestHttp.get(server.port(), "/metrics").body()));
            HttpResponse<String> health = TestHttp.get(server.port(), "/-/healthy");
            assertEquals(200, health.statusCode());
            assertEquals("OK", health.body());
            for (String other : new String[] {"/", "/anything", "/metrics/x", "/metricsx", "/-/healthy/x"}) {
                HttpResponse<String> r = TestHttp.get(server.port(), other);
                assertEquals(404, r.statusCode(), other);
                assertFalse(r.body().contains("shop_orders_total"), other);
            }
        }
        assertNull(System.getProperty("sun.net.httpserver.maxReqTime"), "no JVM-wide property may be set");
        assertNull(System.getProperty("sun.net.httpserver.maxRspTime"), "no JVM-wide property may be set");
    }

    @Test
    void servesAConfiguredPath() {
        try (MetricsServer server = local(Fixtures.smallApp()).path("/internal/metrics").start()) {
            assertEquals(200, TestHttp.get(server.port(), "/internal/metrics").statusCode());
            assertEquals(404, TestHttp.get(server.port(), "/metrics").statusCode());
        }
    }

    @Test
    void twoSlowScrapesRunInParallel() throws Exception {
        AppMetrics app = Fixtures.smallApp();
        // Each scrape waits inside a callback until the other one is there too: one thread would never get both in.
        Fixtures.meetingPoint(app, new CyclicBarrier(2), 10_000);
        try (MetricsServer server = local(app).start()) {
            HttpClient client = HttpClient.newHttpClient();   // its own connections, one per request
            CompletableFuture<HttpResponse<String>> first = client.sendAsync(
                    TestHttp.request(server.port(), "/metrics").build(), BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> second = client.sendAsync(
                    TestHttp.request(server.port(), "/metrics").build(), BodyHandlers.ofString());
            assertTrue(first.get().body().contains("shop_meeting_point 1.0"), first.get().body());
            assertTrue(second.get().body().contains("shop_meeting_point 1.0"), second.get().body());
        }
    }

    @Test
    void oneThreadCannotServeTheTwoScrapesThatMustMeet() throws Exception {
        AppMetrics app = Fixtures.smallApp();
        Fixtures.meetingPoint(app, new CyclicBarrier(2), 300);
        try (MetricsServer server = local(app).threads(1).start()) {
            HttpClient client = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<String>> first = client.sendAsync(
                    TestHttp.request(server.port(), "/metrics").build(), BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> second = client.sendAsync(
                    TestHttp.request(server.port(), "/metrics").build(), BodyHandlers.ofString());
            // the control for twoSlowScrapesRunInParallel: serialised scrapes never meet (each callback fails, its
            // series is left out and the scrape still answers)
            assertEquals(200, first.get().statusCode());
            assertFalse(first.get().body().contains("shop_meeting_point 1.0"), first.get().body());
            assertFalse(second.get().body().contains("shop_meeting_point 1.0"), second.get().body());
        }
    }

    @Test
    void basicAuthGuardsMetricsButNotHealth() {
        try (MetricsServer server = local(Fixtures.smallApp()).basicAuth("prometheus", "s3cret").start()) {
            int port = server.port();
            HttpResponse<String> none = TestHttp.get(port, "/metrics");
            assertEquals(401, none.statusCode());
            assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\"metrics\""));
            assertEquals(401, TestHttp.get(port, "/metrics", "Authorization", basic("prometheus", "wrong")).statusCode());
            assertEquals(401, TestHttp.get(port, "/metrics", "Authorization", basic("admin", "s3cret")).statusCode());
            HttpResponse<String> ok = TestHttp.get(port, "/metrics", "Authorization", basic("prometheus", "s3cret"));
            assertEquals(200, ok.statusCode());
            assertEquals(TextSamples.canonical(MetricsHandlerTest.GOLDEN), TextSamples.canonical(ok.body()));
            assertEquals(200, TestHttp.get(port, "/-/healthy").statusCode());
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void closeLetsARunningScrapeFinishThenFreesThePort() throws Exception {
        AppMetrics app = Fixtures.smallApp();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Fixtures.blocking(app, entered, release);
        MetricsServer server = local(app).start();
        int port = server.port();
        CompletableFuture<HttpResponse<String>> scrape = HttpClient.newHttpClient().sendAsync(
                TestHttp.request(port, "/metrics").build(), BodyHandlers.ofString());
        entered.await();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        assertFalse(closing.isDone(), "close must wait for the running scrape");
        release.countDown();
        assertEquals(200, scrape.get().statusCode());
        closing.get();
        ExecutionException refused = assertThrows(ExecutionException.class, () -> HttpClient.newHttpClient()
                .sendAsync(TestHttp.request(port, "/metrics").build(), BodyHandlers.ofString()).get());
        assertTrue(refused.getCause() instanceof ConnectException, String.valueOf(refused.getCause()));
    }

    @Test
    void otherMethodsGet405() {
        try (MetricsServer server = local(Fixtures.smallApp()).start()) {
            HttpResponse<String> r = TestHttp.send(TestHttp.request(server.port(), "/metrics")
                    .method("DELETE", HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.ofString());
            assertEquals(405, r.statusCode());
            assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(""));
        }
    }

    @Test
    void builderRejectsBadSettingsQuotingThem() {
        AppMetrics app = AppMetrics.builder("shop").build();
        rejects("Metrics path \"metrics\" must start with '/', as in \"/metrics\".",
                () -> MetricsServer.builder(app).path("metrics"));
        rejects("Metrics path \"/me trics\" contains a space: use a plain path such as \"/metrics\", without query,"
                + " fragment, escapes or spaces.", () -> MetricsServer.builder(app).path("/me trics"));
        rejects("Metrics path \"/-/healthy\" is the health path: choose another, such as \"/metrics\".",
                () -> MetricsServer.builder(app).path("/-/healthy"));
        rejects("port(70000) is out of range: use 1-65535, or 0 for a free port.",
                () -> MetricsServer.builder(app).port(70000));
        rejects("port(-1) is out of range: use 1-65535, or 0 for a free port.",
                () -> MetricsServer.builder(app).port(-1));
        rejects("threads(0) is out of range: use 1-64; 4 serves an HA pair of Prometheus servers with room to spare.",
                () -> MetricsServer.builder(app).threads(0));
        rejects("Basic auth user \"a:b\" is illegal: use a non-blank name without ':' (HTTP basic auth separates user"
                + " and password with it).", () -> MetricsServer.builder(app).basicAuth("a:b", "pw"));
        rejects("Basic auth password for user \"prometheus\" is empty: give a non-empty password, read from a secret"
                + " file rather than written in code.", () -> MetricsServer.builder(app).basicAuth("prometheus", ""));
        rejects("Metrics path \"/actuator//prometheus\" contains \"//\": use single slashes, as in"
                + " \"/actuator/prometheus\".", () -> MetricsHandler.builder(app).path("/actuator//prometheus"));
    }

    @Test
    void aBusyPortIsReportedWithTheAddress() {
        try (MetricsServer first = local(Fixtures.smallApp()).start()) {
            String message = assertThrows(java.io.UncheckedIOException.class,
                    () -> local(Fixtures.smallApp()).port(first.port()).start()).getMessage();
            assertTrue(message.startsWith("Cannot serve metrics on 127.0.0.1:" + first.port() + " ("), message);
            assertTrue(message.endsWith("): choose a free port, or 0 to let the system pick one."), message);
        }
    }
}
