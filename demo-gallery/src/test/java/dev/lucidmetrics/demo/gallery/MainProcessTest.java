package dev.lucidmetrics.demo.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.demo.support.Processes;
import dev.lucidmetrics.demo.support.TestHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MainProcessTest {

    @Test
    void sigtermStopsTheProcessWithinAFewSeconds() throws Exception {
        Processes.Started p = Processes.startMain(Main.class, Map.of("PORT", "0", "FAILURE_RATE", "0",
                "IMAGE_API_URL", Stub.deadUrl("/image"), "ACCESS_API_URL", Stub.deadUrl("/access-log")));
        try {
            assertEquals(200, TestHttp.get(URI.create("http://localhost:" + p.port() + "/")).statusCode());
            p.process().destroy();   // SIGTERM
            assertTrue(p.process().waitFor(5, TimeUnit.SECONDS), "still running 5 s after SIGTERM");
            assertEquals(143, p.process().exitValue());
        } finally {
            p.process().destroyForcibly();
        }
    }

    @Test
    void anInvalidSettingStopsStartupWithAMessageNamingIt() throws Exception {
        Process p = Processes.builder(Main.class, Map.of("PORT", "0", "FAILURE_RATE", "150%")).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertEquals("image-gallery: FAILURE_RATE=\"150%\" is not valid: expected a ratio from 0 to 1 such as 0.1"
                + " (or a percentage such as 10%).", output.strip());
    }
}
