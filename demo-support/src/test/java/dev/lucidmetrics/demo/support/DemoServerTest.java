package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.support.TestHttp;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DemoServerTest {

    @Test
    void stopLetsTheRequestInFlightFinishAndRefusesNewConnections() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Router router = new Router().on("GET", "/slow", ex -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Responses.text(ex, 200, "text/plain", "done");
        });
        DemoServer server = DemoServer.builder("t").port(0).handler(router).start();
        CompletableFuture<HttpResponse<String>> slow = TestHttp.getAsync(server.uri("/slow"));
        assertTrue(entered.await(5, TimeUnit.SECONDS));

        int port = server.port();
        StopInFlight stopping = StopInFlight.begin("the server", port, server::stop);
        release.countDown();

        assertEquals("done", slow.get(5, TimeUnit.SECONDS).body());
        assertTrue(stopping.awaitStopped(Duration.ofSeconds(5)).toMillis() < 5000);
        assertThrows(IOException.class, () -> new Socket("localhost", port).close());
    }

    @Test
    void stopReturnsAtOnceWhenIdle() {
        DemoServer server = DemoServer.builder("t").port(0).handler(new Router()).start();
        long start = System.nanoTime();
        server.stop();
        server.stop();
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 900, "idle stop took too long");
    }

    @Test
    void unknownPathsAnswer404AndOtherMethods405WithAllow() {
        Router router = new Router().on("GET", "/images/{id}", ex -> Responses.text(ex, 200, "text/plain",
                Router.param(ex, "id")));
        DemoServer server = DemoServer.builder("t").port(0).handler(router).start();
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
        DemoServer server = DemoServer.builder("t").port(0).handler(router).start();
        try {
            assertEquals(500, TestHttp.get(server.uri("/bug")).statusCode());
        } finally {
            server.stop();
        }
    }

    @Test
    void httpVirtualThreadsRunsHandlersOnVirtualThreadsOnJava21OrIsRefusedAtStartUp() throws Exception {
        EnvConfig env = EnvConfig.of(Map.of("PORT", "0", "HTTP_VIRTUAL_THREADS", "true"));
        if (Runtime.version().feature() < 21) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoServer.builder("t").settings(env, 0)
                    .handler(new Router()).start()).getMessage().startsWith("HTTP_VIRTUAL_THREADS=true asks for virtual threads, which need Java 21"));
            return;
        }
        AtomicReference<Thread> handledOn = new AtomicReference<>();
        Router router = new Router().on("GET", "/", ex -> {
            handledOn.set(Thread.currentThread());
            Responses.text(ex, 200, "text/plain", "ok");
        });
        DemoServer server = DemoServer.builder("t").settings(env, 0).handler(router).start();
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
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            Responses.text(ex, 200, "text/plain", "done");
        }).on("GET", "/health", Responses::health);
        AppMetrics app = AppMetrics.builder("t").build();
        DemoServer server = DemoServer.builder("t")
                .settings(EnvConfig.of(Map.of("PORT", "0", "HTTP_THREADS", "" + routeThreads)), 0)
                .handler(router).metrics(app, MetricsConfig.empty()).start();
        try {
            List<CompletableFuture<HttpResponse<String>>> pages = new ArrayList<>();
            for (int i = 0; i < 3 * routeThreads; i++) {
                pages.add(TestHttp.getAsync(server.uri("/slow")));
            }
            assertTrue(allBusy.await(10, TimeUnit.SECONDS), "every route thread is busy");

            assertEquals(200, TestHttp.get(server.uri("/metrics")).statusCode(), "a scrape does not wait its turn");
            assertEquals(200, TestHttp.get(server.uri("/health")).statusCode(), "nor does a health check");
            assertFalse(pages.stream().anyMatch(CompletableFuture::isDone), "while the pages are still held");

            release.countDown();
            for (CompletableFuture<HttpResponse<String>> page : pages) {
                assertEquals("done", page.get(10, TimeUnit.SECONDS).body());
            }
            assertEquals(routeThreads, mostAtOnce.get(), "HTTP_THREADS pages at once, the others waited their turn");
        } finally {
            release.countDown();
            server.stop();
        }
    }
}
