package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.support.LogCapture;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.testing.Poll;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String HEADER = "00-" + TRACE + "-00f067aa0ba902b7-01";
    private static final System.Logger HANDLER_LOG = System.getLogger("dev.lucidmetrics.demo.x.Handler");

    private LogCapture logs;
    private DemoServer server;
    private AppMetrics app;
    private final CountDownLatch slowEntered = new CountDownLatch(1);
    private final CountDownLatch releaseSlow = new CountDownLatch(1);

    @BeforeEach
    void start() {
        logs = JsonLogLines.capture();
        app = AppMetrics.builder("t").build();
        Router router = new Router()
                .on("GET", "/images/{id}", ex -> {
                    HANDLER_LOG.log(System.Logger.Level.INFO, "serving image " + Router.param(ex, "id"));
                    Responses.text(ex, 200, "text/plain", RequestLog.trace(ex).header());
                })
                .on("GET", "/slow", ex -> {
                    String atStart = RequestLog.trace(ex).header();
                    slowEntered.countDown();
                    try {
                        releaseSlow.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Responses.text(ex, 200, "text/plain", atStart + " " + RequestLog.trace(ex).header());
                });
        server = DemoServer.builder("t").port(0).router(router, app)
                .metrics(app, MetricsConfig.empty()).start();
    }

    @AfterEach
    void stop() {
        server.stop();
        logs.close();
    }

    /** The request lines so far, once {@code count} of them are there (written just after the response). */
    private List<JsonNode> requestLines(int count) {
        Poll.until(count + " request lines", Duration.ofSeconds(5),
                () -> JsonLogLines.where(JsonLogLines.parseEvery("log", logs.lines()), JsonLogLines::isRequest)
                        .size() >= count);
        return JsonLogLines.where(JsonLogLines.parseEvery("log", logs.lines()), JsonLogLines::isRequest);
    }

    @Test
    void theTraceIdOfAnIncomingTraceparentIsInEveryLineOfItsRequestWithASpanOfItsOwn() {
        String served = TestHttp.get(server.uri("/images/7"), "traceparent", HEADER).body();

        JsonNode request = requestLines(1).get(0);
        assertEquals(TRACE, request.get("trace_id").asText());
        assertNotEquals("00f067aa0ba902b7", request.get("span_id").asText(), "the caller's span is not ours");
        assertEquals("00-" + TRACE + "-" + request.get("span_id").asText() + "-01", served,
                "the handler sees the same trace the line shows");
        assertEquals("GET", request.get("method").asText());
        assertEquals("/images/7", request.get("path").asText());
        assertEquals(200, request.get("status").asInt());
        assertEquals("GET /images/7 200", request.get("message").asText());
        JsonNode handlerLine = JsonLogLines.one(JsonLogLines.parseEvery("log", logs.lines()),
                l -> l.get("message").asText().equals("serving image 7"), "the handler's own line");
        assertEquals(TRACE, handlerLine.get("trace_id").asText());
        assertEquals(request.get("span_id"), handlerLine.get("span_id"));
    }

    @Test
    void aMissingOrMalformedTraceparentGetsANewTraceAndNeverAnError() {
        assertEquals(200, TestHttp.get(server.uri("/images/1")).statusCode());
        assertEquals(200, TestHttp.get(server.uri("/images/2"), "traceparent", "00-not-a-trace").statusCode());
        assertEquals(200, TestHttp.get(server.uri("/images/3"), "traceparent", HEADER.toUpperCase()).statusCode());

        List<JsonNode> lines = requestLines(3);
        assertEquals(3, lines.stream().map(l -> l.get("trace_id").asText()).distinct().count(), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.get("trace_id").asText().equals(TRACE.toUpperCase())
                || l.get("trace_id").asText().equals(TRACE)), lines.toString());
    }

    @Test
    void healthChecksAreNotLoggedAtTheDefaultLevel() {
        assertEquals(200, TestHttp.get(server.healthUrl()).statusCode());
        assertEquals(404, TestHttp.get(server.uri("/nothing/here?secret=1")).statusCode());

        JsonNode notFound = requestLines(1).get(0);
        assertEquals("/nothing/here", notFound.get("path").asText(), "the query string is never logged");
        assertEquals(404, notFound.get("status").asInt());
        assertEquals(1, requestLines(1).size(), "no line for /health");
    }

    @Test
    void theRequestDurationCarriesTheTraceIdAsAnExemplar() {
        TestHttp.get(server.uri("/images/7"), "traceparent", HEADER);
        String scrape = TestHttp.get(server.uri("/metrics"), "Accept",
                "application/openmetrics-text; version=1.0.0; charset=utf-8").body();
        assertTrue(scrape.lines().anyMatch(l -> l.startsWith("t_request_duration_seconds_bucket{")
                && l.contains("route=\"/images/{id}\"") && l.contains("# {trace_id=\"" + TRACE + "\"}")), scrape);
    }

    @Test
    void aRequestKeepsItsTraceWhileAnotherOneIsServedAlongside() throws Exception {
        String other = "0af7651916cd43dd8448eb211c80319c";
        CompletableFuture<HttpResponse<String>> slow = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(server.uri("/slow")).header("traceparent", HEADER).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(slowEntered.await(10, TimeUnit.SECONDS), "the slow request reached its handler");
        TestHttp.get(server.uri("/images/9"), "traceparent", "00-" + other + "-b7ad6b7169203331-01");
        releaseSlow.countDown();

        String[] seen = slow.get(10, TimeUnit.SECONDS).body().split(" ");
        assertEquals(seen[0], seen[1], "the trace read after the other request was served");
        assertTrue(seen[0].startsWith("00-" + TRACE + "-"), seen[0]);
        String scrape = TestHttp.get(server.uri("/metrics"), "Accept",
                "application/openmetrics-text; version=1.0.0; charset=utf-8").body();
        assertTrue(scrape.lines().anyMatch(l -> l.startsWith("t_request_duration_seconds_bucket{")
                && l.contains("route=\"/slow\"") && l.contains("# {trace_id=\"" + TRACE + "\"}")), scrape);
    }
}
