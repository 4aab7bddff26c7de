package dev.lucidmetrics.demo.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.demo.support.DemoServer;
import dev.lucidmetrics.demo.support.JsonLogLines;
import dev.lucidmetrics.demo.support.Processes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar with LOG_FORMAT=json: every line it writes, start to SIGTERM, is a JSON log line; the visit
 * records on stdout follow the same schema.
 */
class JsonLogsIT {

    private static final Path JAR = Path.of("target", "demo-accesslog.jar");
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static int post(URI uri, String body, String... headers) {
        HttpRequest.Builder request = TestHttp.request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return TestHttp.send(request.build()).statusCode();
    }

    @Test
    void everyLineIsJsonAndAVisitCarriesTheTraceIdOfItsRequest() throws Exception {
        List<JsonNode> stdout;
        List<JsonNode> stderr;
        try (Processes.Started p = Processes.startJar(JAR, Map.of("PORT", "0", "LOG_FORMAT", "json"))) {
            URI log = URI.create("http://localhost:" + p.port() + "/access-log");
            String header = "00-" + TRACE + "-00f067aa0ba902b7-01";
            assertEquals(201, post(log, "{\"clientIp\": \"203.0.113.7\"}", "traceparent", header));
            assertEquals(201, post(log, "{\"clientIp\": \"198.51.100.1\"}"));
            assertEquals(400, post(log, "{\"clientIp\": ", "traceparent", "00-" + TRACE + "-nothex-01"));
            assertEquals(200, TestHttp.get(log.resolve("/stats")).statusCode());
            assertEquals(200, TestHttp.get(log.resolve(DemoServer.HEALTH_PATH)).statusCode());
            assertEquals(143, p.sigtermAndAwaitCleanStop());
            stdout = JsonLogLines.parseEvery("stdout", p.stdout());
            stderr = JsonLogLines.parseEvery("stderr", p.stderr());
        }
        assertEquals(2, stdout.size(), "one record per accepted visit: " + stdout);
        JsonNode visit = JsonLogLines.one(stdout, v -> v.get("trace_id").asText().equals(TRACE), "the traced visit");
        assertEquals("203.0.113.7", visit.get("clientIp").asText());
        assertEquals("visit", visit.get("message").asText());
        JsonNode request = JsonLogLines.one(JsonLogLines.where(stderr, JsonLogLines::isRequest),
                r -> r.get("trace_id").asText().equals(TRACE), "its request line");
        assertEquals(visit.get("span_id"), request.get("span_id"), "the record and the request line: one span");
        assertEquals(201, request.get("status").asInt());
        List<JsonNode> requests = JsonLogLines.where(stderr, JsonLogLines::isRequest);
        assertEquals(List.of(200, 201, 201, 400), requests.stream().map(r -> r.get("status").asInt()).sorted()
                .toList(), "POSTs and /stats, no line for /health");
        assertTrue(JsonLogLines.one(stderr, l -> l.get("message").asText().startsWith("access-log listening"),
                "the start-up line").get("message").asText().contains("/access-log"));
        System.out.printf("demo-accesslog jar, LOG_FORMAT=json: %d stdout and %d stderr lines, every one JSON%n",
                stdout.size(), stderr.size());
    }

    @Test
    void aBadSettingStopsStartUpWithOneJsonErrorLineNamingIt() throws Exception {
        Processes.assertJsonStartupRefused(JAR, Map.of("PORT", "0", "CLIENT_IP_MAX", "0"), "access-log cannot start:"
                + " CLIENT_IP_MAX=\"0\" is not valid: expected a whole number from 1 to 1000000.");
    }
}
