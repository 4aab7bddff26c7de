package dev.lucidmetrics.clientjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.otlp.OtlpConfig;
import dev.lucidmetrics.core.otlp.OtlpPush;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OTLP push against an OTLP/HTTP receiver started here (a JDK HttpServer on port 0 answering
 * {@code /v1/metrics} with 200), which decodes each request with the protocol's own generated classes
 * ({@code opentelemetry-proto}), independent of client_java's exporter. No sleeps: the first push is awaited with a
 * deadline, and the last one is what {@code close()} sends before it returns.
 */
class OtlpPushTest {

    /** A bound on a hang, far above the 1 s push interval. */
    private static final long DEADLINE_SECONDS = 30;

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private HttpServer receiver;

    record Received(String path, String contentType, String authorization, ExportMetricsServiceRequest request) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(body.readAllBytes());
                received.add(new Received(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Authorization"), request));
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    private static AppMetrics shop(Counter[] orders) {
        AppMetrics app = AppMetrics.builder("shop").backend("client_java").build();
        orders[0] = app.counter("orders_total").help("Orders.").labelNames("payment_method").register();
        orders[0].labels("card").inc(3);
        app.gauge("queue_depth").help("Queue depth.").register().set(7);
        var checkout = app.histogram("checkout_seconds").help("Checkout time.").buckets(0.1, 1).register();
        checkout.observe(0.4);
        checkout.observe(2.0);
        return app;
    }

    @Test
    void theStandardSettingsPushACounterAGaugeAndAHistogramEveryInterval() throws Exception {
        Counter[] orders = new Counter[1];
        AppMetrics app = shop(orders);
        OtlpConfig config = OtlpConfig.from(EnvConfig.of(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", endpoint(),
                "OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%20s3cret",
                "OTEL_METRIC_EXPORT_INTERVAL", "1000",
                "OTEL_SERVICE_NAME", "shop-checkout",
                "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=test,service.name=overridden")));
        try (OtlpPush push = OtlpPush.builder(app).config(config).start()) {
            assertTrue(push.running());
            Received first = received.poll(DEADLINE_SECONDS, TimeUnit.SECONDS);
            assertNotNull(first, "no OTLP request within " + DEADLINE_SECONDS + " s of a 1 s interval");
            assertEquals("/v1/metrics", first.path());
            assertEquals("application/x-protobuf", first.contentType());
            assertEquals("Bearer s3cret", first.authorization());

            Map<String, String> resource = attributes(first.request().getResourceMetrics(0).getResource()
                    .getAttributesList());
            assertEquals("shop-checkout", resource.get("service.name"), resource.toString());
            assertEquals("test", resource.get("deployment.environment"), resource.toString());

            Map<String, Metric> metrics = metrics(first.request());
            Metric counter = metrics.get("shop_orders");
            assertNotNull(counter, "names pushed: " + metrics.keySet());
            assertTrue(counter.getSum().getIsMonotonic());
            NumberDataPoint card = counter.getSum().getDataPoints(0);
            assertEquals(Map.of("payment_method", "card"), attributes(card.getAttributesList()));
            assertEquals(3.0, card.getAsDouble());

            assertEquals(7.0, metrics.get("shop_queue_depth").getGauge().getDataPoints(0).getAsDouble());

            HistogramDataPoint checkout = metrics.get("shop_checkout_seconds").getHistogram().getDataPoints(0);
            assertEquals(2, checkout.getCount());
            assertEquals(2.4, checkout.getSum(), 1e-9);
            // client_java 1.4.3 sends +Inf as the last explicit bound, with one count per bound (OTLP wants one
            // count more than bounds, +Inf implied): per-bucket counts 0 (<= 0.1), 1 (<= 1), 1 (> 1).
            // docs/backends.md ("OTLP push") says what a receiver makes of it.
            assertEquals(List.of(0.1, 1.0, Double.POSITIVE_INFINITY), checkout.getExplicitBoundsList());
            assertEquals(List.of(0L, 1L, 1L), checkout.getBucketCountsList());
        }
    }

    @Test
    void closingPushesALastTime() throws Exception {
        Counter[] orders = new Counter[1];
        AppMetrics app = shop(orders);
        OtlpPush push = OtlpPush.builder(app).endpoint(endpoint()).interval(Duration.ofHours(1)).start();
        orders[0].labels("card").inc(2);
        assertTrue(received.isEmpty(), "pushed before the first hour");
        push.close();
        Received last = received.poll();
        assertNotNull(last, "close() returned without pushing");
        assertEquals("shop", attributes(last.request().getResourceMetrics(0).getResource().getAttributesList())
                .get("service.name"), "the default service.name is the app's namespace");
        assertEquals(5.0, metrics(last.request()).get("shop_orders").getSum().getDataPoints(0).getAsDouble());
        assertFalse(received.stream().findAny().isPresent(), "one push on close, not more");
    }

    private static Map<String, Metric> metrics(ExportMetricsServiceRequest request) {
        Map<String, Metric> byName = new HashMap<>();
        request.getResourceMetricsList().forEach(r -> r.getScopeMetricsList().forEach(s -> s.getMetricsList()
                .forEach(m -> byName.put(m.getName(), m))));
        return byName;
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().getStringValue()));
    }
}
