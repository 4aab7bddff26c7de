package dev.lucidmetrics.demo.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidmetrics.core.http.InstrumentedHttpClient;
import dev.lucidmetrics.demo.support.Responses;
import dev.lucidmetrics.demo.support.TraceParent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gallery's two peers, called through the library's instrumented client (targets {@code iotd} and
 * {@code access-log}) with timeouts. Neither call ever throws: a failure becomes a note on the page or is ignored.
 * Each call carries the page's trace in a {@code traceparent} header, with a span id of its own.
 */
final class Downstream {

    /** The image of the day, or the reason there is none. */
    record ImageResult(String url, String caption, String copyright, String problem) {
        static ImageResult missing(String problem) {
            return new ImageResult(null, null, null, problem);
        }
    }

    private final InstrumentedHttpClient client;
    private final GalleryConfig config;
    private final AtomicInteger nextAccessLog = new AtomicInteger();

    Downstream(InstrumentedHttpClient client, GalleryConfig config) {
        this.client = client;
        this.config = config;
    }

    /** The trace id a call carries in its {@code traceparent} header, or null: the client's exemplar. */
    static String traceIdOf(HttpRequest request) {
        return request.headers().firstValue(TraceParent.HEADER).flatMap(TraceParent::parse)
                .map(TraceParent::traceId).orElse(null);
    }

    ImageResult image(TraceParent trace) {
        HttpRequest request = HttpRequest.newBuilder(config.imageApi()).timeout(config.imageTimeout())
                .header("Accept", "application/json").header(TraceParent.HEADER, trace.child().header())
                .GET().build();
        try {
            var response = client.send("iotd", request, BodyHandlers.ofString());
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
            return ImageResult.missing("The image service is unreachable (connect timeout).");
        } catch (HttpTimeoutException e) {
            return ImageResult.missing("The image service did not answer within "
                    + config.imageTimeout().toMillis() + " ms.");
        } catch (IOException e) {
            return ImageResult.missing("The image service is unreachable or sent something unreadable.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ImageResult.missing("Interrupted while asking the image service.");
        }
    }

    /** Records a visit at the next access-log replica in turn; the future completes (never exceptionally) with whether access-log accepted it. */
    CompletableFuture<Boolean> recordVisit(String clientIp, TraceParent trace) {
        try {
            byte[] body = Responses.JSON.writeValueAsBytes(Map.of("clientIp", clientIp));
            List<URI> replicas = config.accessApis();
            URI replica = replicas.get(Math.floorMod(nextAccessLog.getAndIncrement(), replicas.size()));
            HttpRequest request = HttpRequest.newBuilder(replica).timeout(config.accessTimeout())
                    .header("Content-Type", "application/json").header(TraceParent.HEADER, trace.child().header())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return client.sendAsync("access-log", request, BodyHandlers.discarding())
                    .handle((response, error) -> response != null && response.statusCode() == 201);
        } catch (IOException e) {
            return CompletableFuture.completedFuture(false);
        }
    }
}
