package dev.lucidmetrics.demo.gallery;

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
        try (Processes.Started p = Processes.startMain(Main.class, Map.of("PORT", "0", "FAILURE_RATE", "0",
                "IMAGE_API_URL", Stub.deadUrl("/image"), "ACCESS_API_URL", Stub.deadUrl("/access-log")))) {
            assertEquals(200, TestHttp.get(URI.create("http://localhost:" + p.port() + "/")).statusCode());
            assertEquals(143, p.sigtermAndAwaitStopWithin(Duration.ofSeconds(5)));
        }
    }

    @Test
    void anInvalidSettingStopsStartupWithAMessageNamingIt() throws Exception {
        Processes.Exited p = Processes.runToExit(Main.class, Map.of("PORT", "0", "FAILURE_RATE", "150%"),
                Duration.ofSeconds(20));
        assertEquals(2, p.exitCode());
        Processes.assertOneTextLine("ERROR", "Main", "image-gallery cannot start: FAILURE_RATE=\"150%\" is not valid:"
                + " expected a ratio from 0 to 1 such as 0.1 (or a percentage such as 10%).", p.output());
    }

    @Test
    void anUnknownLogFormatStopsStartupNamingTheSetting() throws Exception {
        Processes.Exited p = Processes.runToExit(Main.class, Map.of("PORT", "0", "LOG_FORMAT", "xml"),
                Duration.ofSeconds(20));
        assertEquals(2, p.exitCode());
        Processes.assertOneTextLine("ERROR", "Main", "image-gallery cannot start: LOG_FORMAT=\"xml\" is not valid:"
                + " expected json or text.", p.output());
    }

    @Test
    void thePrintedMetricsUrlIsWhereMetricsPortAndPathPutThem() throws Exception {
        int metricsPort = Processes.freePort();
        try (Processes.Started p = Processes.startMain(Main.class, Map.of("FAILURE_RATE", "0", "IMAGE_API_URL", Stub.deadUrl("/image"), "ACCESS_API_URL", Stub.deadUrl("/access-log"), "PORT", "0",
                "METRICS_PORT", String.valueOf(metricsPort), "METRICS_HOST", "127.0.0.1",
                "METRICS_PATH", "/internal/metrics"))) {
            Processes.assertPrintedMetricsUrlAnswers(p,
                    URI.create("http://127.0.0.1:" + metricsPort + "/internal/metrics"), "image_gallery_build_info");
        }
    }
}
