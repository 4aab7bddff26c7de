package dev.lucidmetrics.core.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.support.HostileClients;
import dev.lucidmetrics.core.support.RawHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deadlines on a plain JDK server with a small pool, over real sockets: slow heads closed at the header timeout
 * or, while others wait, after a fraction of a second; a client that stops reading closed at the response timeout;
 * no interrupt of the watchdog's ever reaching a later request. Every wait is bounded by {@link #HANG}, at least ten
 * times what it should take.
 */
class RequestDeadlinesTest {

    private static final int ROUNDS = 16;

    private static final Duration HANG = Duration.ofSeconds(20);

    private HttpServer server;
    private ThreadPoolExecutor pool;
    private RequestDeadlines deadlines;
    private final AtomicInteger interruptedHandlers = new AtomicInteger();

    private int start(int threads, RequestDeadlines.Builder settings) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pool = ServerExecutors.bounded("deadlines-test", threads, 1_024);
        deadlines = settings.build();
        server.setExecutor(deadlines.watch(pool));
        deadlines.instrument(server.createContext("/", this::hello));
        server.start();
        return server.getAddress().getPort();
    }

    private void hello(HttpExchange exchange) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            interruptedHandlers.incrementAndGet();
        }
        byte[] body = "hello\n".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
            deadlines.close();
            pool.shutdownNow();
        }
    }

    @Test
    void aHeadThatDoesNotArriveWithinTheHeaderTimeoutIsClosedAndItsThreadFreed() throws Exception {
        int port = start(1, RequestDeadlines.builder().headerTimeout(Duration.ofMillis(500)));
        try (HostileClients slow = HostileClients.slowHeads(port, 1, "/")) {
            assertEquals(1, slow.closedByServer(HANG), "the slow head is closed");
            assertEquals(1, deadlines.closedHeads());
        }
        assertEquals(200, RawHttp.exchange(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n").status(),
                "the one thread serves again");
        awaitIdle();
    }

    @Test
    void aHeadTrickledByteByByteIsClosedAtTheTimeoutOfItsFirstByte() throws Exception {
        int port = start(1, RequestDeadlines.builder().headerTimeout(Duration.ofSeconds(1)));
        try (HostileClients slow = HostileClients.slowHeads(port, 1, "/")) {
            long end = System.nanoTime() + HANG.toNanos();
            int closed = 0;
            while (closed == 0 && System.nanoTime() - end < 0) {
                slow.trickle();
                closed = slow.closedByServer(Duration.ofMillis(100));   // a byte every 100 ms, until closed
            }
            assertEquals(1, closed, "closed although a byte came every 100 ms");
        }
        assertEquals(1, deadlines.closedHeads());
    }

    @Test
    void whileRequestsWaitForAThreadTheSlowestHeadsAreClosedLongBeforeTheirTimeout() throws Exception {
        int port = start(2, RequestDeadlines.builder().headerTimeout(Duration.ofMinutes(10)));
        try (HostileClients slow = HostileClients.slowHeads(port, 5, "/")) {
            RawHttp.Response r = RawHttp.exchange(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, r.status(), "served within RawHttp's 20 s, not the 10-minute header timeout");
            assertTrue(deadlines.closedHeads() >= 1, "closed to make room: " + deadlines.closedHeads());
        }
    }

    @Test
    void aClientThatStopsReadingIsClosedAtTheResponseTimeoutAndItsThreadFreed() throws Exception {
        CountDownLatch writeFailed = new CountDownLatch(1);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pool = ServerExecutors.bounded("deadlines-test", 1, 16);
        deadlines = RequestDeadlines.builder().responseTimeout(Duration.ofSeconds(1)).build();
        server.setExecutor(deadlines.watch(pool));
        deadlines.instrument(server.createContext("/big", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 16 * 1024; i++) {   // 1 GiB: far more than any socket buffer
                    out.write(chunk);
                }
            } catch (IOException e) {
                writeFailed.countDown();
                throw e;
            }
        }));
        deadlines.instrument(server.createContext("/", this::hello));
        server.start();
        int port = server.getAddress().getPort();
        try (HostileClients stalled = HostileClients.nonReading(port, 1, "/big", 4096)) {
            assertTrue(writeFailed.await(HANG.toSeconds(), TimeUnit.SECONDS), "the blocked write was ended");
            assertEquals(1, deadlines.closedResponses());
            assertEquals(200, RawHttp.exchange(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n").status());
        }
        awaitIdle();
    }

    @Test
    void noInterruptOfTheWatchdogReachesALaterRequestOnTheSameThread() throws Exception {
        // the well-behaved requests below must never meet the header timeout: it is ten times what a loaded machine
        // takes to start reading a head sent in one write (50 ms reset one of them on a loaded 2-core machine)
        int port = start(1, RequestDeadlines.builder().headerTimeout(Duration.ofMillis(500)));
        for (int round = 0; round < ROUNDS; round++) {
            try (HostileClients slow = HostileClients.slowHeads(port, 1, "/")) {
                assertEquals(1, slow.closedByServer(HANG));
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(200, RawHttp.exchange(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n").status());
            }
        }
        assertEquals(ROUNDS, deadlines.closedHeads());
        assertEquals(0, interruptedHandlers.get(), "a handler ran with the interrupt meant for a slow head");
    }

    @Test
    void settingsAreCheckedWhereTheyArePassed() {
        assertEquals("headerTimeout(PT0S) is illegal: pass a positive duration such as Duration.ofSeconds(5).",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> RequestDeadlines.builder().headerTimeout(Duration.ZERO)).getMessage());
    }

    /** Polls until the pool runs nothing: every thread a slow client held is back. */
    private void awaitIdle() {
        long end = System.nanoTime() + HANG.toNanos();
        while (pool.getActiveCount() > 0 && System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
        assertEquals(0, pool.getActiveCount(), "threads still running");
    }
}
