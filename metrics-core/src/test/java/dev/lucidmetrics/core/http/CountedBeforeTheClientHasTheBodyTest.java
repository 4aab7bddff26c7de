package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpHandler;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.testing.MetricValues;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
    private String getWholeResponse(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String status = line(in);
            long length = -1;
            boolean chunked = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring("content-length:".length()).trim());
                }
                chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
            }
            assertTrue(chunked || length >= 0, "neither chunked nor a Content-length: " + status);
            if (!chunked) {
                skip(in, length);
                return status;
            }
            for (long size = Long.parseLong(line(in), 16); size > 0; size = Long.parseLong(line(in), 16)) {
                skip(in, size);
                assertEquals("", line(in));
            }
            assertEquals("", line(in));
            return status;
        }
    }

    private static void skip(InputStream in, long n) throws IOException {
        if (in.readNBytes((int) n).length != n) {
            fail("the connection closed inside the body");
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                fail("the connection closed inside the response head: " + s);
            }
            s.append((char) c);
        }
        return s.toString().strip();
    }
}
