package dev.lucidmetrics.demo.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.http.InstrumentedHttpClient;
import dev.lucidmetrics.demo.support.Responses;
import dev.lucidmetrics.demo.support.TraceParent;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The gallery's two peers, called through the library's instrumented client (targets {@code iotd} and
 * {@code access-log}) with timeouts. Neither call ever throws: a failure becomes a note on the page or is ignored.
 * Each call carries the page's trace in a {@code traceparent} header, with a span id of its own.
 * <p>Neither peer can hold pages up for long: iotd is behind a {@link CircuitBreaker}, and a visit is sent without the
 * page waiting for it, at most {@link #MAX_VISITS_IN_FLIGHT} at a time (a page waits up to {@link #VISIT_SLOT_WAIT}
 * for a place). A call not made for either reason is counted
 * in {@code image_gallery_client_calls_skipped_total{target,reason}}; {@link #awaitVisits} lets the graceful stop
 * wait for the visits on their way.
 */
final class Downstream {

    /** The image of the day, or the reason there is none. */
    record ImageResult(String url, String caption, String copyright, String problem) {
        static ImageResult missing(String problem) {
            return new ImageResult(null, null, null, problem);
        }
    }

    /** Visits sent and not yet answered or timed out; past this, a visit is skipped rather than queued. */
    static final int MAX_VISITS_IN_FLIGHT = 128;
    /** How long a page waits for a place among the visits on their way before it skips its visit. */
    static final Duration VISIT_SLOT_WAIT = Duration.ofMillis(100);
    static final String NOTE_SKIPPED = "The image service did not answer in time lately; it is tried again every "
            + CircuitBreaker.TRIAL_INTERVAL.toMillis() + " ms.";

    private final InstrumentedHttpClient client;
    private final GalleryConfig config;
    private final Replicas accessLogs;
    private final CircuitBreaker iotd;
    private final Semaphore visits = new Semaphore(MAX_VISITS_IN_FLIGHT);
    private final Counter.Child iotdSkipped;
    private final Counter.Child visitsSkipped;

    Downstream(AppMetrics app, InstrumentedHttpClient client, GalleryConfig config, CircuitBreaker iotd,
            Replicas accessLogs) {
        this.client = client;
        this.config = config;
        this.iotd = iotd;
        this.accessLogs = accessLogs;
        Counter skipped = app.counter("client_calls_skipped_total").help("Calls to peers not made: to iotd while its"
                + " circuit is open (circuit_open), to access-log while " + MAX_VISITS_IN_FLIGHT
                + " visits are on their way (too_many_in_flight).").labelNames("target", "reason").register();
        this.iotdSkipped = skipped.labels("iotd", "circuit_open");
        this.visitsSkipped = skipped.labels("access-log", "too_many_in_flight");
        app.gauge("client_circuit_open").help("1 while pages skip the peer after timeouts in a row (a trial call"
                + " every " + CircuitBreaker.TRIAL_INTERVAL.toMillis() + " ms), else 0.").labelNames("target")
                .registerCallback(series -> series.report(iotd.isOpen() ? 1 : 0, "iotd"));
    }

    /** The trace id a call carries in its {@code traceparent} header, or null: the client's exemplar. */
    static String traceIdOf(HttpRequest request) {
        return request.headers().firstValue(TraceParent.HEADER).flatMap(TraceParent::parse)
                .map(TraceParent::traceId).orElse(null);
    }

    ImageResult image(TraceParent trace) {
        CircuitBreaker.Call call = iotd.tryCall();
        if (call == null) {
            iotdSkipped.inc();
            return ImageResult.missing(NOTE_SKIPPED);
        }
        return image(trace, call);
    }

    private ImageResult image(TraceParent trace, CircuitBreaker.Call call) {
        HttpRequest request = HttpRequest.newBuilder(config.imageApi()).timeout(config.imageTimeout())
                .header("Accept", "application/json").header(TraceParent.HEADER, trace.child().header())
                .GET().build();
        try {
            var response = client.send("iotd", request, BodyHandlers.ofString());
            call.answered();
            if (response.statusCode() != 200) {
                return ImageResult.missing("The image service answered " + response.statusCode() + ".");
            }
            JsonNode json = Responses.JSON.readTree(response.body());
            String url = json.path("url").asText("");
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                return ImageResult.missing("The image service sent no usable image URL.");
            }
            return new ImageResult(url, json.path("caption").asText(""), json.path("copyright").asText(""), null);
        } catch (HttpConnectTimeoutException e) {
            call.timedOut();
            return ImageResult.missing("The image service is unreachable (connect timeout).");
        } catch (HttpTimeoutException e) {
            call.timedOut();
            return ImageResult.missing("The image service did not answer within "
                    + config.imageTimeout().toMillis() + " ms.");
        } catch (IOException e) {
            call.answered();   // refused or unreadable, but quickly: nothing that holds pages up
            return ImageResult.missing("The image service is unreachable or sent something unreadable.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ImageResult.missing("Interrupted while asking the image service.");
        }
    }

    /**
     * Sends a visit to the next access-log replica in turn ({@link Replicas}) without waiting for it; the future completes (never
     * exceptionally) with whether access-log accepted it. Skipped, completing with false, when
     * {@link #MAX_VISITS_IN_FLIGHT} visits are still on their way after {@link #VISIT_SLOT_WAIT}.
     */
    CompletableFuture<Boolean> recordVisit(String clientIp, TraceParent trace) {
        if (!awaitVisitSlot()) {
            visitsSkipped.inc();
            return CompletableFuture.completedFuture(false);
        }
        try {
            byte[] body = Responses.JSON.writeValueAsBytes(Map.of("clientIp", clientIp));
            HttpRequest request = HttpRequest.newBuilder(accessLogs.next()).timeout(config.accessTimeout())
                    .header("Content-Type", "application/json").header(TraceParent.HEADER, trace.child().header())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return client.sendAsync("access-log", request, BodyHandlers.discarding())
                    .handle((response, error) -> {
                        visits.release();
                        return response != null && response.statusCode() == 201;
                    });
        } catch (IOException | RuntimeException e) {
            visits.release();
            return CompletableFuture.completedFuture(false);
        }
    }

    /**
     * A place among the visits on their way: at once, or within {@link #VISIT_SLOT_WAIT} when all are taken. The
     * short wait slows pages down to what access-log takes when it is merely busy (a place frees every few
     * milliseconds), so visits are not lost to a burst; when it does not answer, a page gives up after that wait.
     */
    private boolean awaitVisitSlot() {
        try {
            return visits.tryAcquire(VISIT_SLOT_WAIT.toNanos(), TimeUnit.NANOSECONDS);  // at once when one is free
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until no visit is on its way, at most {@code timeout}; whether none is. */
    boolean awaitVisits(Duration timeout) throws InterruptedException {
        if (!visits.tryAcquire(MAX_VISITS_IN_FLIGHT, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        visits.release(MAX_VISITS_IN_FLIGHT);
        return true;
    }
}
