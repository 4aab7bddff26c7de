package dev.lucidmetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.http.HttpServerMetrics;
import dev.lucidmetrics.core.model.HistogramKind;
import dev.lucidmetrics.core.spi.ExpositionFormat;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.KitBackend;
import dev.lucidmetrics.core.support.ScrapeServer;
import dev.lucidmetrics.core.support.Scrapes;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Classic, native or both: the kind by setting, by the app and per histogram, one precedence; a backend without
 * native histograms refuses them at start-up naming the one to switch to; Prometheus asking for protobuf gets it from
 * a backend that writes it, and every other scraper the text formats as before.
 */
@CompatibilityKit
class HistogramKindTest {

    static final String PROMETHEUS_2_42_NATIVE = ScrapeServer.PROMETHEUS_2_42_NATIVE_ACCEPT;
    static final String PROTOBUF = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
            + " encoding=delimited";

    private static AppMetrics.Builder app(String kindSetting) {
        return AppMetrics.builder("shop").config(MetricsConfig.from(EnvConfig.of(
                Map.of("METRICS_HISTOGRAM_KIND", kindSetting))));
    }

    /** Whether {@code text} has the classic bucket {@code le} of {@code family} at {@code count} (either backend's way). */
    private static boolean hasBucket(String text, String family, String le, int count) {
        return Pattern.compile("(?m)^" + family + "_bucket\\{le=\"" + Pattern.quote(le) + "\",?\\} " + count
                + "(\\.0)?$").matcher(text).find();
    }

    private static Histogram render(AppMetrics app) {
        return app.histogram("render_duration_seconds").help("Time to render a page.").register();
    }

    @Test
    void classicIsTheDefaultAndKeepsEveryBucket() {
        AppMetrics app = AppMetrics.builder("shop").build();
        render(app).observe(0.2);
        String text = Scrapes.text(app);
        assertTrue(hasBucket(text, "shop_render_duration_seconds", "0.25", 1), text);
        assertTrue(hasBucket(text, "shop_render_duration_seconds", "0.005", 0), text);
    }

    @ParameterizedTest
    @EnumSource(value = HistogramKind.class, names = {"NATIVE", "BOTH"})
    void theSettingAsksForNativeAndABackendWithoutThemRefusesAtBuild(HistogramKind kind) {
        String refusal = KitBackend.refusal(kind);
        if (refusal == null) {
            render(app(kind.settingValue()).build()).observe(0.2);   // builds and counts
            return;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> app(kind.settingValue().toUpperCase()).build());
        assertEquals("METRICS_HISTOGRAM_KIND=\"" + kind.settingValue() + "\" asks for native histograms, but "
                + refusal, e.getMessage());
        assertTrue(refusal.contains("dev.lucidmetrics:metrics-client-java"), refusal);
    }

    @Test
    void theSimpleclientBackendNamesTheArtifactToSwitchTo() {
        if (!KitBackend.name().equals("simpleclient")) {
            assertNull(KitBackend.refusal(HistogramKind.NATIVE), "client_java counts native histograms");
            assertNull(KitBackend.refusal(HistogramKind.BOTH));
            return;
        }
        assertEquals("the simpleclient backend (dev.lucidmetrics:metrics-simpleclient) counts classic buckets only:"
                + " simpleclient 0.16 has no native histograms. Switch the dependency to"
                + " dev.lucidmetrics:metrics-client-java (the client_java 1.x backend; docs/backends.md), or keep"
                + " classic buckets.", KitBackend.refusal(HistogramKind.NATIVE));
    }

    @Test
    void theAppBuildersKindBeatsTheSettingAndAHistogramsOwnBeatsBoth() {
        AppMetrics app = app("native").histogramKind(HistogramKind.CLASSIC).build();   // builds on every backend
        render(app).observe(0.2);
        assertTrue(hasBucket(Scrapes.text(app), "shop_render_duration_seconds", "0.25", 1));

        Histogram.Builder own = app.histogram("upload_duration_seconds").help("Time to store an upload.")
                .kind(HistogramKind.BOTH);
        String refusal = KitBackend.refusal(HistogramKind.BOTH);
        if (refusal != null) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, own::register);
            assertEquals("Histogram \"shop_upload_duration_seconds\": kind(HistogramKind.BOTH) asks for a native"
                    + " histogram, but " + refusal, e.getMessage());
            return;
        }
        own.register().observe(0.2);
        String text = Scrapes.text(app);
        assertTrue(hasBucket(text, "shop_upload_duration_seconds", "0.25", 1), "both keeps classic: " + text);
        assertTrue(text.contains("shop_upload_duration_seconds_count 1"), text);   // 1 or 1.0
    }

    @Test
    void theHttpDurationHistogramOffersTheKinds() {
        AppMetrics app = AppMetrics.builder("shop").build();
        HttpServerMetrics.Builder http = HttpServerMetrics.builder(app).durationKind(HistogramKind.BOTH);
        String refusal = KitBackend.refusal(HistogramKind.BOTH);
        if (refusal != null) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, http::register);
            assertTrue(e.getMessage().startsWith("Histogram \"shop_request_duration_seconds\": kind("), e.getMessage());
            assertTrue(e.getMessage().endsWith(refusal), e.getMessage());
            return;
        }
        assertNotNull(http.register());
        assertTrue(Scrapes.text(app).contains("# TYPE shop_request_duration_seconds histogram"));
    }

    @Test
    void prometheusAskingForProtobufGetsItOnlyWhereTheBackendWritesIt() {
        AppMetrics app = AppMetrics.builder("shop").build();
        render(app).observe(0.2);
        boolean writes = KitBackend.formats().contains(ExpositionFormat.PROTOBUF);
        try (ScrapeServer server = ScrapeServer.serving(app)) {
            HttpResponse<String> r = server.get("/metrics", "Accept", PROMETHEUS_2_42_NATIVE);
            assertEquals(200, r.statusCode());
            assertEquals(writes ? PROTOBUF : ExpositionFormat.OPENMETRICS.contentType(),
                    r.headers().firstValue("Content-Type").orElseThrow());
            String text = server.text();   // any other scraper: the text format, as before
            assertTrue(hasBucket(text, "shop_render_duration_seconds", "0.25", 1), text);
            HttpResponse<String> protobufOnly = server.get("/metrics", "Accept", PROTOBUF);
            assertEquals(writes ? 200 : 406, protobufOnly.statusCode());
            assertFalse(protobufOnly.body().contains("Exception"), protobufOnly.body());
        }
    }
}
