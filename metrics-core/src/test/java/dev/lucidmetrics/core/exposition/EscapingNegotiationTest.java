package dev.lucidmetrics.core.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.ScrapeServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Prometheus 3's {@code escaping} parameter is honoured and echoed in the response's Content-Type, with the exact
 * default {@code Accept} headers three Prometheus releases send (each from the prometheus/prometheus source at
 * its release tag: the header for the default {@code scrape_protocols}, no native histograms, default name
 * validation).
 */
@CompatibilityKit
class EscapingNegotiationTest {

    /** Prometheus 2.42.0, {@code scrape/scrape.go}: {@code scrapeAcceptHeader}. */
    static final String PROMETHEUS_2_42 = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    /**
     * Prometheus 3.0.0, {@code scrape/scrape.go} {@code acceptHeader(DefaultScrapeProtocols, UTF8Validation)} with
     * {@code config/config.go}'s {@code ScrapeProtocolsHeaders}: every range gets {@code escaping=allow-utf-8}, the
     * text 1.0.0 range twice (its header already carries one).
     */
    static final String PROMETHEUS_3_0 = "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,"
            + "application/openmetrics-text;version=0.0.1;escaping=allow-utf-8;q=0.5,"
            + "text/plain;version=1.0.0;escaping=allow-utf-8;escaping=allow-utf-8;q=0.4,"
            + "text/plain;version=0.0.4;escaping=allow-utf-8;q=0.3,*/*;q=0.2";
    /**
     * Prometheus 3.14.0 (the newest 3.x), {@code scrape/scrape.go} {@code acceptHeader}: {@code escaping} only on
     * the 1.0.0 text formats, {@code allow-utf-8} from {@code config.ToEscapingScheme("", UTF8Validation)}.
     */
    static final String PROMETHEUS_3_14 = "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,"
            + "application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,"
            + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2";
    /** Prometheus 3.14.0 with {@code metric_name_validation_scheme: legacy}: the same, asking for underscores. */
    static final String PROMETHEUS_3_14_LEGACY = PROMETHEUS_3_14.replace("allow-utf-8", "underscores");

    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * Serves a counter, a gauge and a histogram. Returns the server, not the app: a kit test method whose signature
     * names {@code AppMetrics} makes JUnit's discovery load it from metrics-core's jar before
     * {@code AppMetricsConfigTest} runs, which then reads metrics-core's Implementation-Version for its package.
     */
    private static ScrapeServer serveShop() {
        AppMetrics app = AppMetrics.builder("shop").build();
        app.counter("orders_total").help("Orders.").labelNames("payment_method").register()
                .labels("card").inc(3);
        app.gauge("queue_depth").help("Queue depth.").register().set(7);
        app.histogram("checkout_seconds").help("Checkout time.").buckets(0.1, 1).register().observe(0.4);
        return ScrapeServer.serving(app);
    }

    @Test
    void eachPrometheusGetsOpenMetricsAndTheEscapingItAskedFor() {
        try (ScrapeServer server = serveShop()) {
            assertEquals(OPENMETRICS, contentType(server, PROMETHEUS_2_42));
            assertEquals(OPENMETRICS + "; escaping=allow-utf-8", contentType(server, PROMETHEUS_3_0));
            assertEquals(OPENMETRICS + "; escaping=allow-utf-8", contentType(server, PROMETHEUS_3_14));
            assertEquals(OPENMETRICS + "; escaping=underscores", contentType(server, PROMETHEUS_3_14_LEGACY));
        }
    }

    @Test
    void theEscapingChangesNoByteOfTheExposition() {
        try (ScrapeServer server = serveShop()) {
            String asked242 = server.get("/metrics", "Accept", PROMETHEUS_2_42).body();
            for (String accept : new String[] {PROMETHEUS_3_0, PROMETHEUS_3_14, PROMETHEUS_3_14_LEGACY,
                    "application/openmetrics-text;version=1.0.0;escaping=values",
                    "application/openmetrics-text;version=1.0.0;escaping=dots"}) {
                assertEquals(asked242, server.get("/metrics", "Accept", accept).body(), accept);
            }
            String text = server.get("/metrics").body();
            assertEquals(text, server.get("/metrics", "Accept", "text/plain;version=0.0.4;escaping=dots").body());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "text/plain;version=0.0.4;escaping=allow-utf-8               | allow-utf-8",
        "text/plain;version=0.0.4;escaping=underscores               | underscores",
        "text/plain;version=0.0.4;escaping=values                    | values",
        "text/plain;version=0.0.4;escaping=dots                      | underscores",
        "text/plain;version=0.0.4;escaping=unicode-please            | underscores",
        "text/plain;version=0.0.4;escaping=                          | underscores",
        "text/plain; version=0.0.4; Escaping=\"ALLOW-UTF-8\"         | allow-utf-8",
        "text/plain;escaping=values,application/openmetrics-text;escaping=allow-utf-8 | values",
        "garbage;escaping=values,text/plain                          | ",
        "text/plain;version=0.0.4                                    | ",
    })
    void theDeclaredEscaping(String accept, String declared) {
        assertEquals(declared, Escaping.declared(accept));
    }

    @Test
    void anUnknownEscapingIsAnsweredAsUnderscoresNotRefused() {
        try (ScrapeServer server = serveShop()) {
            HttpResponse<String> r = server.get("/metrics", "Accept",
                    "application/openmetrics-text;version=1.0.0;escaping=utf-16-please;q=0.6,*/*;q=0.2");
            assertEquals(200, r.statusCode());
            assertEquals(OPENMETRICS + "; escaping=underscores", r.headers().firstValue("Content-Type").orElseThrow());
        }
    }

    @Test
    void anAcceptThatTakesNoFormatIsStillA406AndNoneAskedKeepsTheOldContentType() {
        try (ScrapeServer server = serveShop()) {
            HttpResponse<String> refused = server.get("/metrics", "Accept", "application/json;escaping=allow-utf-8");
            assertEquals(406, refused.statusCode());
            assertEquals("Not acceptable: metrics are served as " + TEXT + " or " + OPENMETRICS + ".\n",
                    refused.body());
            assertEquals(TEXT, server.get("/metrics").headers().firstValue("Content-Type").orElseThrow());
            assertEquals(TEXT, contentType(server, "garbage;escaping=values"));
            HttpResponse<String> badQuery = server.get("/metrics?" + "a=1&".repeat(ScrapeRequest.MAX_PARAMETERS + 1),
                    "Accept", PROMETHEUS_3_14);
            assertEquals(400, badQuery.statusCode());
        }
        assertNull(Escaping.declared(null));
    }

    private static String contentType(ScrapeServer server, String accept) {
        HttpResponse<String> r = server.get("/metrics", "Accept", accept);
        assertEquals(200, r.statusCode(), accept);
        return r.headers().firstValue("Content-Type").orElseThrow();
    }
}
