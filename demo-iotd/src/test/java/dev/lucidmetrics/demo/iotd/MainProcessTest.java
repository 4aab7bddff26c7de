package dev.lucidmetrics.demo.iotd;

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
        Processes.Started p = Processes.startMain(Main.class, Map.of("PORT", "0"));
        try {
            assertEquals(200, TestHttp.get(URI.create("http://localhost:" + p.port() + "/health")).statusCode());
            p.process().destroy();   // SIGTERM
            assertTrue(p.process().waitFor(5, TimeUnit.SECONDS), "still running 5 s after SIGTERM");
            assertEquals(143, p.process().exitValue());
        } finally {
            p.process().destroyForcibly();
        }
    }

    @Test
    void anInvalidSettingStopsStartupWithAMessageNamingIt() throws Exception {
        Process p = Processes.builder(Main.class, Map.of("PORT", "0", "CACHE_TTL", "soon")).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertEquals("iotd: CACHE_TTL=\"soon\" is not valid: expected a positive duration such as 500ms, 30s, 15m,"
                + " 2h or PT2H.", output.strip());
    }
}
