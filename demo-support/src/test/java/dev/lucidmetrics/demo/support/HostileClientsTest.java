package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.support.HostileClients;
import dev.lucidmetrics.core.support.RawHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A demo's own port under slow clients: twice its threads (a thread per request up to 256) plus one connections
 * holding unfinished heads, and still its scrapes, health checks and pages are answered. On v0.2.0 the gallery's
 * port answered 0 of 10 scrapes with 300 such connections; a wait here is bounded by RawHttp's 20 s.
 */
class HostileClientsTest {

    private static final int SLOW = 2 * HttpThreads.maxThreads(16) + 1;

    @Test
    void scrapesHealthAndPagesAreServedWhileMoreSlowClientsThanThreadsHoldTheirHeadsOpen() {
        AppMetrics app = AppMetrics.builder("t").build();
        Router router = new Router().on("GET", "/page", ex -> Responses.text(ex, 200, "text/plain", "page"));
        DemoServer server = DemoServer.builder("t").settings(EnvConfig.of(Map.of("PORT", "0", "BIND_ADDRESS",
                "127.0.0.1")), 0).router(router, app).metrics(app, MetricsConfig.empty()).start();
        try (HostileClients slow = HostileClients.slowHeads(server.port(), SLOW, "/page")) {
            for (String path : new String[] {"/metrics", "/health", "/page"}) {
                assertEquals(200, RawHttp.exchange(server.port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n")
                        .status(), path);
            }
        } finally {
            server.stop();
        }
    }
}
