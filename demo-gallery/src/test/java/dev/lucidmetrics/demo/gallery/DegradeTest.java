package dev.lucidmetrics.demo.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.demo.support.StopInFlight;
import dev.lucidmetrics.testing.MetricValues;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gallery when its peers are down or slow: the page still renders, quickly, and says why. */
class DegradeTest {

    private final Stub iotd = new Stub("/image", 200, GalleryAppTest.IMAGE);
    private final Stub accessLog = new Stub("/access-log", 201, "{}");
    private GalleryApp app;

    private final AtomicLong clock = new AtomicLong();

    private GalleryApp start(String imageApi, String accessApi, String imageTimeout) {
        return start(imageApi, accessApi, imageTimeout, "500ms");
    }

    private GalleryApp start(String imageApi, String accessApi, String imageTimeout, String accessTimeout) {
        app = GalleryApp.start(EnvConfig.of(Map.of("PORT", "0", "FAILURE_RATE", "0", "IMAGE_API_URL", imageApi,
                "ACCESS_API_URL", accessApi, "IMAGE_API_TIMEOUT", imageTimeout, "ACCESS_API_TIMEOUT", accessTimeout)),
                () -> 0.5, Executors.newFixedThreadPool(4), clock::get);
        return app;
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        iotd.close();
        accessLog.close();
    }

    /**
     * A page. A held stub holds its answer for a minute, past the client's 20 s timeout, so a page that waited for
     * it fails here instead of being timed: the outcome is the page's content, whichever peer holds.
     */
    private HttpResponse<String> page() {
        return TestHttp.get(app.server().uri("/"));
    }

    private double client(String target, String code) {
        return MetricValues.of(app.metrics()).sum("image_gallery_client_requests_total", "target", target,
                "code", code);
    }

    @Test
    void iotdStoppedGivesAPlaceholderAndANote() {
        start(Stub.deadUrl("/image"), accessLog.url("/access-log"), "1500ms");
        HttpResponse<String> r = page();
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("class=\"placeholder\""), r.body());
        assertTrue(r.body().contains("The image service is unreachable"), r.body());
        assertEquals(1.0, client("iotd", "error"));
        assertTrue(app.awaitVisits(GalleryAppTest.WAIT));
        assertEquals(1, accessLog.bodies.size(), "the visit is still recorded");
    }

    @Test
    void iotdSlowerThanItsTimeoutGivesAPlaceholderWhileItStillHolds() throws Exception {
        iotd.hold = true;
        start(iotd.url("/image"), accessLog.url("/access-log"), "300ms");
        HttpResponse<String> r = page();
        assertEquals(200, r.statusCode());
        assertTrue(iotd.received.await(5, TimeUnit.SECONDS), "iotd was called");
        assertEquals(0, iotd.answered.get(), "and is still holding its answer");
        assertTrue(r.body().contains("The image service did not answer within 300 ms."), r.body());
        assertEquals(1.0, client("iotd", "timeout"));
    }

    @Test
    void iotdErrorsAndGarbageGiveAPlaceholder() {
        start(iotd.url("/image"), accessLog.url("/access-log"), "1500ms");
        iotd.status = 503;
        assertTrue(page().body().contains("The image service answered 503."));
        iotd.status = 200;
        iotd.body = "{\"url\":\"javascript:alert(1)\"}";
        assertTrue(page().body().contains("The image service sent no usable image URL."));
        iotd.body = "<html>";
        assertTrue(page().body().contains("sent something unreadable"));
    }

    @Test
    void accessLogStoppedOrSlowStillServesThePage() {
        start(iotd.url("/image"), Stub.deadUrl("/access-log"), "1500ms");
        HttpResponse<String> r = page();
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<img src="), r.body());
        assertTrue(app.awaitVisits(GalleryAppTest.WAIT));
        assertEquals(1.0, client("access-log", "error"));
        app.stop();

        accessLog.hold = true;
        start(iotd.url("/image"), accessLog.url("/access-log"), "1500ms");
        assertEquals(200, page().statusCode());
        assertTrue(app.awaitVisits(GalleryAppTest.WAIT));
        assertEquals(1.0, client("access-log", "timeout"));
    }

    @Test
    void aPageIsServedWhileAccessLogIsStillHoldingItsVisit() throws Exception {
        accessLog.hold = true;
        start(iotd.url("/image"), accessLog.url("/access-log"), "1500ms", "10s");
        HttpResponse<String> r = TestHttp.getAsync(app.server().uri("/")).get(30, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<img src="), r.body());
        assertTrue(accessLog.received.await(5, TimeUnit.SECONDS), "the visit was sent");
        assertFalse(app.awaitVisits(Duration.ZERO), "and is still on its way");
        accessLog.release.countDown();
        assertTrue(app.awaitVisits(GalleryAppTest.WAIT));
        assertEquals(1.0, client("access-log", "201"));
    }

    @Test
    void pastTheVisitsInFlightCapAPageSkipsItsVisitAndCountsIt() throws Exception {
        accessLog.hold = true;
        start(iotd.url("/image"), accessLog.url("/access-log"), "1500ms", "20s");
        for (int k = 0; k < Downstream.MAX_VISITS_IN_FLIGHT; k++) {
            assertEquals(200, page().statusCode());
        }
        assertEquals(200, page().statusCode(), "one page more than there are places");
        assertEquals(1.0, MetricValues.of(app.metrics()).get("image_gallery_client_calls_skipped_total",
                "target", "access-log", "reason", "too_many_in_flight"));
        accessLog.release.countDown();
        assertTrue(app.awaitVisits(GalleryAppTest.WAIT));
        assertEquals(Downstream.MAX_VISITS_IN_FLIGHT, client("access-log", "201"), "every visit given a place arrived");
    }

    @Test
    void stopWaitsForTheVisitsOnTheirWay() throws Exception {
        accessLog.hold = true;
        start(iotd.url("/image"), accessLog.url("/access-log"), "1500ms", "300ms");
        assertEquals(200, TestHttp.get(app.server().uri("/")).statusCode());
        assertTrue(accessLog.received.await(5, TimeUnit.SECONDS), "the visit was sent");
        app.stop();
        assertTrue(app.awaitVisits(Duration.ZERO), "no visit left on its way after the stop");
        assertEquals(1.0, client("access-log", "timeout"), "the held visit ended (timed out) before the stop returned");
    }

    @Test
    void afterThreeTimeoutsInARowPagesSkipIotdUntilATrialCallIsAnswered() {
        iotd.hold = true;
        start(iotd.url("/image"), accessLog.url("/access-log"), "200ms");
        for (int k = 0; k < CircuitBreaker.TIMEOUTS_TO_OPEN; k++) {
            assertTrue(page().body().contains("did not answer within 200 ms"));
        }
        assertEquals(1.0, gauge("image_gallery_client_circuit_open"));

        HttpResponse<String> skipped = page();
        assertTrue(skipped.body().contains(Downstream.NOTE_SKIPPED), skipped.body());
        assertTrue(skipped.body().contains("class=\"placeholder\""), skipped.body());
        assertEquals(CircuitBreaker.TIMEOUTS_TO_OPEN, iotd.bodies.size(), "the skipped page did not call iotd");
        assertEquals(1.0, MetricValues.of(app.metrics()).get("image_gallery_client_calls_skipped_total",
                "target", "iotd", "reason", "circuit_open"));

        iotd.hold = false;
        clock.addAndGet(CircuitBreaker.TRIAL_INTERVAL.toNanos());
        assertTrue(page().body().contains("<img src="), "the trial call, answered, shows the picture");
        assertEquals(0.0, gauge("image_gallery_client_circuit_open"));
        assertTrue(page().body().contains("<img src="));
        assertEquals(CircuitBreaker.TIMEOUTS_TO_OPEN + 2, iotd.bodies.size());
    }

    private double gauge(String name) {
        return MetricValues.of(app.metrics()).get(name, "target", "iotd");
    }

    @Test
    void stopLetsAPageWaitingOnIotdFinish() throws Exception {
        iotd.hold = true;
        start(iotd.url("/image"), accessLog.url("/access-log"), "10s");
        CompletableFuture<HttpResponse<String>> inFlight = TestHttp.getAsync(app.server().uri("/"));
        assertTrue(iotd.received.await(5, TimeUnit.SECONDS));
        StopInFlight stopping = StopInFlight.begin("the gallery", app.server().port(), app::stop);
        iotd.release.countDown();
        HttpResponse<String> r = inFlight.get(5, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<img src="), r.body());
        stopping.awaitStopped();
    }
}
