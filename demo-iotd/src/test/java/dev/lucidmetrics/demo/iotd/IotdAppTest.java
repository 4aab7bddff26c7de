package dev.lucidmetrics.demo.iotd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.TestClock;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.demo.support.Responses;
import dev.lucidmetrics.testing.MetricValues;
import dev.lucidmetrics.testing.Promtool;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IotdAppTest {

    /** Request metrics are recorded when the response completes, which may be just after the client has it. */
    static final Duration WAIT = Duration.ofSeconds(5);

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    private IotdApp app;

    private IotdApp start(String... settings) {
        Map<String, String> env = new HashMap<>(Map.of("PORT", "0"));
        for (int i = 0; i < settings.length; i += 2) {
            env.put(settings[i], settings[i + 1]);
        }
        app = IotdApp.start(EnvConfig.of(env), clock, Executors.newFixedThreadPool(4));
        return app;
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private JsonNode image() throws Exception {
        HttpResponse<String> r = TestHttp.get(app.server().uri("/image"));
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        return Responses.JSON.readTree(r.body());
    }

    @Test
    void imageNamesACataloguePictureThatTheAppServesItself() throws Exception {
        start();
        JsonNode image = image();
        assertEquals("Lucid Metrics demo, CC0", image.get("copyright").asText());
        assertFalse(image.get("caption").asText().isBlank());
        String url = image.get("url").asText();
        assertTrue(url.startsWith("http://localhost:" + app.server().port() + "/images/"), url);
        HttpResponse<String> svg = TestHttp.get(URI.create(url));
        assertEquals(200, svg.statusCode());
        assertEquals("image/svg+xml", svg.headers().firstValue("Content-Type").orElse(""));
        assertTrue(svg.body().startsWith("<svg"), svg.body());
    }

    @Test
    void loadsAreCountedAsSuccessThenCachedUntilTheTtlPasses() throws Exception {
        start("CACHE_TTL", "2h");
        MetricValues values = MetricValues.of(app.metrics());
        for (String status : new String[] {"success", "cached", "fallback"}) {
            assertEquals(0.0, values.get("iotd_api_image_load_total", "status", status), status);
        }
        image();
        image();
        image();
        clock.advance(Duration.ofHours(2));
        image();
        assertEquals(2.0, values.get("iotd_api_image_load_total", "status", "success"));
        assertEquals(2.0, values.get("iotd_api_image_load_total", "status", "cached"));
        assertEquals(0.0, values.get("iotd_api_image_load_total", "status", "fallback"));
        assertEquals(2.0, values.get("iotd_api_image_load_duration_seconds_count"));
        values.awaitValue(WAIT, 4.0, "iotd_api_requests_total", "method", "GET", "route", "/image", "code", "200");
    }

    @Test
    void thePictureRotatesEveryPeriod() throws Exception {
        start("ROTATION_PERIOD", "1h", "CACHE_TTL", "1m");
        String first = image().get("url").asText();
        clock.advance(Duration.ofHours(1));
        assertNotEquals(first, image().get("url").asText());
    }

    @Test
    void imageUrlsUseThePublicBaseUrlTheBrowserReaches() throws Exception {
        start("IMAGE_PUBLIC_BASE_URL", "http://demo.example:18011/");
        assertTrue(image().get("url").asText().startsWith("http://demo.example:18011/images/"));
    }

    @Test
    void unknownPathsAnswer404UnderTheNotFoundRouteNeverTheRawPath() {
        start();
        HttpResponse<String> r = TestHttp.get(app.server().uri("/secret/12345"));
        assertEquals(404, r.statusCode());
        assertEquals("{\"error\":\"Not found.\"}", r.body());
        assertEquals(404, TestHttp.get(app.server().uri("/images/no-such-image")).statusCode());
        MetricValues values = MetricValues.of(app.metrics());
        values.awaitValue(WAIT, 1.0, "iotd_api_requests_total", "method", "GET", "route", "NOT_FOUND", "code", "404");
        values.awaitValue(WAIT, 1.0, "iotd_api_requests_total", "method", "GET", "route", "/images/{id}",
                "code", "404");
        assertFalse(values.labelValues("iotd_api_requests_total", "route").stream().anyMatch(v -> v.contains("secret")));
    }

    @Test
    void otherMethodsAnswer405WithAllow() {
        start();
        HttpResponse<String> r = TestHttp.post(app.server().uri("/image"), "application/json", "{}");
        assertEquals(405, r.statusCode());
        assertEquals("GET", r.headers().firstValue("Allow").orElse(""));
        MetricValues.of(app.metrics()).awaitValue(WAIT, 1.0, "iotd_api_requests_total", "method", "POST",
                "route", "/image", "code", "405");
    }

    @Test
    void anUnknownMethodIsCountedAsOtherAndAnsweredWithA4xxNeverA5xx() {
        start();
        String known = TestHttp.raw(app.server().uri("/"), "BREW", "/image");
        assertTrue(known.startsWith("HTTP/1.1 405 "), known);
        assertTrue(known.contains("\r\nAllow: GET\r\n"), known);
        String unknown = TestHttp.raw(app.server().uri("/"), "BREW", "/teapot");
        assertTrue(unknown.startsWith("HTTP/1.1 404 "), unknown);
        MetricValues values = MetricValues.of(app.metrics());
        values.awaitValue(WAIT, 1.0, "iotd_api_requests_total", "method", "OTHER", "route", "/image", "code", "405");
        values.awaitValue(WAIT, 1.0, "iotd_api_requests_total", "method", "OTHER", "route", "NOT_FOUND",
                "code", "404");
        assertEquals(List.of("OTHER"), values.labelValues("iotd_api_requests_total", "method").stream()
                .filter(m -> !m.equals("OVERFLOW")).toList());
        assertEquals(0.0, values.sum("iotd_api_request_exceptions_total"));
        assertFalse(values.labelValues("iotd_api_requests_total", "code").stream().anyMatch(c -> c.startsWith("5")));
    }

    @Test
    void exposesLintCleanMetricsAtTheActuatorPath() throws Exception {
        start("APP_VERSION", "9.9.9");
        image();
        TestHttp.get(app.server().healthUrl());
        HttpResponse<String> r = TestHttp.get(app.server().uri("/actuator/prometheus"));
        assertEquals(200, r.statusCode());
        String text = r.body();
        assertTrue(text.contains("iotd_api_image_load_total{status=\"cached\",} 0.0"), text);
        assertTrue(text.contains("iotd_api_image_load_total{status=\"success\",} 1.0"), text);
        assertTrue(text.contains("iotd_api_build_info{version=\"9.9.9\""), text);
        assertTrue(text.contains("jvm_threads_current "), text);
        assertTrue(text.contains("iotd_api_in_flight_requests "), text);
        assertFalse(text.contains("route=\"/health\""), "health checks are not counted");
        assertFalse(text.contains("route=\"/actuator/prometheus\""), "scrapes are not counted");
        Promtool.assertClean(text);
    }

    @Test
    void invalidSettingsFailAtStartupNamingTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> start("CACHE_TTL", "soon"));
        assertTrue(e.getMessage().startsWith("CACHE_TTL=\"soon\" is not valid"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> start("IMAGE_PUBLIC_BASE_URL", "localhost:8011"));
        assertTrue(e.getMessage().contains("IMAGE_PUBLIC_BASE_URL"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> start("PORT", "80800"));
        assertTrue(e.getMessage().contains("PORT=\"80800\""), e.getMessage());
    }
}
