package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.testing.Poll;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The graceful stop under keep-alive clients that never pause, and with requests waiting for a thread. */
class GracefulStopTest {

    private static final Duration GRACE = Duration.ofSeconds(5);
    /** A thread per task: the common pool may have one thread only, which one blocked client would hold. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool();

    /** What keep-alive clients sending back to back until refused saw, when the stop began, how long it took. */
    private record Load(List<KeepAliveClient.Result> results, long stopNanos, long stopMillis) {
        Map<String, Integer> outcomes(boolean sentBeforeStop) {
            Map<String, Integer> m = new TreeMap<>();
            results.stream().filter(r -> (r.sentNanos() != 0 && r.sentNanos() - stopNanos < 0) == sentBeforeStop)
                    .forEach(r -> m.merge(r.outcome(), 1, Integer::sum));
            return m;
        }
    }

    private static EnvConfig settings(String threads) {
        return EnvConfig.of(Map.of("PORT", "0", "HTTP_THREADS", threads, "SHUTDOWN_GRACE", GRACE.toSeconds() + "s"));
    }

    /** {@code clients} (more than the server's 2 threads) sending until refused while the server stops. */
    private static Load stopUnderLoad(int clients) throws Exception {
        Router router = new Router().on("GET", "/", ex -> Responses.text(ex, 200, "text/plain", "hello"));
        DemoServer server = DemoServer.builder("t").settings(settings("2"), 0).handler(router).start();
        List<CompletableFuture<List<KeepAliveClient.Result>>> running = new ArrayList<>();
        CountDownLatch sending = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            running.add(CompletableFuture.supplyAsync(() -> {
                List<KeepAliveClient.Result> mine = new ArrayList<>();
                try (KeepAliveClient c = new KeepAliveClient(server.port())) {
                    for (KeepAliveClient.Result r = c.get("/"); ; r = c.get("/")) {
                        mine.add(r);
                        if (mine.size() == 20) {
                            sending.countDown();
                        }
                        if (r.outcome().equals("refused") || mine.size() > 1_000_000) {
                            return mine;
                        }
                    }
                }
            }, THREADS));
        }
        assertTrue(sending.await(20, TimeUnit.SECONDS), "the clients did not get going");
        long stop = System.nanoTime();
        PrintStream err = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            server.stop();
        } finally {
            System.setErr(err);
        }
        long stopMillis = (System.nanoTime() - stop) / 1_000_000;
        List<KeepAliveClient.Result> all = new ArrayList<>();
        for (CompletableFuture<List<KeepAliveClient.Result>> f : running) {
            all.addAll(f.get(30, TimeUnit.SECONDS));
        }
        return new Load(all, stop, stopMillis);
    }

    @Test
    void aStopTakesNoLongerThanTheGraceEvenWithAHandlerThatNeverReturns() throws Exception {
        // Before: the server waited the whole grace, then the pool another second: past SHUTDOWN_GRACE.
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Router router = new Router().on("GET", "/stuck", ex -> {
            entered.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        EnvConfig env = EnvConfig.of(Map.of("PORT", "0", "SHUTDOWN_GRACE", "3s"));
        DemoServer server = DemoServer.builder("t").settings(env, 0).handler(router).start();
        try (KeepAliveClient client = new KeepAliveClient(server.port())) {
            CompletableFuture<KeepAliveClient.Result> stuck = CompletableFuture.supplyAsync(() -> client.get("/stuck"),
                    THREADS);
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            long start = System.nanoTime();
            server.stop();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 3900, "stop took " + millis + " ms with SHUTDOWN_GRACE=3s");
            assertTrue(!stuck.get(10, TimeUnit.SECONDS).complete());
        }
    }

    @Test
    void aStopEndsAtOnceAfterAClientLeftInTheMiddleOfAResponse() throws Exception {
        // Before: the JDK (17) never takes an exchange whose response was cut short off its count of open ones, so
        // its stop waited out the whole grace although nothing was left to answer.
        CountDownLatch failed = new CountDownLatch(1);
        Router router = new Router().on("GET", "/big", ex -> {
            try {
                Responses.bytes(ex, 200, "application/octet-stream", new byte[64 * 1024 * 1024]);
            } catch (IOException e) {
                failed.countDown();
            }
        });
        DemoServer server = DemoServer.builder("t").settings(settings("2"), 0).handler(router).start();
        try (Socket leaving = new Socket("127.0.0.1", server.port())) {
            leaving.getOutputStream().write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            leaving.getInputStream().readNBytes(12);  // the status line has come: the body is on its way
            leaving.setSoLinger(true, 0);
        }
        assertTrue(failed.await(20, TimeUnit.SECONDS), "the response never failed");
        long start = System.nanoTime();
        server.stop();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < GRACE.toMillis() / 2, "stop took " + millis + " ms with nothing to answer");
    }

    @Test
    void everyRequestSentBeforeTheStopGetsItsResponseAndLaterOnesAreRefusedNeverReset() throws Exception {
        // Before: every client's first request after the stop was reset, the JDK closing its connection under it.
        Load load = stopUnderLoad(16);
        Map<String, Integer> before = load.outcomes(true);
        assertEquals(Map.of("200", before.getOrDefault("200", 0)), before, "sent before the stop: " + before);
        Map<String, Integer> after = load.outcomes(false);
        after.remove("200");
        assertEquals(Map.of("refused", 16), after, "sent after the stop: " + load.outcomes(false));
    }

    @Test
    void aRequestWaitingForAThreadWhenTheStopBeginsIsStillAnswered() throws Exception {
        // Before: the JDK counts only exchanges whose handler began, so when the running one completed it found
        // nothing left and closed the connection of the request waiting for the thread (the client saw it close).
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch respond = new CountDownLatch(1);
        CountDownLatch returnFromHandler = new CountDownLatch(1);
        Router router = new Router()
                .on("GET", "/slow", ex -> {
                    entered.countDown();
                    await(respond);
                    Responses.text(ex, 200, "text/plain", "slow");
                    await(returnFromHandler);  // the response is complete, the one thread still busy
                })
                .on("GET", "/queued", ex -> Responses.text(ex, 200, "text/plain", "queued"));
        ThreadPoolExecutor one = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        DemoServer server = DemoServer.builder("t").settings(settings("1"), 0).handler(router).executor(one).start();
        int port = server.port();
        try (KeepAliveClient slow = new KeepAliveClient(port); KeepAliveClient queued = new KeepAliveClient(port)) {
            CompletableFuture<KeepAliveClient.Result> first = CompletableFuture.supplyAsync(() -> slow.get("/slow"),
                    THREADS);
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            CompletableFuture<KeepAliveClient.Result> second = CompletableFuture.supplyAsync(
                    () -> queued.get("/queued"), THREADS);
            Poll.until("the second request to wait for the one thread", Duration.ofSeconds(10),
                    () -> one.getQueue().size() == 1);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop, THREADS);
            Poll.until("the stop to begin (the port refusing connections, or a request of the stop's own waiting"
                    + " behind the queued one)", Duration.ofSeconds(10),
                    () -> !StopInFlight.accepts(port) || one.getQueue().size() > 1);
            respond.countDown();
            assertEquals("200", first.get(10, TimeUnit.SECONDS).outcome());
            Poll.until("the stop to end, or to wait behind the queued request", Duration.ofSeconds(10),
                    () -> stopping.isDone() || one.getQueue().size() > 1);
            returnFromHandler.countDown();

            assertEquals("200", second.get(10, TimeUnit.SECONDS).outcome());
            stopping.get(GRACE.toMillis() + 5000, TimeUnit.MILLISECONDS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
