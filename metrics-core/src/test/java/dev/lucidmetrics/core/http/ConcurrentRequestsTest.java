package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.testing.MetricValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentRequestsTest {

    private static final int CLIENTS = 16;
    private static final int REQUESTS_PER_CLIENT = 150;

    @Test
    void countsAreExactUnderSixteenConcurrentClients() throws Exception {
        AppMetrics app = AppMetrics.builder("image_gallery").build();
        MetricValues values = MetricValues.of(app);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (TestServer server = new TestServer()) {
            HttpServerMetrics.builder(app).routes("/images/{id}", "/fail/{id}").build()
                    .instrument(server.context("/", exchange -> {
                        String path = exchange.getRequestURI().getPath();
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
            int total = CLIENTS * REQUESTS_PER_CLIENT;
            String requests = "image_gallery_requests_total";
            TestServer.awaitValue(total, () -> values.sum(requests), requests);
            // i in 0..149: i%3 picks the route, i%2 the method; each (i%3, i%2) pair occurs 25 times per client.
            double each = CLIENTS * REQUESTS_PER_CLIENT / 6.0;
            for (String method : List.of("GET", "POST")) {
                assertEquals(each, values.get(requests, "method", method, "route", "/images/{id}", "code", "200"));
                assertEquals(each, values.get(requests, "method", method, "route", "/fail/{id}", "code", "503"));
                assertEquals(each, values.get(requests, "method", method, "route", "NOT_FOUND", "code", "404"));
            }
            assertEquals(total, values.sum("image_gallery_request_duration_seconds_count"));
            values.awaitValue(Duration.ofSeconds(10), 0.0, "image_gallery_in_flight_requests");
        } finally {
            clients.shutdownNow();
        }
    }
}
