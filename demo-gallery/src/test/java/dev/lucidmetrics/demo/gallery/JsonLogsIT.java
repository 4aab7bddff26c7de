package dev.lucidmetrics.demo.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.demo.support.DemoServer;
import dev.lucidmetrics.demo.support.JsonLogLines;
import dev.lucidmetrics.demo.support.Processes;
import dev.lucidmetrics.demo.support.TraceParent;
import dev.lucidmetrics.demo.support.StopInFlight;
import dev.lucidmetrics.testing.Poll;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The packaged jar with LOG_FORMAT=json: every line it writes, start to SIGTERM, is a JSON log line. */
class JsonLogsIT {

    private static final Path JAR = Path.of("target", "demo-gallery.jar");
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String HELD = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void everyLineIsJsonAndAPagesTraceIdIsInItsLinesAndInBothCalls() throws Exception {
        List<JsonNode> stdout;
        List<JsonNode> stderr;
        try (Stub iotd = new Stub("/image", 200, GalleryAppTest.IMAGE);
             Stub accessLog = new Stub("/access-log", 201, "{}");
             Processes.Started p = Processes.startJar(JAR, Map.of("PORT", "0", "LOG_FORMAT", "json",
                     "FAILURE_RATE", "0", "IMAGE_API_URL", iotd.url("/image"),
                     "ACCESS_API_URL", accessLog.url("/access-log")))) {
            URI page = URI.create("http://localhost:" + p.port() + "/");
            assertEquals(200, TestHttp.get(page, "traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01").statusCode());
            assertEquals(200, TestHttp.get(page).statusCode());
            assertEquals(200, TestHttp.get(page, "traceparent", "00-" + TRACE + "-0000000000000000-01").statusCode());
            assertEquals(404, TestHttp.get(page.resolve("/no/such/page")).statusCode());
            assertEquals(200, TestHttp.get(page.resolve(DemoServer.HEALTH_PATH)).statusCode());
            // A page in flight at SIGTERM: the graceful stop lets it finish, and its line is not lost.
            iotd.hold = true;
            CompletableFuture<HttpResponse<String>> held = TestHttp.client().sendAsync(TestHttp.request(page)
                    .header("traceparent", "00-" + HELD + "-00f067aa0ba902b7-01").build(), BodyHandlers.ofString());
            Poll.until("the held page to call iotd", Duration.ofSeconds(10), () -> iotd.bodies.size() == 4);
            p.sigterm();
            Poll.until("the gallery to stop accepting", Duration.ofSeconds(10), () -> !StopInFlight.accepts(p.port()));
            iotd.release.countDown();
            assertEquals(200, held.get(10, TimeUnit.SECONDS).statusCode());
            assertEquals(143, p.awaitExit(Processes.EXIT_HANG_GUARD));
            stdout = JsonLogLines.parseEvery("stdout", p.stdout());
            stderr = JsonLogLines.parseEvery("stderr", p.stderr());

            List<JsonNode> requests = JsonLogLines.where(stderr, JsonLogLines::isRequest);
            assertEquals(5, requests.size(), "four pages and the 404; no line for /health: " + requests);
            assertEquals(200, JsonLogLines.one(requests, r -> r.get("trace_id").asText().equals(HELD),
                    "the page that finished during the graceful stop").get("status").asInt());
            JsonNode traced = JsonLogLines.one(requests, r -> r.get("trace_id").asText().equals(TRACE),
                    "the page sent with a valid traceparent");
            assertEquals("/", traced.get("path").asText());
            assertEquals(200, traced.get("status").asInt());
            assertEquals(1, JsonLogLines.where(requests, r -> r.get("status").asInt() == 404).size());
            Set<String> pageTraces = JsonLogLines.where(requests, r -> r.get("path").asText().equals("/")).stream()
                    .map(r -> r.get("trace_id").asText()).collect(Collectors.toSet());
            assertEquals(4, pageTraces.size(), "the pages without a valid traceparent got traces of their own");
            assertEquals(pageTraces, traceIds(iotd.traceparents), "each page's call to iotd carries its trace id");
            assertEquals(pageTraces, traceIds(accessLog.traceparents), "and so does its call to access-log");
        }
        JsonNode started = JsonLogLines.one(stderr,
                l -> l.get("message").asText().startsWith("image-gallery listening"), "the start-up line");
        assertEquals("INFO", started.get("level").asText());
        assertEquals(Main.class.getName(), started.get("logger").asText());
        System.out.printf("demo-gallery jar, LOG_FORMAT=json: %d stdout and %d stderr lines, every one JSON%n",
                stdout.size(), stderr.size());
    }

    private static Set<String> traceIds(List<String> traceparents) {
        return traceparents.stream().map(h -> TraceParent.parse(h).orElseThrow().traceId()).collect(Collectors.toSet());
    }

    @Test
    void aBadSettingStopsStartUpWithOneJsonErrorLineNamingIt() throws Exception {
        Processes.assertJsonStartupRefused(JAR, Map.of("PORT", "0", "FAILURE_RATE", "150%"), "image-gallery cannot"
                + " start: FAILURE_RATE=\"150%\" is not valid: expected a ratio from 0 to 1 such as 0.1 (or a percentage"
                + " such as 10%).");
    }
}
