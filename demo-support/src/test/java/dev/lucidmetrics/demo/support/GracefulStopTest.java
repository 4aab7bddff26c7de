package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.KeepAliveLoad;
import dev.lucidmetrics.core.support.LogCapture;
import dev.lucidmetrics.core.support.RawHttp;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DemoServer's stop, with the library's GracefulStop (whose own protocol GracefulStopTest in metrics-core checks)
 * under the demo's HTTP_THREADS turns. Outcomes only: every request answered, every thread ended, the stop line
 * logged; each wait is a hang guard.
 */
class GracefulStopTest {

    private static final long HANG_GUARD_SECONDS = 30;
    private static final Duration HANG_GUARD = Duration.ofSeconds(HANG_GUARD_SECONDS);
    /** A thread per client: the common pool may have one thread only, which one blocked client would hold. */
    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    private static EnvConfig settings(String threads, String grace) {
        return EnvConfig.of(Map.of("PORT", "0", "HTTP_THREADS", threads, "SHUTDOWN_GRACE", grace));
    }

    private static LogCapture stopLine() {
        return new LogCapture(DemoServer.class.getName(), Level.INFO, LogRecord::getMessage);
    }

    @Test
    void keepAliveClientsWaitingForTheirTurnAreAllAnsweredAndTheThreadsEnd() throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        Router router = new Router().on("GET", "/", ex -> Responses.text(ex, 200, "text/plain", "hello"));
        DemoServer server = DemoServer.builder("t").settings(settings("2", "5s"), 0)
                .router(router, AppMetrics.builder("t").build()).executor(threads).start();
        // 16 clients, eight times HTTP_THREADS: most requests wait for a turn when the stop begins
        KeepAliveLoad load = KeepAliveLoad.start(server.port(), "/", 16, clients);
        load.awaitSending(HANG_GUARD);
        try (LogCapture log = stopLine()) {
            long stop = System.nanoTime();
            server.stop();

            load.split(stop, HANG_GUARD).assertAnsweredThenRefused(load.clients());
            assertTrue(threads.awaitTermination(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "every thread ended");
            assertEquals(1, log.lines().size(), log.lines().toString());
            assertTrue(log.lines().get(0).matches("t: stopped in \\d+ ms; requests not yet answered: \\d+ at the"
                    + " stop, 0 at exit"), log.lines().get(0));
        }
    }

    @Test
    void aHandlerThatNeverReturnsIsInterruptedAtTheEndOfTheGraceAndEveryThreadEnds() throws Exception {
        // Before: the server waited the whole grace, then the pool another second; now the threads end with the
        // grace, the stuck one interrupted.
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Router router = new Router().on("GET", "/stuck", ex -> {
            entered.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        ExecutorService threads = Executors.newCachedThreadPool();
        DemoServer server = DemoServer.builder("t").settings(settings("2", "2s"), 0)
                .router(router, AppMetrics.builder("t").build()).executor(threads).start();
        try (RawHttp client = new RawHttp(server.port()); LogCapture log = stopLine()) {
            CompletableFuture<RawHttp.Outcome> stuck = CompletableFuture.supplyAsync(() -> client.get("/stuck"),
                    clients);
            assertTrue(entered.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
            CompletableFuture.runAsync(server::stop, clients).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);

            assertFalse(stuck.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS).complete(), "its connection was closed");
            assertTrue(interrupted.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "the stuck handler was interrupted");
            assertTrue(threads.awaitTermination(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "every thread ended");
            assertTrue(log.lines().get(0).matches("t: stopped in \\d+ ms; requests not yet answered: 1 at the stop,"
                    + " [01] at exit"), log.lines().toString());
        }
    }
}
