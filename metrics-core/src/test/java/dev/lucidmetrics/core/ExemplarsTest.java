package dev.lucidmetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.IndependentParser;
import dev.lucidmetrics.core.support.ScrapeServer;
import dev.lucidmetrics.core.support.TestTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Exemplars end to end: sampled from a real OpenTelemetry SDK span (simpleclient's tracer support reads the
 * current span) or given explicitly, visible in the OpenMetrics scrape, and read back by an independent parser.
 * These tests guard exemplars if the counter storage is ever replaced.
 */
@CompatibilityKit
public class ExemplarsTest {

    private final SdkTracerProvider tracing = TestTracing.provider();
    private final Tracer tracer = tracing.get("exemplars-test");
    private final AppMetrics app = AppMetrics.builder("shop").build();

    @AfterEach
    void closeTracing() {
        tracing.close();
    }

    /** The exemplar the Python parser found on the sample {@code name} with these label pairs, or null. */
    public static JsonNode exemplarOf(List<JsonNode> samples, String name, String... labelPairs) {
        for (JsonNode s : samples) {
            boolean labelsMatch = true;
            for (int i = 0; i < labelPairs.length; i += 2) {
                labelsMatch &= labelPairs[i + 1].equals(s.path("labels").path(labelPairs[i]).asText(null));
            }
            if (s.get("name").asText().equals(name) && labelsMatch && !s.get("exemplar").isNull()) {
                return s.get("exemplar");
            }
        }
        return null;
    }

    @Test
    void sampledExemplarsCarryTheCurrentSpansTraceId() {
        Counter orders = app.counter("orders_total").help("Orders.").withExemplars().register();
        Histogram checkout = app.histogram("checkout_duration_seconds").help("Checkout time.").buckets(0.1, 1)
                .withExemplars().register();
        Span span = tracer.spanBuilder("checkout").startSpan();
        try (Scope scope = span.makeCurrent()) {
            orders.inc();
            checkout.observe(0.3);
        } finally {
            span.end();
        }
        String traceId = span.getSpanContext().getTraceId();
        String spanId = span.getSpanContext().getSpanId();
        try (ScrapeServer server = ScrapeServer.serving(app)) {
            String om = server.openMetrics();
            assertTrue(om.contains("shop_orders_total 1.0 # {span_id=\"" + spanId + "\",trace_id=\"" + traceId
                    + "\"} 1.0 "), om);
            List<JsonNode> samples = IndependentParser.samples(om);
            JsonNode counter = exemplarOf(samples, "shop_orders_total");
            assertEquals(traceId, counter.path("labels").path("trace_id").asText(), counter.toString());
            JsonNode bucket = exemplarOf(samples, "shop_checkout_duration_seconds_bucket", "le", "1.0");
            assertEquals(traceId, bucket.path("labels").path("trace_id").asText(), String.valueOf(bucket));
            assertEquals(0.3, bucket.path("value").asDouble(), 1e-9);
            assertFalse(server.text().contains("trace_id"), "the Prometheus text format has no exemplars");
        }
    }

    @Test
    void withoutExemplarsNoSpanIsSampled() {
        Counter orders = app.counter("orders_total").help("Orders.").register();
        Span span = tracer.spanBuilder("checkout").startSpan();
        try (Scope scope = span.makeCurrent()) {
            orders.inc();
        } finally {
            span.end();
        }
        try (ScrapeServer server = ScrapeServer.serving(app)) {
            assertEquals(null, exemplarOf(IndependentParser.samples(server.openMetrics()), "shop_orders_total"));
        }
    }

    @Test
    void explicitExemplarsNeedNoOpenTelemetry() {
        Counter orders = app.counter("orders_total").help("Orders.").labelNames("payment").register();
        Histogram checkout = app.histogram("checkout_duration_seconds").help("Checkout time.").buckets(0.1, 1)
                .register();
        orders.labels("card").incWithExemplar(2, "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
        checkout.observeWithExemplar(0.05, "trace_id", "00f067aa0ba902b7");
        try (ScrapeServer server = ScrapeServer.serving(app)) {
            List<JsonNode> samples = IndependentParser.samples(server.openMetrics());
            JsonNode counter = exemplarOf(samples, "shop_orders_total", "payment", "card");
            assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", counter.path("labels").path("trace_id").asText());
            assertEquals(2.0, counter.path("value").asDouble());
            JsonNode bucket = exemplarOf(samples, "shop_checkout_duration_seconds_bucket", "le", "0.1");
            assertEquals("00f067aa0ba902b7", bucket.path("labels").path("trace_id").asText());
        }
    }

    @Test
    void malformedExemplarLabelsAreRefusedQuotingThem() {
        Counter orders = app.counter("orders_total").help("Orders.").register();
        assertEquals("Exemplar of \"shop_orders_total\" has no labels: pass name/value pairs such as \"trace_id\","
                + " \"4bf92f3577b34da6a3ce929d0e0e4736\".", org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalArgumentException.class, () -> orders.incWithExemplar(1)).getMessage());
        String tooLong = "x".repeat(130);
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> orders.incWithExemplar(1, "trace_id", tooLong)).getMessage().startsWith(
                "Exemplar labels [trace_id, " + tooLong + "] of \"shop_orders_total\" are illegal (the combined"
                        + " length of the label names and values must not exceed 128 UTF-8 characters; these have"
                        + " 138)"));
        assertEquals(0.0, orders.get(), "a refused exemplar increments nothing");
    }

    @Test
    void onlyTheTypesOpenMetricsLetsCarryExemplarsOfferThem() {
        assertTrue(hasMethod(Counter.Builder.class, "withExemplars"));
        assertTrue(hasMethod(Histogram.Builder.class, "withExemplars"));
        assertFalse(hasMethod(Gauge.Builder.class, "withExemplars"), "OpenMetrics gauges carry no exemplars");
        assertFalse(hasMethod(Summary.Builder.class, "withExemplars"), "nor do summaries");
        assertFalse(hasMethod(Info.Builder.class, "withExemplars"), "nor info metrics");
        assertFalse(hasMethod(Gauge.Child.class, "incWithExemplar"));
    }

    private static boolean hasMethod(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name));
    }
}
