package dev.lucidmetrics.demo.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.demo.support.Processes;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainProcessTest {

    /** Peers that refuse connections: the page still renders (with its placeholder). */
    private static final Map<String, String> NO_PEERS = Map.of("FAILURE_RATE", "0", "IMAGE_API_URL",
            Stub.deadUrl("/image"), "ACCESS_API_URL", Stub.deadUrl("/access-log"));

    @Test
    void sigtermStopsTheProcessWithEveryRequestAnswered() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(NO_PEERS);
        env.put("PORT", "0");
        try (Processes.Started p = Processes.startMain(Main.class, env)) {
            assertEquals(200, TestHttp.get(URI.create("http://localhost:" + p.port() + "/")).statusCode());
            assertEquals(143, p.sigtermAndAwaitCleanStop());
        }
    }

    @Test
    void anInvalidSettingStopsStartupWithAMessageNamingIt() throws Exception {
        Processes.assertStartupRefused(Main.class, Map.of("PORT", "0", "FAILURE_RATE", "150%"), "image-gallery"
                + " cannot start: FAILURE_RATE=\"150%\" is not valid: expected a ratio from 0 to 1 such as 0.1 (or a"
                + " percentage such as 10%).");
    }

    @Test
    void anUnknownLogFormatStopsStartupNamingTheSetting() throws Exception {
        Processes.assertStartupRefused(Main.class, Map.of("PORT", "0", "LOG_FORMAT", "xml"),
                "image-gallery cannot start: LOG_FORMAT=\"xml\" is not valid: expected json or text.");
    }

    @Test
    void thePrintedMetricsUrlIsWhereMetricsPortAndPathPutThem() throws Exception {
        Processes.assertMetricsUrlFollowsTheSettings(Main.class, NO_PEERS, "image_gallery_build_info");
    }
}
