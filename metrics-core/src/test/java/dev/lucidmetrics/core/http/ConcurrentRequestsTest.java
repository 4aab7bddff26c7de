package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.testing.MetricValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

@CompatibilityKit
class ConcurrentRequestsTest {

    private static final int CLIENTS = 16;
    private static final int REQUESTS_PER_CLIENT = 150;

    @Test
    void countsAreExactUnderSixteenConcurrentClients() throws Exception {
        AppMetrics app = AppMetrics.builder("image_gallery").build();
        MetricValues values = MetricValues.of(app);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        // What the server really handled: java.net.http may resend an idempotent request once when a pooled
        // connection fails, so the server can see a request more than the clients sent. Counts must match this.
        Map<String, LongAdder> handled = new ConcurrentHashMap<>();
        try (TestServer server = new TestServer()) {
            HttpServerMetrics.builder(app).routes("/images/{id}", "/fail/{id}").register()
                    .instrument(server.context("/", exchange -> {
                        String path = exchange.getRequestURI().getPath();
                        handled.computeIfAbsent(exchange.getRequestMethod() + " " + path.substring(0, 5),
                                k -> new LongAdder()).increment();
                        TestServer.headersOnly(path.startsWith("/images/") ? 200
                                : path.startsWith("/fail/") ? 503 : 404).handle(exchange);
                    }));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    go.await();
                    for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                        String path = i % 3 == 0 ? "/images/" + client + "-" + i
                                : i % 3 == 1 ? "/fail/" + i : "/nothing/" + client + "/" + i;
                        server.send(i % 2 == 0 ? "GET" : "POST", path);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            int sent = CLIENTS * REQUESTS_PER_CLIENT;
            String requests = "image_gallery_requests_total";
            double total = handled.values().stream().mapToLong(LongAdder::sum).sum();
            assertTrue(total >= sent, "the server handled " + total + " of " + sent + " requests");
            TestServer.awaitValue(total, () -> values.sum(requests), requests);
            for (String method : List.of("GET", "POST")) {
                assertEquals(count(handled, method + " /imag"),
                        values.get(requests, "method", method, "route", "/images/{id}", "code", "200"));
                assertEquals(count(handled, method + " /fail"),
                        values.get(requests, "method", method, "route", "/fail/{id}", "code", "503"));
                assertEquals(count(handled, method + " /noth"),
                        values.get(requests, "method", method, "route", "NOT_FOUND", "code", "404"));
            }
            assertEquals(total, values.sum("image_gallery_request_duration_seconds_count"));
            values.awaitValue(Duration.ofSeconds(10), 0.0, "image_gallery_in_flight_requests");
        } finally {
            clients.shutdownNow();
        }
    }

    private static double count(Map<String, LongAdder> handled, String key) {
        LongAdder n = handled.get(key);
        return n == null ? 0 : n.sum();
    }
}
