package dev.lucidmetrics.demo.iotd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.TestClock;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.demo.support.Responses;
import dev.lucidmetrics.demo.support.StopInFlight;
import dev.lucidmetrics.testing.MetricValues;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** iotd with APOD_API_KEY set, against a stub APOD on loopback. */
class ApodFallbackTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch apodCalled = new CountDownLatch(1);
    private volatile int apodStatus = 200;
    private volatile String apodBody = "{\"media_type\":\"image\",\"url\":\"https://apod.example/m31.jpg\","
            + "\"title\":\"Andromeda\",\"copyright\":\" Jane Doe \"}";
    private volatile boolean hold;
    private HttpServer apod;
    private IotdApp app;

    private IotdApp start(String timeout) throws IOException {
        apod = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        apod.setExecutor(Executors.newCachedThreadPool());
        apod.createContext("/apod", this::answer);
        apod.start();
        app = IotdApp.start(EnvConfig.of(Map.of("PORT", "0", "APOD_API_KEY", "k&y", "APOD_TIMEOUT", timeout,
                "APOD_API_URL", "http://localhost:" + apod.getAddress().getPort() + "/apod")),
                new TestClock(Instant.parse("2026-03-01T10:00:00Z")), Executors.newFixedThreadPool(4));
        return app;
    }

    private void answer(HttpExchange ex) throws IOException {
        apodCalled.countDown();
        assertEquals("api_key=k%26y", ex.getRequestURI().getRawQuery());
        if (hold) {
            try {
                release.await(30, TimeUnit.SECONDS);   // a hang guard: the test or its end releases it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Responses.text(ex, apodStatus, "application/json", apodBody);
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (app != null) {
            app.stop();
        }
        apod.stop(0);
    }

    private JsonNode image() throws IOException {
        HttpResponse<String> r = TestHttp.get(app.server().uri("/image"));
        assertEquals(200, r.statusCode(), r.body());
        return Responses.JSON.readTree(r.body());
    }

    @Test
    void apodPictureIsServedAndCountedAsSuccess() throws IOException {
        start("2s");
        JsonNode image = image();
        assertEquals("https://apod.example/m31.jpg", image.get("url").asText());
        assertEquals("Andromeda", image.get("caption").asText());
        assertEquals("Jane Doe", image.get("copyright").asText());
        image();
        MetricValues values = MetricValues.of(app.metrics());
        assertEquals(1.0, values.get("iotd_api_image_load_total", "status", "success"));
        assertEquals(1.0, values.get("iotd_api_image_load_total", "status", "cached"));
        assertEquals(1.0, values.get("iotd_api_client_requests_total", "target", "apod", "method", "GET",
                "code", "200"));
    }

    @Test
    void rateLimitFallsBackToTheCatalogueNotA500() throws IOException {
        start("2s");
        apodStatus = 429;
        assertTrue(image().get("url").asText().contains("/images/"));
        assertEquals(1.0, MetricValues.of(app.metrics()).get("iotd_api_image_load_total", "status", "fallback"));
    }

    @Test
    void videosAndUnexpectedJsonFallBackToTheCatalogue() throws IOException {
        start("2s");
        apodBody = "{\"media_type\":\"video\",\"url\":\"https://youtube.example/x\"}";
        assertTrue(image().get("url").asText().contains("/images/"));
        assertEquals(1.0, MetricValues.of(app.metrics()).get("iotd_api_image_load_total", "status", "fallback"));
        assertTrue(ApodSource.parse(Responses.JSON.readTree("[1,2]")).isEmpty());
    }

    @Test
    void aSlowApodFallsBackWithinTheTimeout() throws IOException {
        start("300ms");
        hold = true;   // APOD answers only once released, which this test never does: the picture is the fallback
        assertTrue(image().get("url").asText().contains("/images/"));
        assertEquals(1, release.getCount(), "the stub still holds APOD's answer");
        assertEquals(1.0, MetricValues.of(app.metrics()).get("iotd_api_client_requests_total", "target", "apod",
                "method", "GET", "code", "timeout"));
    }

    @Test
    void stopLetsARequestWaitingOnApodFinish() throws Exception {
        start("10s");
        hold = true;
        CompletableFuture<HttpResponse<String>> inFlight = TestHttp.getAsync(app.server().uri("/image"));
        assertTrue(apodCalled.await(5, TimeUnit.SECONDS));
        StopInFlight stopping = StopInFlight.begin("iotd", app.server().port(), app::stop);
        release.countDown();
        assertEquals(200, inFlight.get(5, TimeUnit.SECONDS).statusCode());
        stopping.awaitStopped();
    }
}
