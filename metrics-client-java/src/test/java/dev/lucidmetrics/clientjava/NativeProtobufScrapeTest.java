package dev.lucidmetrics.clientjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Histogram;
import dev.lucidmetrics.core.model.HistogramKind;
import dev.lucidmetrics.core.model.SampleSnapshot;
import dev.lucidmetrics.core.support.ScrapeServer;
import dev.lucidmetrics.core.support.Scrapes;
import dev.lucidmetrics.core.support.TestHttp;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_33_0.Metrics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A protobuf scrape over HTTP, decoded with the message classes generated from Prometheus' metrics.proto that
 * client_java ships (shaded) in prometheus-metrics-exposition-formats — the jar carries no .proto file to compile
 * with protobuf-java. The writer is client_java's too, so the expected schema, buckets, count and sum are worked
 * out here from the native histogram definition, not read back from the writer; RealPrometheusNativeTest has
 * Prometheus itself parse the same bytes.
 */
class NativeProtobufScrapeTest {

    private static final String PROTOBUF_ACCEPT = ScrapeServer.PROMETHEUS_2_42_NATIVE_ACCEPT;

    private static List<Metrics.MetricFamily> protobufScrape(ScrapeServer server) throws IOException {
        HttpResponse<byte[]> r = TestHttp.send(TestHttp.request(server.port(), "/metrics")
                .header("Accept", PROTOBUF_ACCEPT).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited",
                r.headers().firstValue("Content-Type").orElseThrow());
        List<Metrics.MetricFamily> families = new ArrayList<>();
        InputStream in = new ByteArrayInputStream(r.body());
        for (Metrics.MetricFamily f = Metrics.MetricFamily.parseDelimitedFrom(in); f != null;
                f = Metrics.MetricFamily.parseDelimitedFrom(in)) {
            families.add(f);
        }
        return families;
    }

    private static Metrics.Histogram histogram(List<Metrics.MetricFamily> families, String name) {
        Metrics.MetricFamily family = families.stream().filter(f -> f.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + families.stream()
                        .map(Metrics.MetricFamily::getName).toList()));
        assertEquals(Metrics.MetricType.HISTOGRAM, family.getType());
        assertEquals(1, family.getMetricCount());
        return family.getMetric(0).getHistogram();
    }

    /** The positive buckets as index → count, from the spans (offsets) and the deltas between counts. */
    private static Map<Integer, Long> positiveBuckets(Metrics.Histogram h) {
        Map<Integer, Long> buckets = new TreeMap<>();
        int index = 0;
        int delta = 0;
        long count = 0;
        for (Metrics.BucketSpan span : h.getPositiveSpanList()) {
            index += span.getOffset();
            for (int i = 0; i < span.getLength(); i++) {
                count += h.getPositiveDelta(delta++);
                if (count != 0) {
                    buckets.put(index, count);
                }
                index++;
            }
        }
        assertEquals(h.getPositiveDeltaCount(), delta, "one delta per bucket the spans cover");
        return buckets;
    }

    @Test
    void aNativeHistogramIsServedInProtobufWithItsSchemaBucketsCountAndSum() throws IOException {
        AppMetrics app = AppMetrics.builder("shop").histogramKind(HistogramKind.NATIVE).build();
        Histogram h = app.histogram("render_duration_seconds").help("Time to render a page.").register();
        for (double v : new double[] {0, 1, 2, 4, 4}) {
            h.observe(v);
        }
        try (ScrapeServer server = ScrapeServer.serving(app)) {
            Metrics.Histogram native_ = histogram(protobufScrape(server), "shop_render_duration_seconds");
            // schema 5: bucket i is (2^((i-1)/32), 2^(i/32)], so 1, 2 and 4 are the upper bounds of 0, 32 and 64
            assertEquals(5, native_.getSchema());
            assertEquals(Map.of(0, 1L, 32, 1L, 64, 2L), positiveBuckets(native_));
            assertEquals(1, native_.getZeroCount(), "0 falls in the zero bucket");
            assertEquals(0, native_.getNegativeSpanCount());
            assertEquals(5, native_.getSampleCount());
            assertEquals(11.0, native_.getSampleSum());
            assertEquals(0, native_.getBucketCount(), "native only: no classic buckets");
            String text = server.text();   // the text formats carry no native buckets: +Inf, count and sum only
            assertTrue(text.contains("shop_render_duration_seconds_bucket{le=\"+Inf\"} 5\n"), text);
            assertTrue(text.contains("shop_render_duration_seconds_count 5\n"), text);
            assertTrue(text.contains("shop_render_duration_seconds_sum 11.0\n"), text);
            assertEquals(1, text.split("_bucket\\{", -1).length - 1, text);
            assertEquals(List.of(5.0), app.snapshot().samples("shop_render_duration_seconds_bucket").stream()
                    .map(SampleSnapshot::value).toList(), "the read model has the +Inf bucket the text shows");
            assertEquals(List.of(5.0), app.snapshot().samples("shop_render_duration_seconds_count").stream()
                    .map(SampleSnapshot::value).toList());
        }
    }

    @Test
    void bothKindsCarryNativeBucketsInProtobufAndClassicOnesInEveryFormat() throws IOException {
        AppMetrics app = AppMetrics.builder("shop").build();
        Histogram h = app.histogram("render_duration_seconds").help("Time to render a page.")
                .kind(HistogramKind.BOTH).buckets(0.5, 1, 5).register();
        h.observe(0.75);
        h.observe(3);
        try (ScrapeServer server = ScrapeServer.serving(app)) {
            Metrics.Histogram both = histogram(protobufScrape(server), "shop_render_duration_seconds");
            assertEquals(5, both.getSchema());
            assertEquals(2, positiveBuckets(both).size());
            assertEquals(List.of(0.5, 1.0, 5.0, Double.POSITIVE_INFINITY), both.getBucketList().stream()
                    .map(Metrics.Bucket::getUpperBound).toList());
            assertEquals(List.of(0L, 1L, 2L, 2L), both.getBucketList().stream()
                    .map(Metrics.Bucket::getCumulativeCount).toList(), "the classic buckets, cumulative");
            assertEquals(3.75, both.getSampleSum());
            String text = server.text();
            assertTrue(text.contains("shop_render_duration_seconds_bucket{le=\"1.0\"} 1\n"), text);
            assertTrue(text.contains("shop_render_duration_seconds_bucket{le=\"+Inf\"} 2\n"), text);
            String openMetrics = server.openMetrics();
            assertTrue(openMetrics.contains("shop_render_duration_seconds_bucket{le=\"5.0\"} 2\n"), openMetrics);
        }
    }

    @Test
    void aClassicHistogramInProtobufHasNoNativeBuckets() throws IOException {
        AppMetrics app = AppMetrics.builder("shop").build();
        app.histogram("render_duration_seconds").help("Time to render a page.").register().observe(0.2);
        try (ScrapeServer server = ScrapeServer.serving(app)) {
            Metrics.Histogram classic = histogram(protobufScrape(server), "shop_render_duration_seconds");
            assertEquals(0, classic.getPositiveSpanCount());
            assertEquals(15, classic.getBucketCount(), "the 14 default buckets and +Inf");
            assertTrue(Scrapes.text(app).contains("shop_render_duration_seconds_count 1"));
        }
    }
}
