package dev.lucidmetrics.demo.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.testing.MetricValues;
import dev.lucidmetrics.testing.Promtool;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GalleryAppTest {

    /** Request metrics are recorded when the response completes, which may be just after the client has it. */
    static final Duration WAIT = Duration.ofSeconds(5);

    static final String IMAGE = "{\"url\":\"http://localhost:8011/images/ocean\",\"caption\":\"Waves <b>&</b> sun\","
            + "\"copyright\":\"Lucid Metrics demo, CC0\"}";

    private final Stub iotd = new Stub("/image", 200, IMAGE);
    private final Stub accessLog = new Stub("/access-log", 201, "{}");
    private GalleryApp app;

    GalleryApp start(DoubleSupplier random, String... settings) {
        Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "FAILURE_RATE", "0",
                "IMAGE_API_URL", iotd.url("/image"), "ACCESS_API_URL", accessLog.url("/access-log")));
        for (int i = 0; i < settings.length; i += 2) {
            env.put(settings[i], settings[i + 1]);
        }
        app = GalleryApp.start(EnvConfig.of(env), random, Executors.newFixedThreadPool(4));
        return app;
    }

    GalleryApp start(String... settings) {
        return start(() -> 0.5, settings);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        iotd.close();
        accessLog.close();
    }

    HttpResponse<String> page() {
        return TestHttp.get(app.server().uri("/"));
    }

    MetricValues values() {
        return MetricValues.of(app.metrics());
    }

    @Test
    void thePageShowsTheImageOfTheDayAndRecordsTheVisit() {
        start();
        HttpResponse<String> r = page();
        assertEquals(200, r.statusCode());
        assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().contains("<img src=\"http://localhost:8011/images/ocean\""), r.body());
        assertTrue(r.body().contains("<h2>Waves &lt;b&gt;&amp;&lt;/b&gt; sun</h2>"), r.body());
        assertTrue(r.body().contains("&copy; Lucid Metrics demo, CC0"), r.body());
        assertFalse(r.body().contains("class=\"note\""), r.body());
        assertTrue(app.awaitVisits(WAIT), "the visit is answered");
        assertEquals(List.of("{\"clientIp\":\"127.0.0.1\"}"), accessLog.bodies);

        values().awaitValue(WAIT, 1.0, "image_gallery_requests_total", "method", "GET", "route", "/", "code", "200");
        values().awaitValue(WAIT, 0.0, "image_gallery_in_flight_requests");
        assertEquals(1.0, values().get("image_gallery_client_requests_total", "target", "iotd", "method", "GET",
                "code", "200"));
        assertEquals(1.0, values().get("image_gallery_client_requests_total", "target", "access-log",
                "method", "POST", "code", "201"));
    }

    @Test
    void visitsGoToEachAccessLogReplicaInTurn() {
        try (Stub second = new Stub("/access-log", 201, "{}")) {
            start("ACCESS_API_URL", accessLog.url("/access-log") + "," + second.url("/access-log"));
            for (int k = 0; k < 4; k++) {
                assertEquals(200, page().statusCode());
            }
            assertTrue(app.awaitVisits(WAIT), "the visits are answered");
            assertEquals(2, accessLog.bodies.size(), "first replica");
            assertEquals(2, second.bodies.size(), "second replica");
            assertEquals(4.0, values().get("image_gallery_client_requests_total", "target", "access-log",
                    "method", "POST", "code", "201"), "one target label for every replica");
        }
    }

    @Test
    void injectedFailuresAnswer500FailedAtTheConfiguredRate() {
        double[] draws = {0.05, 0.5, 0.09, 0.95};
        AtomicInteger i = new AtomicInteger();
        start(() -> draws[i.getAndIncrement() % draws.length], "FAILURE_RATE", "0.1");
        int[] codes = new int[4];
        for (int k = 0; k < 4; k++) {
            HttpResponse<String> r = page();
            codes[k] = r.statusCode();
            if (r.statusCode() == 500) {
                assertEquals("Failed", r.body());
            }
        }
        assertEquals("[500, 200, 500, 200]", java.util.Arrays.toString(codes));
        values().awaitValue(WAIT, 2.0, "image_gallery_requests_total", "method", "GET", "route", "/", "code", "500");
        values().awaitValue(WAIT, 2.0, "image_gallery_requests_total", "method", "GET", "route", "/", "code", "200");
        assertTrue(app.awaitVisits(WAIT), "the visits are answered");
        assertEquals(2, accessLog.bodies.size(), "failed pages call no one");
    }

    @Test
    void failureRateZeroNeverFails() {
        start(() -> 0.0, "FAILURE_RATE", "0");
        for (int k = 0; k < 5; k++) {
            assertEquals(200, page().statusCode());
        }
    }

    @Test
    void theFaviconIsAnsweredCheaplyAndNotCounted() {
        start();
        assertEquals(204, TestHttp.get(app.server().uri("/favicon.ico")).statusCode());
        assertTrue(iotd.bodies.isEmpty());
        page();   // a counted request after it: by the time that one is in, a counted favicon would be too
        values().awaitValue(WAIT, 1.0, "image_gallery_requests_total", "method", "GET", "route", "/", "code", "200");
        assertEquals(1.0, values().sum("image_gallery_requests_total"));
    }

    @Test
    void unknownPathsAndMethodsAre404And405UnderSentinels() {
        start();
        assertEquals(404, TestHttp.get(app.server().uri("/wp-admin.php")).statusCode());
        HttpResponse<String> r = TestHttp.post(app.server().uri("/"), "text/plain", "x");
        assertEquals(405, r.statusCode());
        assertEquals("GET", r.headers().firstValue("Allow").orElse(""));
        values().awaitValue(WAIT, 1.0, "image_gallery_requests_total", "method", "GET", "route", "NOT_FOUND",
                "code", "404");
        values().awaitValue(WAIT, 1.0, "image_gallery_requests_total", "method", "POST", "route", "/",
                "code", "405");
        assertFalse(values().labelValues("image_gallery_requests_total", "route").contains("/wp-admin.php"));
    }

    @Test
    void exposesLintCleanMetricsWithTheSeedNames() throws Exception {
        start("APP_VERSION", "1.2.3");
        page();
        values().awaitValue(WAIT, 1.0, "image_gallery_requests_total", "method", "GET", "route", "/", "code", "200");
        String text = TestHttp.get(app.server().uri("/metrics")).body();
        assertTrue(text.contains("image_gallery_requests_total{method=\"GET\",route=\"/\",code=\"200\",} 1.0"), text);
        assertTrue(text.contains("# TYPE image_gallery_in_flight_requests gauge"), text);
        assertTrue(text.contains("image_gallery_build_info{version=\"1.2.3\""), text);
        assertTrue(text.contains("image_gallery_client_request_duration_seconds_count{target=\"iotd\""), text);
        assertTrue(text.contains("jvm_threads_current "), text);
        Promtool.assertClean(text);
    }

    @Test
    void invalidSettingsFailAtStartupNamingTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> start("FAILURE_RATE", "often"));
        assertTrue(e.getMessage().startsWith("FAILURE_RATE=\"often\" is not valid: expected a ratio"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> start("IMAGE_API_URL", "iotd/image"));
        assertTrue(e.getMessage().startsWith("IMAGE_API_URL=\"iotd/image\" is not valid"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> start("ACCESS_API_TIMEOUT", "-1s"));
        assertTrue(e.getMessage().startsWith("ACCESS_API_TIMEOUT=\"-1s\" is not valid"), e.getMessage());
    }
}
