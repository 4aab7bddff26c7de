package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.ExemplarsTest;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.IndependentParser;
import dev.lucidmetrics.core.support.LogCapture;
import dev.lucidmetrics.core.support.ScrapeServer;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.core.support.TestTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP duration histograms carry exemplars: sampled from OpenTelemetry, or from the app's own trace ids. */
@CompatibilityKit
class HttpExemplarsTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private final SdkTracerProvider tracing = TestTracing.provider();
    private final Tracer tracer = tracing.get("http-exemplars-test");
    private final AppMetrics app = AppMetrics.builder("web").build();
    private final TestServer server;

    HttpExemplarsTest() throws IOException {
        server = new TestServer();
    }

    @AfterEach
    void close() {
        server.close();
        tracing.close();
    }

    /** The trace id part of a W3C traceparent header ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    static String traceIdOf(String traceparent) {
        String[] parts = traceparent == null ? new String[0] : traceparent.split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
    }

    private List<JsonNode> scrape() {
        try (ScrapeServer metrics = ScrapeServer.serving(app)) {
            return IndependentParser.samples(metrics.openMetrics());
        }
    }

    @Test
    void theServerHistogramTakesTheTraceIdTheAppGives() {
        HttpServerMetrics.builder(app).routes("/orders")
                .traceIdsFrom(exchange -> traceIdOf(exchange.getRequestHeaders().getFirst("traceparent")))
                .register().instrument(server.context("/", TestServer.status(200)));
        TestHttp.send(TestHttp.request(server.uri("/orders")).header("traceparent", TRACEPARENT).GET().build());
        TestServer.awaitValue(1.0, () -> dev.lucidmetrics.testing.MetricValues.of(app).sum(
                "web_request_duration_seconds_count"), "the request to be recorded");
        JsonNode exemplar = ExemplarsTest.exemplarOf(scrape(), "web_request_duration_seconds_bucket",
                "route", "/orders");
        assertEquals(TRACE_ID, exemplar.path("labels").path("trace_id").asText(), String.valueOf(exemplar));
    }

    @Test
    void aTraceIdTheHandlerKeepsAsAnAttributeIsThatRequestsAlone() {
        HttpServerMetrics.builder(app).routes("/orders", "/other")
                .traceIdsFrom(exchange -> (String) exchange.getAttribute("trace_id"))
                .register().instrument(server.context("/", exchange -> {
                    if (exchange.getRequestURI().getPath().equals("/orders")) {
                        exchange.setAttribute("trace_id", TRACE_ID);   // on the exchange this handler was given
                    }
                    TestServer.respond(exchange, 200, "ok");
                }));
        TestHttp.get(server.uri("/orders"));
        TestHttp.get(server.uri("/other"));   // the JDK would share the attribute with this later request
        TestServer.awaitValue(2.0, () -> dev.lucidmetrics.testing.MetricValues.of(app).sum(
                "web_request_duration_seconds_count"), "both requests to be recorded");
        List<JsonNode> samples = scrape();
        assertEquals(TRACE_ID, ExemplarsTest.exemplarOf(samples, "web_request_duration_seconds_bucket",
                "route", "/orders").path("labels").path("trace_id").asText());
        assertNull(ExemplarsTest.exemplarOf(samples, "web_request_duration_seconds_bucket", "route", "/other"));
    }

    @Test
    void theServerHistogramSamplesTheSpanAroundTheRequest() {
        AtomicReference<String> traceId = new AtomicReference<>();
        HttpContext context = HttpServerMetrics.builder(app).routes("/orders").withExemplars().register()
                .instrument(server.context("/", TestServer.status(200)));
        context.getFilters().add(0, new Filter() {   // tracing outside the metrics, as a tracing filter would be
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                Span span = tracer.spanBuilder("GET /orders").startSpan();
                traceId.set(span.getSpanContext().getTraceId());
                try (Scope scope = span.makeCurrent()) {
                    chain.doFilter(exchange);
                } finally {
                    span.end();
                }
            }

            @Override
            public String description() {
                return "a span per request";
            }
        });
        TestHttp.get(server.uri("/orders"));
        TestServer.awaitValue(1.0, () -> dev.lucidmetrics.testing.MetricValues.of(app).sum(
                "web_request_duration_seconds_count"), "the request to be recorded");
        JsonNode exemplar = ExemplarsTest.exemplarOf(scrape(), "web_request_duration_seconds_bucket",
                "route", "/orders");
        assertEquals(traceId.get(), exemplar.path("labels").path("trace_id").asText(), String.valueOf(exemplar));
    }

    @Test
    void theClientHistogramTakesTheTraceIdOfTheOutgoingRequest() throws Exception {
        server.context("/", TestServer.status(200));
        InstrumentedHttpClient client = HttpClientMetrics.builder(app).targets("iotd")
                .traceIdsFrom(request -> traceIdOf(request.headers().firstValue("traceparent").orElse(null)))
                .register().wrap(TestHttp.client());
        client.send("iotd", HttpRequest.newBuilder(server.uri("/image")).header("traceparent", TRACEPARENT).build(),
                BodyHandlers.ofString());
        JsonNode exemplar = ExemplarsTest.exemplarOf(scrape(), "web_client_request_duration_seconds_bucket",
                "target", "iotd");
        assertEquals(TRACE_ID, exemplar.path("labels").path("trace_id").asText(), String.valueOf(exemplar));
    }

    @Test
    void theClientHistogramSamplesTheCallersSpan() throws Exception {
        server.context("/", TestServer.status(200));
        InstrumentedHttpClient client = HttpClientMetrics.builder(app).targets("iotd").withExemplars().register()
                .wrap(TestHttp.client());
        Span span = tracer.spanBuilder("render").startSpan();
        try (Scope scope = span.makeCurrent()) {
            client.send("iotd", HttpRequest.newBuilder(server.uri("/image")).build(), BodyHandlers.ofString());
        } finally {
            span.end();
        }
        JsonNode exemplar = ExemplarsTest.exemplarOf(scrape(), "web_client_request_duration_seconds_bucket",
                "target", "iotd");
        assertEquals(span.getSpanContext().getTraceId(), exemplar.path("labels").path("trace_id").asText());
    }

    @Test
    void aTraceIdFunctionThatFailsCostsTheExemplarNotTheCount() {
        HttpServerMetrics.builder(app).routes("/orders").traceIdsFrom(exchange -> {
            throw new IllegalStateException("no trace context");
        }).register().instrument(server.context("/", TestServer.status(200)));
        try (LogCapture log = new LogCapture(TraceExemplars.class)) {
            TestHttp.get(server.uri("/orders"));
            TestHttp.get(server.uri("/orders"));
            TestServer.awaitValue(2.0, () -> dev.lucidmetrics.testing.MetricValues.of(app).sum(
                    "web_requests_total"), "both requests to be counted");
            assertEquals(1, log.warnings().size(), log.warnings().toString());
        }
        assertNull(ExemplarsTest.exemplarOf(scrape(), "web_request_duration_seconds_bucket"));
    }
}
