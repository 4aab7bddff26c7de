package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.support.LogCapture;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.testing.MetricValues;
import dev.lucidmetrics.testing.Poll;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class DemoServerTest {

    /** A bound on hanging: ten times anything these tests wait for on a loaded machine. */
    private static final long HANG_GUARD_SECONDS = 30;
    private static final Duration HANG_GUARD = Duration.ofSeconds(HANG_GUARD_SECONDS);

    private static EnvConfig settings(String... pairs) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("PORT", "0"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return EnvConfig.of(env);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "the test never released the handler");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aRequestHeldInTheTurnQueueIsInFlightAndItsDurationIncludesTheWait() throws Exception {
        // Before: the metrics filter came after the HTTP_THREADS turn, so the queued request was not in flight and
        // its duration was its handler's alone (microseconds here).
        Duration held = Duration.ofMillis(200);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Router router = new Router()
                .on("GET", "/hold", ex -> {
                    holding.countDown();
                    await(release);
                    Responses.text(ex, 200, "text/plain", "held");
                })
                .on("GET", "/queued", ex -> Responses.text(ex, 200, "text/plain", "queued"));
        AppMetrics app = AppMetrics.builder("t").build();
        DemoServer server = DemoServer.builder("t").settings(settings("HTTP_THREADS", "1"), 0).router(router, app)
                .start();
        try {
            CompletableFuture<HttpResponse<String>> hold = TestHttp.getAsync(server.uri("/hold"));
            assertTrue(holding.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "the one turn is taken");
            CompletableFuture<HttpResponse<String>> queued = TestHttp.getAsync(server.uri("/queued"));
            MetricValues values = MetricValues.of(app);
            values.awaitValue(HANG_GUARD, 2.0, "t_in_flight_requests");   // the queued one counts while it waits
            long queuedBy = System.nanoTime();   // its duration began before this instant
            Poll.until("the queued request to have waited " + held.toMillis() + " ms", HANG_GUARD,
                    () -> System.nanoTime() - queuedBy >= held.toNanos());
            assertFalse(queued.isDone(), "it is still waiting for the turn the held request has");
            long releasedAt = System.nanoTime();
            release.countDown();

            assertEquals("held", hold.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS).body());
            assertEquals("queued", queued.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS).body());
            values.awaitValue(HANG_GUARD, 1.0, "t_request_duration_seconds_count", "method", "GET", "route",
                    "/queued", "code", "200");
            double recorded = values.get("t_request_duration_seconds_sum", "method", "GET", "route", "/queued",
                    "code", "200");
            double waited = (releasedAt - queuedBy) / 1e9;
            assertTrue(recorded >= waited, "recorded " + recorded + " s for a request held " + waited + " s");
            values.awaitValue(HANG_GUARD, 0.0, "t_in_flight_requests");
        } finally {
            release.countDown();
            server.stop();
        }
    }

    @Test
    void stopLetsTheRequestInFlightFinishAndRefusesNewConnections() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Router router = new Router().on("GET", "/slow", ex -> {
            entered.countDown();
            await(release);
            Responses.text(ex, 200, "text/plain", "done");
        });
        DemoServer server = DemoServer.builder("t").port(0).router(router, AppMetrics.builder("t").build()).start();
        CompletableFuture<HttpResponse<String>> slow = TestHttp.getAsync(server.uri("/slow"));
        assertTrue(entered.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS));

        int port = server.port();
        StopInFlight stopping = StopInFlight.begin("the server", port, server::stop);
        release.countDown();

        assertEquals("done", slow.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS).body());
        stopping.awaitStopped();
        assertThrows(IOException.class, () -> new Socket("localhost", port).close());
    }

    @Test
    void anIdleServerStopsWithoutWaitingOutTheGraceEndsItsThreadsAndLogsTheStopLine() throws Exception {
        // Before: a 900 ms bound on the idle stop. Now a grace far past the hang guard: waiting it out fails.
        ExecutorService threads = Executors.newCachedThreadPool();
        try (LogCapture log = new LogCapture(DemoServer.class.getName(), Level.INFO, LogRecord::getMessage)) {
            DemoServer server = DemoServer.builder("t").settings(settings("SHUTDOWN_GRACE", "300s"), 0)
                    .router(new Router(), AppMetrics.builder("t").build()).executor(threads).start();
            assertEquals(200, TestHttp.get(server.healthUrl()).statusCode());
            CompletableFuture.runAsync(server::stop).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            server.stop();   // idempotent

            assertTrue(threads.awaitTermination(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "every thread ended");
            assertEquals(1, log.lines().size(), log.lines().toString());
            // the health check's thread may still be returning when the stop begins: only the exit count is fixed
            assertTrue(log.lines().get(0).matches("t: stopped in \\d+ ms; requests not yet answered: [01] at the"
                    + " stop, 0 at exit"), log.lines().get(0));
        }
    }

    @Test
    void unknownPathsAnswer404AndOtherMethods405WithAllow() {
        Router router = new Router().on("GET", "/images/{id}", ex -> Responses.text(ex, 200, "text/plain",
                Router.param(ex, "id")));
        DemoServer server = DemoServer.builder("t").port(0).router(router, AppMetrics.builder("t").build()).start();
        try {
            assertEquals("7", TestHttp.get(server.uri("/images/7")).body());
            HttpResponse<String> missing = TestHttp.get(server.uri("/images/7/x"));
            assertEquals(404, missing.statusCode());
            assertEquals("{\"error\":\"Not found.\"}", missing.body());
            HttpResponse<String> post = TestHttp.post(server.uri("/images/7"), "text/plain", "x");
            assertEquals(405, post.statusCode());
            assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
        } finally {
            server.stop();
        }
    }

    @Test
    void aHandlerBugAnswers500InsteadOfDroppingTheConnection() {
        Router router = new Router().on("GET", "/bug", ex -> {
            throw new IllegalStateException("bug");
        });
        DemoServer server = DemoServer.builder("t").port(0).router(router, AppMetrics.builder("t").build()).start();
        try {
            assertEquals(500, TestHttp.get(server.uri("/bug")).statusCode());
        } finally {
            server.stop();
        }
    }

    @Test
    void httpVirtualThreadsRunsHandlersOnVirtualThreadsOnJava21OrIsRefusedAtStartUp() throws Exception {
        EnvConfig env = settings("HTTP_VIRTUAL_THREADS", "true");
        AppMetrics app = AppMetrics.builder("t").build();
        if (Runtime.version().feature() < 21) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoServer.builder("t").settings(env, 0)
                    .router(new Router(), app).start()).getMessage()
                    .startsWith("HTTP_VIRTUAL_THREADS=true asks for virtual threads, which need Java 21"));
            return;
        }
        AtomicReference<Thread> handledOn = new AtomicReference<>();
        Router router = new Router().on("GET", "/", ex -> {
            handledOn.set(Thread.currentThread());
            Responses.text(ex, 200, "text/plain", "ok");
        });
        DemoServer server = DemoServer.builder("t").settings(env, 0).router(router, app).start();
        try {
            assertEquals(200, TestHttp.get(server.uri("/")).statusCode());
            assertTrue((Boolean) Thread.class.getMethod("isVirtual").invoke(handledOn.get()), "" + handledOn.get());
        } finally {
            server.stop();
        }
    }

    @Test
    void scrapesAndHealthChecksAreAnsweredWhileEveryRouteThreadIsBusyAndQueued() throws Exception {
        int routeThreads = 2;
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch allBusy = new CountDownLatch(routeThreads);
        Router router = new Router().on("GET", "/slow", ex -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            allBusy.countDown();
            await(release);
            running.decrementAndGet();
            Responses.text(ex, 200, "text/plain", "done");
        });
        AppMetrics app = AppMetrics.builder("t").build();
        DemoServer server = DemoServer.builder("t").settings(settings("HTTP_THREADS", "" + routeThreads), 0)
                .router(router, app).metrics(app, MetricsConfig.empty()).start();
        try {
            List<CompletableFuture<HttpResponse<String>>> pages = new ArrayList<>();
            for (int i = 0; i < 3 * routeThreads; i++) {
                pages.add(TestHttp.getAsync(server.uri("/slow")));
            }
            assertTrue(allBusy.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "every route thread is busy");

            assertEquals(200, TestHttp.get(server.uri("/metrics")).statusCode(), "a scrape does not wait its turn");
            assertEquals(200, TestHttp.get(server.healthUrl()).statusCode(), "nor does a health check");
            assertFalse(pages.stream().anyMatch(CompletableFuture::isDone), "while the pages are still held");

            release.countDown();
            for (CompletableFuture<HttpResponse<String>> page : pages) {
                assertEquals("done", page.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS).body());
            }
            assertEquals(routeThreads, mostAtOnce.get(), "HTTP_THREADS pages at once, the others waited their turn");
        } finally {
            release.countDown();
            server.stop();
        }
    }
}
