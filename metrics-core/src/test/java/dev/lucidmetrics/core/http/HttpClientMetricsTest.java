package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.LogCapture;
import dev.lucidmetrics.testing.MetricValues;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@CompatibilityKit
class HttpClientMetricsTest {

    private static final String CALLS = "image_gallery_client_requests_total";
    private static final String DURATIONS = "image_gallery_client_request_duration_seconds_count";

    private final AppMetrics app = AppMetrics.builder("image_gallery").build();
    private final MetricValues values = MetricValues.of(app);
    private final CountDownLatch release = new CountDownLatch(1);
    private final InstrumentedHttpClient client = HttpClientMetrics.builder(app).targets("iotd", "access-log").register()
            .wrap(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        server.context("/image", TestServer.status(200));
        server.context("/broken", TestServer.status(503));
        server.context("/slow", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            TestServer.respond(exchange, 200, "late");
        });
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
    }

    private void assertCountedOnce(String target, String method, String code) {
        assertEquals(1.0, values.sum(CALLS), "one call, counted once");
        assertEquals(1.0, values.get(CALLS, "target", target, "method", method, "code", code));
        assertEquals(1.0, values.get(DURATIONS, "target", target, "method", method, "code", code));
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/image");
        }
    }

    @Test
    void aSuccessfulSyncCallIsCountedWithItsStatus() throws Exception {
        assertEquals(200, client.send("iotd", get(server.uri("/image")), BodyHandlers.ofString()).statusCode());
        assertCountedOnce("iotd", "GET", "200");
    }

    @Test
    void aSuccessfulAsyncCallIsCountedBeforeTheFutureCompletes() throws Exception {
        HttpRequest post = HttpRequest.newBuilder(server.uri("/image"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertEquals(200, client.sendAsync("access-log", post, BodyHandlers.ofString()).get().statusCode());
        assertCountedOnce("access-log", "POST", "200");
    }

    @Test
    void serverErrorsAreCountedWithTheirStatusSyncAndAsync() throws Exception {
        client.send("iotd", get(server.uri("/broken")), BodyHandlers.ofString());
        assertCountedOnce("iotd", "GET", "503");
        client.sendAsync("iotd", get(server.uri("/broken")), BodyHandlers.ofString()).get();
        assertEquals(2.0, values.get(CALLS, "target", "iotd", "method", "GET", "code", "503"));
    }

    @Test
    void aRefusedConnectionIsCountedAsErrorSync() throws Exception {
        assertThrows(ConnectException.class, () -> client.send("iotd", get(closedPort()), BodyHandlers.ofString()));
        assertCountedOnce("iotd", "GET", "error");
    }

    @Test
    void aRefusedConnectionIsCountedAsErrorAsync() throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.sendAsync("iotd", get(closedPort()), BodyHandlers.ofString()).get());
        assertInstanceOf(ConnectException.class, e.getCause());
        assertCountedOnce("iotd", "GET", "error");
    }

    @Test
    void aRequestTimeoutIsCountedAsTimeoutSync() {
        HttpRequest slow = HttpRequest.newBuilder(server.uri("/slow")).timeout(Duration.ofMillis(200)).build();
        assertThrows(HttpTimeoutException.class, () -> client.send("iotd", slow, BodyHandlers.ofString()));
        assertCountedOnce("iotd", "GET", "timeout");
    }

    @Test
    void aRequestTimeoutIsCountedAsTimeoutAsync() {
        HttpRequest slow = HttpRequest.newBuilder(server.uri("/slow")).timeout(Duration.ofMillis(200)).build();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.sendAsync("iotd", slow, BodyHandlers.ofString()).get());
        assertInstanceOf(HttpTimeoutException.class, e.getCause());
        assertCountedOnce("iotd", "GET", "timeout");
    }

    @Test
    void connectTimeoutsCountAsTimeoutAndOtherFailuresAsErrorWithoutTheirMessages() {
        assertEquals("timeout", ClientOutcome.codeFor(new HttpConnectTimeoutException("connect timed out")));
        assertEquals("timeout", ClientOutcome.codeFor(new CompletionException(
                new ConnectException("wrapped") {{ initCause(new HttpConnectTimeoutException("x")); }})));
        assertEquals("error", ClientOutcome.codeFor(new CompletionException(new ConnectException("refused"))));
        assertEquals("error", ClientOutcome.codeFor(new IOException("Connection reset by peer")));
    }

    @Test
    void undeclaredTargetsAreRejectedBeforeAnythingIsSent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client.send("nasa", get(server.uri("/image")), BodyHandlers.ofString()));
        assertEquals("Target \"nasa\" is not declared; declared targets are [access-log, iotd]. Add it with"
                + " HttpClientMetrics.builder(app).targets(...).", e.getMessage());
        assertEquals(0.0, values.sum(CALLS));
    }

    @Test
    void urlsAreRefusedAsTargetNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HttpClientMetrics.builder(app).targets("http://iotd/image"));
        assertEquals("Target \"http://iotd/image\" is not a logical target name: use a short name such as \"iotd\""
                + " or \"access-log\" (lower-case letters, digits, '.', '_', '-'; at most 63 characters), never a URL"
                + " or a value from a request.", e.getMessage());
    }

    @Test
    void undeclaredTargetNamesPastTheCapCollapseIntoOverflow() throws Exception {
        AppMetrics other = AppMetrics.builder("crawler").build();
        InstrumentedHttpClient open = HttpClientMetrics.builder(other).maxTargets(2).register()
                .wrap(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        try (LogCapture log = new LogCapture(dev.lucidmetrics.core.internal.CardinalityGuard.class)) {
            for (String target : new String[] {"a", "b", "c", "d", "a"}) {
                open.send(target, get(server.uri("/image")), BodyHandlers.discarding());
            }
            assertEquals(1, log.warnings().size(), log.warnings()::toString);
        }
        MetricValues crawler = MetricValues.of(other);
        assertEquals(2.0, crawler.get("crawler_client_requests_total", "target", "a", "method", "GET", "code", "200"));
        assertEquals(2.0, crawler.get("crawler_client_requests_total",
                "target", "OVERFLOW", "method", "GET", "code", "200"));
    }

    @Test
    void unknownClientMethodsAreCountedAsOther() throws Exception {
        HttpRequest brew = HttpRequest.newBuilder(server.uri("/image")).method("BREW", HttpRequest.BodyPublishers
                .noBody()).build();
        client.send("iotd", brew, BodyHandlers.discarding());
        assertCountedOnce("iotd", "OTHER", "200");
    }
}
