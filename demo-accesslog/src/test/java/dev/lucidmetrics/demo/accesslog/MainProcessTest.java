package dev.lucidmetrics.demo.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.demo.support.JsonLogLines;
import dev.lucidmetrics.demo.support.Processes;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainProcessTest {

    @Test
    void sigtermStopsTheProcessWithEveryRequestAnswered() throws Exception {
        try (Processes.Started p = Processes.startMain(Main.class, Map.of("PORT", "0"))) {
            URI uri = URI.create("http://localhost:" + p.port() + "/access-log");
            assertEquals(201, TestHttp.post(uri, "application/json", "{\"clientIp\": \"10.9.8.7\"}").statusCode());
            assertEquals(143, p.sigtermAndAwaitCleanStop());
            JsonNode visit = JsonLogLines.one(JsonLogLines.parseEvery("stdout", p.stdout()), l -> true, "one visit");
            assertEquals("10.9.8.7", visit.get("clientIp").asText(), "the visit record, on stdout");
        }
    }

    @Test
    void anInvalidSettingStopsStartupWithAMessageNamingIt() throws Exception {
        Processes.assertStartupRefused(Main.class, Map.of("PORT", "0", "CLIENT_IP_MAX", "0"), "access-log cannot"
                + " start: CLIENT_IP_MAX=\"0\" is not valid: expected a whole number from 1 to 1000000.");
    }

    @Test
    void anUnknownLogFormatStopsStartupNamingTheSetting() throws Exception {
        Processes.assertStartupRefused(Main.class, Map.of("PORT", "0", "LOG_FORMAT", "xml"),
                "access-log cannot start: LOG_FORMAT=\"xml\" is not valid: expected json or text.");
    }

    @Test
    void thePrintedMetricsUrlIsWhereMetricsPortAndPathPutThem() throws Exception {
        Processes.assertMetricsUrlFollowsTheSettings(Main.class, Map.of(), "access_build_info");
    }

    @Test
    void withoutMetricsPortThePrintedUrlIsOnTheAppsOwnPort() throws Exception {
        try (Processes.Started p = Processes.startMain(Main.class, Map.of("PORT", "0",
                "METRICS_PATH", "/internal/metrics"))) {
            Processes.assertPrintedMetricsUrlAnswers(p,
                    URI.create("http://localhost:" + p.port() + "/internal/metrics"), "access_build_info");
        }
    }
}
