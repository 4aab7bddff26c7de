package dev.lucidmetrics.core.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.HostileClients;
import dev.lucidmetrics.core.support.RawHttp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The metrics server under the attacks of issue 26, over real sockets: slow heads from twice its threads plus one
 * clients, clients that stop reading a big scrape. Each test failed on v0.2.0 (4 threads blocked for good, scrapes
 * waiting or refused); a wait is bounded by RawHttp's 20 s, many times what it takes.
 */
@CompatibilityKit
class MetricsServerHostileClientsTest {

    private static final String SCRAPE = "GET /metrics HTTP/1.1\r\nHost: localhost\r\n\r\n";
    /** Twice the threads the server can read requests on, plus one: every thread taken, and as many waiting. */
    private static final int SLOW = 2 * 64 + 1;

    private static MetricsServer.Builder local(AppMetrics app) {
        return MetricsServer.builder(app).host("127.0.0.1").port(0);
    }

    @Test
    void scrapesAreAnsweredWhileMoreSlowClientsThanThreadsHoldTheirHeadsOpen() {
        try (MetricsServer server = local(Fixtures.smallApp()).start();
                HostileClients slow = HostileClients.slowHeads(server.port(), SLOW, "/metrics")) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, RawHttp.exchange(server.port(), SCRAPE).status());
            }
        }
    }

    @Test
    void slowHeadsAreClosedToMakeRoomLongBeforeTheHeaderTimeout() {
        try (MetricsServer server = local(Fixtures.smallApp()).headerTimeout(Duration.ofMinutes(10)).start();
                HostileClients slow = HostileClients.slowHeads(server.port(), SLOW, "/metrics")) {
            assertEquals(200, RawHttp.exchange(server.port(), SCRAPE).status(),
                    "answered within RawHttp's 20 s, not the 10-minute header timeout");
        }
    }

    @Test
    void slowHeadsAreClosedAtTheHeaderTimeout() {
        try (MetricsServer server = local(Fixtures.smallApp()).headerTimeout(Duration.ofMillis(500)).start();
                HostileClients slow = HostileClients.slowHeads(server.port(), 3, "/metrics")) {
            assertEquals(3, slow.closedByServer(Duration.ofSeconds(20)));
        }
    }

    @Test
    void clientsThatStopReadingABigScrapeLeaveTheOthersServed() {
        AppMetrics big = Fixtures.bigApp(8);
        // The five big renders go first (turns are fair): a busy machine renders 8 MiB in seconds, so the scrape's own
        // response timeout is generous; what is proved is that stalled readers hold no turn while they do not read.
        try (MetricsServer server = local(big).responseTimeout(Duration.ofSeconds(15)).start();
                HostileClients stalled = HostileClients.nonReading(server.port(), 5, "/metrics", 4096)) {
            RawHttp.Response r = RawHttp.exchange(server.port(), "GET /metrics?name[]=big_family_0_total HTTP/1.1\r\n"
                    + "Host: localhost\r\n\r\n");
            assertEquals(200, r.status(), "a scrape beside five stalled ones (v0.2.0's four threads stayed blocked)");
        }
    }

    @Test
    void idleConnectionsCostNoThread() {
        try (MetricsServer server = local(Fixtures.smallApp()).start();
                HostileClients idle = HostileClients.idle(server.port(), 200)) {
            assertEquals(200, RawHttp.exchange(server.port(), SCRAPE).status());
        }
    }
}
