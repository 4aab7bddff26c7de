package dev.lucidmetrics.core.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What one request may ask of the metrics server: the library's bounds on the query (400 naming the limit, as
 * client_java answers since #2334), the JDK's on the head (a closed connection), and error bodies that never carry an
 * exception's name, a stack frame or a path of the server. The query bounds and the error bodies failed on v0.2.0
 * (it read any query, and quoted URLDecoder's message); the head bounds are the JDK's, on 17.0.15 and 25 alike.
 */
@CompatibilityKit
class BoundedRequestsTest {

    private static final Pattern INTERNALS = Pattern.compile("Exception|URLDecoder|java\\.|\\bat [a-z]+\\.|\\.java:|/src/");
    private static final Duration HANG = Duration.ofSeconds(20);

    private MetricsServer server;

    @BeforeEach
    void start() {
        server = MetricsServer.builder(Fixtures.smallApp()).host("127.0.0.1").port(0).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawHttp.Response get(String target) {
        return RawHttp.exchange(server.port(), "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
    }

    private static String body(RawHttp.Response r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aNameFloodOfMoreThan1024ParametersGets400NamingTheLimit() {
        RawHttp.Response r = get("/metrics?" + "name[]=shop_orders_total&".repeat(1_025));
        assertEquals(400, r.status());
        assertEquals("The query string has more than 1,024 parameters: at most 1,024 are read. Ask for fewer families"
                + " with name[], or scrape them all.\n", body(r));
        assertEquals(200, get("/metrics?" + "name[]=shop_orders_total&".repeat(1_023) + "name[]=x").status(),
                "1,024 parameters are read");
    }

    @Test
    void aQueryLongerThan65536CharactersGets400NamingTheLimit() {
        RawHttp.Response r = get("/metrics?name[]=" + "a".repeat(70_000));
        assertEquals(400, r.status());
        assertEquals("The query string is 70,007 characters long: at most 65,536 are read. Ask for fewer families"
                + " with name[], or scrape them all.\n", body(r));
    }

    @Test
    void aMalformedQueryIsRefusedWithoutTheDecodersMessage() {
        // the JDK server refuses these itself (below); a handler mounted elsewhere gets them, so the message is ours
        for (String query : List.of("name[]=%zz", "name%5=x", "name[]=%", "%E0%A4%A=1")) {
            String message = assertThrows(ScrapeRequest.Refused.class, () -> ScrapeRequest.names(query)).getMessage();
            assertFalse(INTERNALS.matcher(message).find(), message);
            assertTrue(message.startsWith("Malformed query parameter \""), message);
        }
        assertEquals("Malformed query parameter \"" + "%".repeat(64) + "...\": a '%' must start an escape of two"
                + " hexadecimal digits, such as %5B for '['.",
                assertThrows(ScrapeRequest.Refused.class, () -> ScrapeRequest.names("%".repeat(5000))).getMessage(),
                "a long bad value is quoted in part");
    }

    @Test
    void theJdkClosesAHeadOfMoreThan200HeadersOr380KibWithoutA5xx() {
        String manyHeaders = "X-Flood: 1\r\n".repeat(250);
        String bigHeader = "X-Big: " + "a".repeat(400 * 1024) + "\r\n";
        String longPath = "/" + "a".repeat(400 * 1024);
        for (String request : List.of("GET /metrics HTTP/1.1\r\nHost: x\r\n" + manyHeaders + "\r\n",
                "GET /metrics HTTP/1.1\r\nHost: x\r\n" + bigHeader + "\r\n",
                "GET " + longPath + " HTTP/1.1\r\nHost: x\r\n\r\n")) {
            String answer = RawHttp.untilClosed(server.port(), request.getBytes(StandardCharsets.ISO_8859_1), HANG);
            assertTrue(answer != null && !answer.startsWith("HTTP/1.1 5"), "closed without a 5xx: " + answer);
        }
        assertEquals(200, get("/metrics").status(), "and the server serves on");
    }

    @Test
    void aLongPathUnderTheJdksBoundGets404NotItsEcho() {
        RawHttp.Response r = get("/" + "a".repeat(300 * 1024));
        assertEquals(404, r.status());
        assertEquals("Not found: metrics are at /metrics\n", body(r));
    }

    @Test
    void aTargetTheJdkCannotParseGetsItsOwn400NeverA5xx() {
        for (String target : List.of("/%zz", "/metrics?name[]=%zz", "/metrics?name[]=%")) {
            String answer = RawHttp.untilClosed(server.port(), ("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1), HANG);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            // the JDK writes "URISyntaxException thrown" itself, before any filter or handler runs: no server built on
            // com.sun.net.httpserver can replace it (docs/security.md)
            assertTrue(answer.endsWith("URISyntaxException thrown"), answer);
        }
    }
}
