package dev.lucidmetrics.core.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import dev.lucidmetrics.core.support.KeepAliveLoad;
import dev.lucidmetrics.core.support.RawHttp;
import dev.lucidmetrics.testing.Poll;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The graceful stop of a JDK server under keep-alive clients that never pause, with requests waiting for a thread,
 * a client that leaves mid-response and a handler that never returns. Outcomes only: every request sent before the
 * stop answered, every later one refused at connect, the stop returned. A grace far longer than the hang guard
 * makes "waited out the grace" a failure without timing anything.
 */
class GracefulStopTest {

    /** Longer than any wait of these tests: a stop that waits it out fails their hang guard instead. */
    private static final Duration LONG_GRACE = Duration.ofSeconds(120);
    /** A bound on hanging: at least ten times what each wait takes on a loaded machine. */
    private static final long HANG_GUARD_SECONDS = 30;
    private static final Duration HANG_GUARD = Duration.ofSeconds(HANG_GUARD_SECONDS);
    /** A thread per task: the common pool may have one thread only, which one blocked client would hold. */
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private final List<ExecutorService> executors = new ArrayList<>();

    @AfterEach
    void stopThreads() {
        clients.shutdownNow();
        executors.forEach(ExecutorService::shutdownNow);
    }

    private GracefulStop serve(HttpServer server, ExecutorService executor, HttpHandler handler) {
        executors.add(executor);
        server.setExecutor(executor);
        GracefulStop graceful = GracefulStop.install(server);
        graceful.instrument(server.createContext("/", handler));
        server.start();
        return graceful;
    }

    private static HttpServer server() throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }

    private static void text(com.sun.net.httpserver.HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private CompletableFuture<Void> stopping(GracefulStop graceful, Duration grace) {
        return CompletableFuture.runAsync(() -> graceful.stop(grace), clients);
    }

    @Test
    void everyRequestSentBeforeTheStopIsAnsweredAndLaterOnesAreRefusedNeverReset() throws Exception {
        // Before (the JDK's stop alone): every client's first request after the stop was reset.
        HttpServer server = server();
        GracefulStop graceful = serve(server, ServerExecutors.bounded("t", 2), ex -> text(ex, "hello"));
        KeepAliveLoad load = KeepAliveLoad.start(server.getAddress().getPort(), "/", 16, clients);
        load.awaitSending(HANG_GUARD);
        long stop = System.nanoTime();
        graceful.stop(LONG_GRACE);

        load.split(stop, HANG_GUARD).assertAnsweredThenRefused(load.clients());
        assertEquals(0, graceful.open(), "every request finished");
    }

    @Test
    void aRequestWaitingForAThreadWhenTheStopBeginsIsStillAnswered() throws Exception {
        // Before: the JDK counts only exchanges whose handler began, so when the running one completed it found
        // nothing left and closed the connection of the request waiting for the thread.
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch respond = new CountDownLatch(1);
        CountDownLatch returnFromHandler = new CountDownLatch(1);
        ThreadPoolExecutor one = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        HttpServer server = server();
        GracefulStop graceful = serve(server, one, ex -> {
            if (ex.getRequestURI().getPath().equals("/slow")) {
                entered.countDown();
                await(respond);
                text(ex, "slow");
                await(returnFromHandler);   // the response is complete, the one thread still busy
            } else {
                text(ex, "queued");
            }
        });
        int port = server.getAddress().getPort();
        try (RawHttp slow = new RawHttp(port); RawHttp queued = new RawHttp(port)) {
            CompletableFuture<RawHttp.Outcome> first = CompletableFuture.supplyAsync(() -> slow.get("/slow"), clients);
            assertTrue(entered.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
            CompletableFuture<RawHttp.Outcome> second = CompletableFuture.supplyAsync(() -> queued.get("/q"), clients);
            Poll.until("the second request to wait for the one thread", Duration.ofSeconds(HANG_GUARD_SECONDS),
                    () -> one.getQueue().size() == 1);

            CompletableFuture<Void> stopping = stopping(graceful, LONG_GRACE);
            Poll.until("the stop to begin (the port refusing connections, or the guard waiting behind the queued"
                    + " request)", Duration.ofSeconds(HANG_GUARD_SECONDS),
                    () -> !accepts(port) || one.getQueue().size() > 1);
            respond.countDown();
            assertEquals("200", first.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS).outcome());
            Poll.until("the stop to end, or to wait behind the queued request", Duration.ofSeconds(HANG_GUARD_SECONDS),
                    () -> stopping.isDone() || one.getQueue().size() > 1);
            returnFromHandler.countDown();

            assertEquals("200", second.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS).outcome());
            stopping.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStopDoesNotWaitOutTheGraceAfterAClientLeftInTheMiddleOfAResponse() throws Exception {
        // Before: the JDK (17) never takes an exchange whose response was cut short off its count of open ones, so
        // its stop waited out the whole grace although nothing was left to answer.
        CountDownLatch failed = new CountDownLatch(1);
        HttpServer server = server();
        GracefulStop graceful = serve(server, ServerExecutors.bounded("t", 2), ex -> {
            try {
                ex.sendResponseHeaders(200, 64 * 1024 * 1024);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(new byte[64 * 1024 * 1024]);
                }
            } catch (IOException e) {
                failed.countDown();
            }
        });
        try (Socket leaving = new Socket("127.0.0.1", server.getAddress().getPort())) {
            leaving.getOutputStream().write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            leaving.getInputStream().readNBytes(12);  // the status line has come: the body is on its way
            leaving.setSoLinger(true, 0);
        }
        assertTrue(failed.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "the response never failed");
        stopping(graceful, LONG_GRACE).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        assertFalse(accepts(server.getAddress().getPort()));
    }

    @Test
    void anIdleServerStopsWithoutWaitingOutTheGrace() throws Exception {
        HttpServer server = server();
        GracefulStop graceful = serve(server, ServerExecutors.bounded("t", 2), ex -> text(ex, "x"));
        stopping(graceful, LONG_GRACE).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        graceful.stop(LONG_GRACE);   // idempotent: returns at once
        assertFalse(accepts(server.getAddress().getPort()));
        assertEquals(0, graceful.open());
    }

    @Test
    void aHandlerThatNeverReturnsHoldsTheStopNoLongerThanTheGrace() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        HttpServer server = server();
        GracefulStop graceful = serve(server, ServerExecutors.bounded("t", 2), ex -> {
            entered.countDown();
            await(never);
        });
        try (RawHttp client = new RawHttp(server.getAddress().getPort())) {
            CompletableFuture<RawHttp.Outcome> stuck = CompletableFuture.supplyAsync(() -> client.get("/"), clients);
            assertTrue(entered.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
            stopping(graceful, Duration.ofSeconds(2)).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            assertFalse(stuck.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS).complete(), "its connection was closed");
            assertEquals(1, graceful.open(), "the stuck handler is still counted: the caller's executor ends it");
        } finally {
            never.countDown();
        }
    }

    @Test
    void installingOnAStartedOrHttpsServerIsRefusedSayingWhy() throws IOException {
        HttpServer started = server();
        started.start();
        try {
            assertEquals("GracefulStop.install(server) was called after server.start(): call it before, so that it"
                    + " counts every request the server hands out.",
                    assertThrows(IllegalStateException.class, () -> GracefulStop.install(started)).getMessage());
        } finally {
            started.stop(0);
        }
        HttpsServer https = HttpsServer.create();
        assertEquals("GracefulStop.install(server) was given an HttpsServer: its guard request speaks plain HTTP."
                + " Stop an HTTPS server with server.stop(delay).",
                assertThrows(IllegalArgumentException.class, () -> GracefulStop.install(https)).getMessage());
        HttpServer idle = server();
        GracefulStop graceful = GracefulStop.install(idle);
        assertEquals("stop(PT-1S) is illegal: pass zero or a positive grace period such as Duration.ofSeconds(5).",
                assertThrows(IllegalArgumentException.class, () -> graceful.stop(Duration.ofSeconds(-1)))
                        .getMessage());
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
