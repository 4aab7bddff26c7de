package dev.lucidmetrics.demo.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.TestClock;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.demo.support.JsonLogLines;
import dev.lucidmetrics.demo.support.Responses;
import dev.lucidmetrics.testing.MetricValues;
import dev.lucidmetrics.testing.Promtool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessLogAppTest {

    /** Request metrics are recorded when the response completes, which may be just after the client has it. */
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private AccessLogApp app;

    private AccessLogApp start(String... settings) {
        Map<String, String> env = new HashMap<>(Map.of("PORT", "0"));
        for (int i = 0; i < settings.length; i += 2) {
            env.put(settings[i], settings[i + 1]);
        }
        app = AccessLogApp.start(EnvConfig.of(env), clock, Executors.newFixedThreadPool(4),
                new PrintStream(stdout, true, StandardCharsets.UTF_8));
        return app;
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private URI uri(String path) {
        return app.server().uri(path);
    }

    private HttpResponse<String> post(String json) {
        return TestHttp.post(uri("/access-log"), "application/json", json);
    }

    private MetricValues values() {
        return MetricValues.of(app.metrics());
    }

    @Test
    void aVisitIsAnswered201CountedAndWrittenAsOneJsonLine() throws Exception {
        start();
        HttpResponse<String> r = post("{\"clientIp\": \"203.0.113.7\"}");
        assertEquals(201, r.statusCode());
        assertEquals("{\"clientIp\":\"203.0.113.7\",\"logs\":1}", r.body());
        assertEquals(201, post("{\"clientIp\": \"203.0.113.7\", \"extra\": true}").statusCode());
        assertEquals(201, post("{\"clientIp\": \"::1\"}").statusCode());

        assertEquals(3.0, values().get("access_log_total"));
        assertEquals(2.0, values().get("access_client_ip_current"));
        List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        JsonNode last = Responses.JSON.readTree(lines.get(2));
        assertEquals("0:0:0:0:0:0:0:1", last.get("clientIp").asText());
        assertEquals("2026-03-01T10:00:00.000Z", last.get("time").asText());
        assertEquals("visit", last.get("message").asText());
        JsonLogLines.parseEvery("stdout", lines);   // the schema of every log line

        JsonNode stats = Responses.JSON.readTree(TestHttp.get(uri("/stats")).body());
        assertEquals(3, stats.get("logs").asInt());
        assertEquals(2, stats.get("clientIps").asInt());
        assertEquals("0:0:0:0:0:0:0:1", stats.get("recent").get(0).get("clientIp").asText());
    }

    @Test
    void badInputGetsAShortJsonErrorAndIsNotCounted() {
        start();
        assertError(400, post("{\"clientIp\": "), "Malformed JSON");
        assertError(400, post("{\"clientIp\": \"1.2.3.4\"} trailing"), "Malformed JSON");
        assertError(400, post(""), "Missing \"clientIp\"");
        assertError(400, post("[\"1.2.3.4\"]"), "Missing \"clientIp\"");
        assertError(400, post("{\"ip\": \"1.2.3.4\"}"), "Missing \"clientIp\"");
        assertError(400, post("{\"clientIp\": 1234}"), "Missing \"clientIp\"");
        for (String bad : new String[] {"", "999.1.1.1", "1.2.3", "example.com", ".:", "1:2", "::1 ", "<script>"}) {
            assertError(400, post("{\"clientIp\": \"" + bad + "\"}"), "is not an IPv4 or IPv6 address");
        }
        assertError(415, TestHttp.post(uri("/access-log"), "text/plain", "{\"clientIp\": \"1.2.3.4\"}"),
                "Content-Type must be application/json");
        String big = "{\"clientIp\": \"1.2.3.4\", \"pad\": \"" + "x".repeat(16 * 1024) + "\"}";
        assertError(413, post(big), "Body too large: at most 16384 bytes");

        assertEquals(0.0, values().get("access_log_total"));
        assertEquals(0.0, values().get("access_client_ip_current"));
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
        for (String[] count : new String[][] {{"400", "14"}, {"415", "1"}, {"413", "1"}}) {
            values().awaitValue(WAIT, Double.parseDouble(count[1]), "access_requests_total", "method", "POST",
                    "route", "/access-log", "code", count[0]);
        }
        assertEquals(16.0, values().sum("access_requests_total"));
        assertEquals(List.of("/access-log"), values().labelValues("access_requests_total", "route").stream()
                .filter(v -> !v.equals("OVERFLOW")).toList());
    }

    @Test
    void charsetParametersAreAcceptedInTheContentType() {
        start();
        assertEquals(201, TestHttp.post(uri("/access-log"), "Application/JSON; charset=utf-8",
                "{\"clientIp\": \"10.0.0.1\"}").statusCode());
    }

    @Test
    void ipsLeaveTheGaugeAfterTheWindow() {
        start("CLIENT_IP_WINDOW", "1m");
        post("{\"clientIp\": \"10.0.0.1\"}");
        clock.advance(Duration.ofSeconds(30));
        post("{\"clientIp\": \"10.0.0.2\"}");
        clock.advance(Duration.ofSeconds(45));
        String text = TestHttp.get(uri("/metrics")).body();
        assertTrue(text.contains("\naccess_client_ip_current 1.0\n"), text);
        assertTrue(text.contains("\naccess_log_total 2.0\n"), text);
    }

    @Test
    void theNumberOfRememberedIpsIsCapped() {
        start("CLIENT_IP_MAX", "3", "RECENT_ENTRIES", "2");
        for (int i = 1; i <= 5; i++) {
            assertEquals(201, post("{\"clientIp\": \"10.0.0." + i + "\"}").statusCode());
        }
        assertEquals(3.0, values().get("access_client_ip_current"));
        assertEquals(5.0, values().get("access_log_total"));
        assertEquals(List.of("10.0.0.5", "10.0.0.4"), app.log().recent().stream().map(e -> e.get("clientIp")).toList());
    }

    @Test
    void unknownPathsAndMethodsAre404And405() {
        start();
        assertError(404, TestHttp.get(uri("/access-log/../../etc/passwd")), "Not found.");
        HttpResponse<String> r = TestHttp.get(uri("/access-log"));
        assertError(405, r, "Method not allowed");
        assertEquals("POST", r.headers().firstValue("Allow").orElse(""));
        values().awaitValue(WAIT, 1.0, "access_requests_total", "method", "GET", "route", "NOT_FOUND", "code", "404");
        values().awaitValue(WAIT, 1.0, "access_requests_total", "method", "GET", "route", "/access-log",
                "code", "405");
    }

    @Test
    void exposesLintCleanMetricsWithTheSeedNames() throws Exception {
        start();
        post("{\"clientIp\": \"203.0.113.7\"}");
        TestHttp.get(uri("/stats"));
        values().awaitValue(WAIT, 1.0, "access_requests_total", "method", "GET", "route", "/stats", "code", "200");
        values().awaitValue(WAIT, 1.0, "access_requests_total", "method", "POST", "route", "/access-log",
                "code", "201");
        String text = TestHttp.get(uri("/metrics")).body();
        assertTrue(text.contains("# TYPE access_log_total counter\naccess_log_total 1.0\n"), text);
        assertTrue(text.contains("# TYPE access_client_ip_current gauge\naccess_client_ip_current 1.0\n"), text);
        assertTrue(text.contains("access_requests_total{method=\"POST\",route=\"/access-log\",code=\"201\",} 1.0"));
        assertTrue(text.contains("jvm_memory_bytes_used{area=\"heap\",}"), text);
        Promtool.assertClean(text);
    }

    private static void assertError(int status, HttpResponse<String> r, String message) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        try {
            JsonNode error = Responses.JSON.readTree(r.body());
            assertEquals(1, error.size(), r.body());
            assertTrue(error.get("error").asText().contains(message), r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }
}
