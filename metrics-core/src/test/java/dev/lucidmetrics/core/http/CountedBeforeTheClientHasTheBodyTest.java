package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpHandler;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.RawHttp;
import dev.lucidmetrics.testing.MetricValues;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A response with a body is recorded before its last bytes are handed to the JDK, so a client that has read the
 * whole body already sees the request counted: no waiting needed. (Bodiless responses are recorded when the
 * handler returns, which can be after the client has them; tests await those.) Each request uses a fresh
 * connection: the client then ACKs at once and Nagle holds nothing back, which is when the old order (record
 * after the close) lost the race.
 */
@CompatibilityKit
class CountedBeforeTheClientHasTheBodyTest {

    private static final String REQUESTS = "shop_requests_total";
    private static final int ROUNDS = 200;

    private final AppMetrics app = AppMetrics.builder("shop").build();
    private final MetricValues values = MetricValues.of(app);
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aShortFixedLengthBodyIsCountedBeforeTheClientHasIt() throws Exception {
        assertCountedOnArrival(TestServer.status(200));
    }

    @Test
    void aLargeBodyWrittenInOnePieceIsCountedBeforeTheClientHasIt() throws Exception {
        byte[] body = new byte[64 * 1024];
        assertCountedOnArrival(exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    @Test
    void aChunkedBodyIsCountedBeforeTheClientHasItsLastChunk() throws Exception {
        assertCountedOnArrival(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("first ".getBytes(StandardCharsets.UTF_8));
                out.write("second".getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private void assertCountedOnArrival(HttpHandler handler) throws IOException {
        HttpServerMetrics.builder(app).routes("/r").register().instrument(server.context("/r", handler));
        for (int i = 1; i <= ROUNDS; i++) {
            assertEquals("HTTP/1.1 200 OK", getWholeResponse("/r"));
            assertEquals(i, values.sum(REQUESTS, "method", "GET", "route", "/r", "code", "200"),
                    "request " + i + " was not yet counted when its client had the whole body");
        }
    }

    /** GET on a fresh connection; returns the status line as soon as the body's last byte has arrived. */
    private String getWholeResponse(String path) {
        return RawHttp.exchange(server.port(), "GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n").statusLine();
    }
}
