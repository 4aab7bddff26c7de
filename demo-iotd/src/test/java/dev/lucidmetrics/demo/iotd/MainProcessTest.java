package dev.lucidmetrics.demo.iotd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.demo.support.Processes;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainProcessTest {

    @Test
    void sigtermStopsTheProcessWithinItsGracePeriod() throws Exception {
        try (Processes.Started p = Processes.startMain(Main.class, Map.of("PORT", "0"))) {
            assertEquals(200, TestHttp.get(URI.create("http://localhost:" + p.port() + "/health")).statusCode());
            assertEquals(143, p.sigtermAndAwaitStopWithin(Duration.ofSeconds(5)));
        }
    }

    @Test
    void anInvalidSettingStopsStartupWithAMessageNamingIt() throws Exception {
        Processes.Exited p = Processes.runToExit(Main.class, Map.of("PORT", "0", "CACHE_TTL", "soon"),
                Duration.ofSeconds(20));
        assertEquals(2, p.exitCode());
        Processes.assertOneTextLine("ERROR", "Main", "iotd cannot start: CACHE_TTL=\"soon\" is not valid: expected a"
                + " positive duration such as 500ms, 30s, 15m, 2h or PT2H.", p.output());
    }

    @Test
    void anUnknownLogFormatStopsStartupNamingTheSetting() throws Exception {
        Processes.Exited p = Processes.runToExit(Main.class, Map.of("PORT", "0", "LOG_FORMAT", "xml"),
                Duration.ofSeconds(20));
        assertEquals(2, p.exitCode());
        Processes.assertOneTextLine("ERROR", "Main", "iotd cannot start: LOG_FORMAT=\"xml\" is not valid: expected"
                + " json or text.", p.output());
    }

    @Test
    void thePrintedMetricsUrlIsWhereMetricsPortAndPathPutThem() throws Exception {
        int metricsPort = Processes.freePort();
        try (Processes.Started p = Processes.startMain(Main.class, Map.of("PORT", "0",
                "METRICS_PORT", String.valueOf(metricsPort), "METRICS_HOST", "127.0.0.1",
                "METRICS_PATH", "/internal/metrics"))) {
            Processes.assertPrintedMetricsUrlAnswers(p,
                    URI.create("http://127.0.0.1:" + metricsPort + "/internal/metrics"), "iotd_api_build_info");
        }
    }
}
