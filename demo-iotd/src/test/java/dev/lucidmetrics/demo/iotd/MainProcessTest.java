package dev.lucidmetrics.demo.iotd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.demo.support.DemoServer;
import dev.lucidmetrics.demo.support.Processes;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainProcessTest {

    @Test
    void sigtermStopsTheProcessWithEveryRequestAnswered() throws Exception {
        try (Processes.Started p = Processes.startMain(Main.class, Map.of("PORT", "0"))) {
            assertEquals(200, TestHttp.get(URI.create("http://localhost:" + p.port() + DemoServer.HEALTH_PATH))
                    .statusCode());
            assertEquals(200, TestHttp.get(URI.create("http://localhost:" + p.port() + "/image")).statusCode());
            assertEquals(143, p.sigtermAndAwaitCleanStop());
        }
    }

    @Test
    void anInvalidSettingStopsStartupWithAMessageNamingIt() throws Exception {
        Processes.assertStartupRefused(Main.class, Map.of("PORT", "0", "CACHE_TTL", "soon"), "iotd cannot start:"
                + " CACHE_TTL=\"soon\" is not valid: expected a positive duration such as 500ms, 30s, 15m, 2h or PT2H.");
    }

    @Test
    void aBackendMissingFromTheClassPathStopsStartupWithOneLineNamingTheSetting() throws Exception {
        Processes.assertStartupRefused(Main.class, Map.of("PORT", "0", "METRICS_BACKEND", "client_java"),
                "iotd cannot start: METRICS_BACKEND=\"client_java\": Backend \"client_java\" is not on the class path;"
                + " simpleclient from dev.lucidmetrics:metrics-simpleclient is: add dev.lucidmetrics:metrics-client-java"
                + " or choose one that is there.");
    }

    @Test
    void anUnknownLogFormatStopsStartupNamingTheSetting() throws Exception {
        Processes.assertStartupRefused(Main.class, Map.of("PORT", "0", "LOG_FORMAT", "xml"),
                "iotd cannot start: LOG_FORMAT=\"xml\" is not valid: expected json or text.");
    }

    @Test
    void thePrintedMetricsUrlIsWhereMetricsPortAndPathPutThem() throws Exception {
        Processes.assertMetricsUrlFollowsTheSettings(Main.class, Map.of(), "iotd_api_build_info");
    }
}
