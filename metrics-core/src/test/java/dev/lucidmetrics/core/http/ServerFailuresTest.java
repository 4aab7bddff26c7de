package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.LogCapture;
import dev.lucidmetrics.core.support.RawHttp;
import dev.lucidmetrics.testing.MetricValues;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Handlers that throw, forget to respond, or lose their client: counted once, in-flight back to exactly 0. */
@CompatibilityKit
class ServerFailuresTest {

    private static final String REQUESTS = "shop_requests_total";
    private static final String IN_FLIGHT = "shop_in_flight_requests";

    private final AppMetrics app = AppMetrics.builder("shop").build();
    private final MetricValues values = MetricValues.of(app);
    private final HttpServerMetrics http = HttpServerMetrics.builder(app).routes("/boom", "/silent", "/stream").register();
    private final List<Throwable> seenByServerSide = new CopyOnWriteArrayList<>();
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Instruments a context, with an outer filter that sees what propagates from ours towards the server. */
    private void serve(String path, com.sun.net.httpserver.HttpHandler handler) {
        HttpContext ctx = http.instrument(server.context(path, handler));
        ctx.getFilters().add(0, new Filter() {
            @Override
            public void doFilter(com.sun.net.httpserver.HttpExchange exchange, Chain chain) throws IOException {
                try {
                    chain.doFilter(exchange);
                } catch (IOException | RuntimeException e) {
                    seenByServerSide.add(e);
                    throw e;
                }
            }

            @Override
            public String description() {
                return "records exceptions on their way to the server";
            }
        });
    }

    private void awaitInFlightZero() {
        values.awaitValue(Duration.ofSeconds(10), 0.0, IN_FLIGHT);
    }

    @Test
    void aHandlerThatThrowsIsCountedAs500AndTheExceptionStillReachesTheServer() throws Exception {
        serve("/boom", exchange -> {
            throw new IllegalStateException("database on fire");
        });
        // POST: java.net.http retries an idempotent GET once when the connection closes without a response.
        assertThrows(UncheckedIOException.class, () -> server.send("POST", "/boom"));
        TestServer.awaitValue(1.0, () -> values.sum(REQUESTS), REQUESTS);
        assertEquals(1.0, values.get(REQUESTS, "method", "POST", "route", "/boom", "code", "500"));
        assertEquals(1.0, values.get("shop_request_exceptions_total", "exception", "IllegalStateException"));
        assertEquals(1, seenByServerSide.size());
        assertEquals("database on fire", seenByServerSide.get(0).getMessage());
        awaitInFlightZero();
    }

    @Test
    void aHandlerThatReturnsWithoutRespondingIsCountedAs500OnceWithOneWarning() throws Exception {
        serve("/silent", exchange -> { });
        try (LogCapture log = new LogCapture(RequestRecorder.class);
                RawHttp first = request("/silent"); RawHttp second = request("/silent")) {
            TestServer.awaitValue(2.0, () -> values.sum(REQUESTS), REQUESTS);
            assertEquals(2.0, values.get(REQUESTS, "method", "GET", "route", "/silent", "code", "500"));
            awaitInFlightZero();
            assertEquals(1, log.warnings().size(), log.warnings().toString());
            assertTrue(log.warnings().get(0).startsWith("An HTTP handler returned without sending a response (GET"
                    + " /silent); counted as code \"500\"."), log.warnings().get(0));
        }
    }

    @Test
    void aClientThatDisconnectsMidResponseIsCountedAs499WhetherTheHandlerRethrowsOrNot() throws Exception {
        CountDownLatch clientGone = new CountDownLatch(2);
        serve("/stream", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(new byte[1024]);
            out.flush();
            await(clientGone);
            try {
                writeUntilRefused(out);
            } catch (IOException e) {
                if (exchange.getRequestURI().getQuery() == null) {
                    throw e;
                }
            }
        });
        for (String path : List.of("/stream", "/stream?swallow=1")) {
            try (RawHttp client = request(path)) {
                String head = readPastHeadersIntoBody(client);
                assertTrue(head.startsWith("HTTP/1.1 200"), head);
            }
            clientGone.countDown();
        }
        TestServer.awaitValue(2.0, () -> values.sum(REQUESTS), REQUESTS);
        assertEquals(2.0, values.get(REQUESTS, "method", "GET", "route", "/stream", "code", "499"));
        assertEquals(1.0, values.sum("shop_request_exceptions_total"),
                seenByServerSide::toString);
        awaitInFlightZero();
    }

    @Test
    void aHandlerThatBreaksTheDeclaredLengthIsA500NotAClientThatLeft() throws Exception {
        serve("/stream", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write(new byte[3]);
        });
        assertThrows(UncheckedIOException.class, () -> server.send("POST", "/stream"));
        TestServer.awaitValue(1.0, () -> values.sum(REQUESTS), REQUESTS);
        assertEquals(1.0, values.get(REQUESTS, "method", "POST", "route", "/stream", "code", "500"));
        assertEquals(1.0, values.get("shop_request_exceptions_total", "exception", "IOException"));
        awaitInFlightZero();
    }

    @Test
    void aHandlerThatClosesBeforeTheDeclaredLengthIsA500NotCountedAsComplete() throws Exception {
        serve("/stream", exchange -> {
            exchange.sendResponseHeaders(200, 10);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[4]);
            }
        });
        assertThrows(UncheckedIOException.class, () -> server.send("POST", "/stream"));
        TestServer.awaitValue(1.0, () -> values.sum(REQUESTS), REQUESTS);
        assertEquals(1.0, values.get(REQUESTS, "method", "POST", "route", "/stream", "code", "500"));
        assertEquals(1.0, values.get("shop_request_exceptions_total", "exception", "IOException"));
        awaitInFlightZero();
    }

    @Test
    void inFlightReturnsToZeroAfterEveryKindOfOutcome() throws Exception {
        serve("/boom", exchange -> {
            throw new IllegalStateException("x");
        });
        serve("/ok", TestServer.status(200));
        serve("/bad", TestServer.status(400));
        serve("/fail", TestServer.status(503));
        server.get("/ok");
        server.get("/bad");
        server.get("/fail");
        assertThrows(UncheckedIOException.class, () -> server.send("POST", "/boom"));
        TestServer.awaitValue(4.0, () -> values.sum(REQUESTS), REQUESTS);
        assertEquals(Set.of("200", "400", "503", "500"), Set.copyOf(TestServer.countedValues(values, REQUESTS, "code")));
        awaitInFlightZero();
    }

    private RawHttp request(String path) throws IOException {
        RawHttp client = new RawHttp(server.port());
        client.send("GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n");
        return client;
    }

    /** Reads the response head and the first body byte, so the handler's first chunk has certainly been sent. */
    private static String readPastHeadersIntoBody(RawHttp client) throws IOException {
        String head = client.readHead().statusLine();
        client.readBody(1);
        return head;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                fail("latch not released within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes until the closed connection refuses the bytes; a closed peer answers the first write with a reset. */
    private static void writeUntilRefused(OutputStream out) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            out.write(chunk);
            out.flush();
        }
        fail("the server could still write 10 s after the client closed");
    }
}
