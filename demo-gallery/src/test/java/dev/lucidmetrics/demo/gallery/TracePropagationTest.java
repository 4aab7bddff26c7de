package dev.lucidmetrics.demo.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.demo.support.TraceParent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracePropagationTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String SENT = "00-" + TRACE + "-b7ad6b7169203331-01";

    private final Stub iotd = new Stub("/image", 200, GalleryAppTest.IMAGE);
    private final Stub accessLog = new Stub("/access-log", 201, "{}");
    private final GalleryApp app = GalleryApp.start(EnvConfig.of(Map.of("PORT", "0", "FAILURE_RATE", "0",
            "IMAGE_API_URL", iotd.url("/image"), "ACCESS_API_URL", accessLog.url("/access-log"))), () -> 0.5,
            Executors.newFixedThreadPool(4));

    @AfterEach
    void stop() {
        app.stop();
        iotd.close();
        accessLog.close();
    }

    private static TraceParent only(List<String> headers) {
        assertEquals(1, headers.size(), headers.toString());
        return TraceParent.parse(headers.get(0)).orElseThrow(() -> new AssertionError("malformed: " + headers));
    }

    @Test
    void bothCallsCarryTheIncomingTraceIdEachWithASpanIdOfItsOwn() {
        assertEquals(200, TestHttp.get(app.server().uri("/"), "traceparent", SENT).statusCode());
        assertTrue(app.awaitVisits(GalleryAppTest.WAIT));

        TraceParent toIotd = only(iotd.traceparents);
        TraceParent toAccessLog = only(accessLog.traceparents);
        assertEquals(TRACE, toIotd.traceId());
        assertEquals(TRACE, toAccessLog.traceId());
        assertEquals("01", toIotd.flags());
        assertEquals(3, Set.of("b7ad6b7169203331", toIotd.spanId(), toAccessLog.spanId()).size());
    }

    @Test
    void aPageWithoutTraceparentStartsATraceAndPassesItOn() {
        assertEquals(200, TestHttp.get(app.server().uri("/"), "traceparent", "00-bad").statusCode());
        assertTrue(app.awaitVisits(GalleryAppTest.WAIT));

        TraceParent toIotd = only(iotd.traceparents);
        assertEquals(toIotd.traceId(), only(accessLog.traceparents).traceId(), "one trace for the page");
        assertNotEquals(TRACE, toIotd.traceId());
    }

    @Test
    void theServerAndClientDurationsCarryTheTraceIdAsExemplars() {
        TestHttp.get(app.server().uri("/"), "traceparent", SENT);
        assertTrue(app.awaitVisits(GalleryAppTest.WAIT));
        String scrape = TestHttp.get(app.server().uri("/metrics"), "Accept",
                "application/openmetrics-text; version=1.0.0; charset=utf-8").body();
        for (String family : List.of("image_gallery_request_duration_seconds_bucket{",
                "image_gallery_client_request_duration_seconds_bucket{target=\"iotd\"",
                "image_gallery_client_request_duration_seconds_bucket{target=\"access-log\"")) {
            assertTrue(scrape.lines().anyMatch(l -> l.startsWith(family) && l.contains("{trace_id=\"" + TRACE + "\"}")),
                    family + " with the exemplar in:\n" + scrape);
        }
    }
}
