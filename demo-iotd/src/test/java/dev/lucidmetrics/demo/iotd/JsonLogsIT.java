package dev.lucidmetrics.demo.iotd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.demo.support.DemoServer;
import dev.lucidmetrics.demo.support.JsonLogLines;
import dev.lucidmetrics.demo.support.Processes;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged jar with LOG_FORMAT=json: every line it writes, start to SIGTERM, is a JSON log line. */
class JsonLogsIT {

    private static final Path JAR = Path.of("target", "demo-iotd.jar");
    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void everyLineIsJsonAndTheTraceIdOfARequestIsInItsLine() throws Exception {
        List<JsonNode> stdout;
        List<JsonNode> stderr;
        try (Processes.Started p = Processes.startJar(JAR, Map.of("PORT", "0", "LOG_FORMAT", "json"))) {
            URI base = URI.create("http://localhost:" + p.port() + "/");
            String header = "00-" + TRACE + "-b7ad6b7169203331-01";
            assertEquals(200, TestHttp.get(base.resolve("/image"), "traceparent", header).statusCode());
            assertEquals(200, TestHttp.get(base.resolve("/image")).statusCode());
            assertEquals(200, TestHttp.get(base.resolve("/image"), "traceparent", "garbage").statusCode());
            assertEquals(404, TestHttp.get(base.resolve("/images/nope"), "traceparent", header).statusCode());
            assertEquals(200, TestHttp.get(base.resolve(DemoServer.HEALTH_PATH)).statusCode());
            assertEquals(143, p.sigtermAndAwaitCleanStop());
            stdout = JsonLogLines.parseEvery("stdout", p.stdout());
            stderr = JsonLogLines.parseEvery("stderr", p.stderr());
        }
        List<JsonNode> requests = JsonLogLines.where(stderr, JsonLogLines::isRequest);
        assertEquals(4, requests.size(), "no line for /health: " + requests);
        List<JsonNode> traced = JsonLogLines.where(requests, r -> r.get("trace_id").asText().equals(TRACE));
        assertEquals(List.of("/image 200", "/images/nope 404"), traced.stream()
                .map(r -> r.get("path").asText() + " " + r.get("status").asInt()).sorted().toList());
        assertNotEquals(traced.get(0).get("span_id"), traced.get(1).get("span_id"), "a span id per request");
        assertEquals(3, requests.stream().map(r -> r.get("trace_id")).distinct().count(), "two traces generated");
        JsonLogLines.one(stderr, l -> l.get("message").asText().startsWith("iotd listening on http://localhost:"),
                "the start-up line");
        System.out.printf("demo-iotd jar, LOG_FORMAT=json: %d stdout and %d stderr lines, every one JSON%n",
                stdout.size(), stderr.size());
    }

    @Test
    void aBadSettingStopsStartUpWithOneJsonErrorLineNamingIt() throws Exception {
        Processes.assertJsonStartupRefused(JAR, Map.of("PORT", "0", "CACHE_TTL", "soon"), "iotd cannot start:"
                + " CACHE_TTL=\"soon\" is not valid: expected a positive duration such as 500ms, 30s, 15m, 2h or PT2H.");
    }
}
