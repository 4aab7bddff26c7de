package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.testing.MetricValues;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Where a demo's requests wait, and what it logs, read from its metrics while it serves. */
class WaitMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void requestsWaitingForAnHttpThreadsTurnShowAsWaitingAndTheServersPoolAsAnExecutor() throws Exception {
        AppMetrics app = AppMetrics.builder("t").build();
        MetricValues values = MetricValues.of(app);
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
        DemoServer server = DemoServer.builder("t").settings(EnvConfig.of(Map.of("PORT", "0", "HTTP_THREADS", "1")), 0)
                .router(router, app).start();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                answers.add(TestHttp.getAsync(server.uri("/slow")));
            }
            assertTrue(entered.await(10, TimeUnit.SECONDS), "no request got a turn");
            values.awaitValue(WAIT, 2.0, "t_http_turn_waiting_requests");   // one turn: two wait
            assertTrue(values.get("t_executor_active_threads", "executor", "http") >= 3.0,
                    "each request holds a thread of the server's pool, waiting or not");
            assertEquals(0.0, values.get("t_executor_queued_tasks", "executor", "http"));
            release.countDown();
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                assertEquals(200, answer.get(10, TimeUnit.SECONDS).statusCode());
            }
            values.awaitValue(WAIT, 0.0, "t_http_turn_waiting_requests");
        } finally {
            release.countDown();
            server.stop();
        }
    }

    @Test
    void whatTheDemoLogsIsCountedByLevelUntilItStops() {
        AppMetrics app = AppMetrics.builder("t").build();
        MetricValues values = MetricValues.of(app);
        DemoServer server = DemoServer.builder("t").port(0).router(new Router(), app).start();
        System.Logger log = System.getLogger(WaitMetricsTest.class.getName());
        try {
            log.log(System.Logger.Level.ERROR, "a test error of WaitMetricsTest");
            log.log(System.Logger.Level.WARNING, "a test warning of WaitMetricsTest");
            assertEquals(1.0, values.get("t_log_events_total", "level", "error"));
            assertEquals(1.0, values.get("t_log_events_total", "level", "warn"));
        } finally {
            server.stop();
        }
        double infoAtStop = values.get("t_log_events_total", "level", "info");
        Logger.getLogger(WaitMetricsTest.class.getName()).severe("after the stop: not counted");
        assertEquals(1.0, values.get("t_log_events_total", "level", "error"));
        assertEquals(infoAtStop, values.get("t_log_events_total", "level", "info"));
    }
}
