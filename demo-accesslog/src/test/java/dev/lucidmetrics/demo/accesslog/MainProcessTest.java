package dev.lucidmetrics.demo.accesslog;

import dev.lucidmetrics.demo.support.Processes;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainProcessTest {

    @Test
    void thePrintedMetricsUrlIsWhereMetricsPortAndPathPutThem() throws Exception {
        int metricsPort = Processes.freePort();
        try (Processes.Started p = Processes.startMain(Main.class, Map.of("PORT", "0",
                "METRICS_PORT", String.valueOf(metricsPort), "METRICS_HOST", "127.0.0.1",
                "METRICS_PATH", "/internal/metrics"))) {
            Processes.assertPrintedMetricsUrlAnswers(p,
                    URI.create("http://127.0.0.1:" + metricsPort + "/internal/metrics"), "access_build_info");
        }
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
