package dev.lucidmetrics.core.exposition;

import dev.lucidmetrics.core.spi.ExpositionFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.ScrapeServer;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The format follows the Accept header's quality values, with the exact headers real Prometheus servers send
 * (2.42 measured against a logging server; 3.5 from its scrape code, {@code scrape/scrape.go} acceptHeader with the
 * default scrape_protocols and allow-utf-8 escaping).
 */
@CompatibilityKit
class ContentNegotiationTest {

    static final String PROMETHEUS_2_42 = ScrapeServer.PROMETHEUS_2_42_ACCEPT;
    static final String PROMETHEUS_3_5 = "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,"
            + "application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,"
            + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2";
    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Test
    void prometheus242AndPrometheus35GetOpenMetricsOverHttp() {
        AppMetrics app = AppMetrics.builder("shop").build();
        app.counter("orders_total").help("Orders.").register().inc();
        try (ScrapeServer server = ScrapeServer.serving(app)) {
            for (String accept : new String[] {PROMETHEUS_2_42, PROMETHEUS_3_5}) {
                HttpResponse<String> r = server.get("/metrics", "Accept", accept);
                assertEquals(200, r.statusCode());
                assertEquals(OPENMETRICS, r.headers().firstValue("Content-Type").orElseThrow(), accept);
                assertTrue(r.body().endsWith("# EOF\n"), r.body());
            }
            HttpResponse<String> text = server.get("/metrics", "Accept",
                    "text/plain;version=0.0.4,application/openmetrics-text;version=1.0.0;q=0.5");
            assertEquals(TEXT, text.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(text.body().contains("shop_orders_total 1.0"), text.body());
        }
    }

    @Test
    void anAcceptHeaderThatTakesNeitherFormatIsA406() {
        try (ScrapeServer server = ScrapeServer.serving(AppMetrics.builder("shop").build())) {
            HttpResponse<String> r = server.get("/metrics", "Accept", "application/json");
            assertEquals(406, r.statusCode());
            assertEquals("Not acceptable: metrics are served as " + TEXT + " or " + OPENMETRICS + ".\n", r.body());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "text/plain;version=0.0.4                                   | text",
        "application/openmetrics-text                               | openmetrics",
        "application/openmetrics-text;version=1.0.0;q=0.4,text/plain;q=0.5 | text",
        "text/plain;q=0.5,application/openmetrics-text;q=0.5        | text",
        "*/*                                                        | text",
        "text/*;q=0.2,application/*;q=0.3                           | openmetrics",
        "application/openmetrics-text;q=0,*/*                       | text",
        "text/plain;q=0,*/*;q=0.1                                   | openmetrics",
        "application/openmetrics-text;version=0.0.1,text/plain;q=0.1 | text",
        "text/plain;version=1.0.0,application/openmetrics-text;q=0.2 | openmetrics",
        "text/html,application/xhtml+xml,*/*;q=0.8                  | text",
        "application/openmetrics-text;q=2,text/plain;q=0.1          | text",
        "garbage                                                    | text",
        "TEXT/PLAIN;VERSION=0.0.4                                   | text",
    })
    void qualityValuesDecide(String accept, String expected) {
        assertEquals(expected.equals("text") ? ExpositionFormat.TEXT : ExpositionFormat.OPENMETRICS,
                Negotiation.choose(accept));
    }

    @Test
    void theHeadersOfRealServersAndTheRefusals() {
        assertEquals(ExpositionFormat.OPENMETRICS, Negotiation.choose(PROMETHEUS_2_42));
        assertEquals(ExpositionFormat.OPENMETRICS, Negotiation.choose(PROMETHEUS_3_5));
        assertEquals(ExpositionFormat.TEXT, Negotiation.choose(null));
        assertEquals(ExpositionFormat.TEXT, Negotiation.choose(""));
        assertNull(Negotiation.choose("application/json"));
        assertNull(Negotiation.choose("text/plain;q=0,application/openmetrics-text;q=0"));
        assertNull(Negotiation.choose("application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily"));
    }

    /** With a backend that writes protobuf (client_java): the scraper must prefer it, by q or by order of q ties. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited | protobuf",
        "application/vnd.google.protobuf                                                         | protobuf",
        "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=text   | none",
        "application/vnd.google.protobuf;proto=other.Message;encoding=delimited,text/plain;q=0.1 | text",
        "application/vnd.google.protobuf;q=0.5,application/openmetrics-text;q=0.5              | openmetrics",
        "application/vnd.google.protobuf;q=0.5,text/plain;q=0.5                                | text",
        "*/*                                                                                   | text",
        "application/*                                                                         | openmetrics",
        "application/vnd.google.protobuf;q=0,*/*                                               | text",
    })
    void protobufIsChosenOnlyWhenPreferred(String accept, String expected) {
        ExpositionFormat chosen = Negotiation.choose(accept, EnumSet.allOf(ExpositionFormat.class));
        assertEquals(expected, chosen == null ? "none" : chosen.name().toLowerCase(Locale.ROOT));
    }

    @Test
    void prometheusWithNativeHistogramsGetsProtobufWhereItIsWrittenAndOpenMetricsElsewhere() {
        String accept = ScrapeServer.PROMETHEUS_2_42_NATIVE_ACCEPT;
        assertEquals(ExpositionFormat.PROTOBUF, Negotiation.choose(accept, EnumSet.allOf(ExpositionFormat.class)));
        assertEquals(ExpositionFormat.OPENMETRICS, Negotiation.choose(accept));
    }
}
