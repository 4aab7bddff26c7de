package dev.lucidmetrics.demo.iotd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidmetrics.core.http.InstrumentedHttpClient;
import dev.lucidmetrics.demo.support.Responses;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * NASA's Astronomy Picture of the Day. Any failure (timeout, rate limit, a video instead of an image, unexpected
 * JSON) gives an empty result so that the caller falls back to the catalogue; calls are counted under target "apod".
 */
final class ApodSource {

    private static final System.Logger LOG = System.getLogger(ApodSource.class.getName());

    private final InstrumentedHttpClient client;
    private final URI request;
    private final Duration timeout;

    ApodSource(InstrumentedHttpClient client, URI endpoint, String apiKey, Duration timeout) {
        this.client = client;
        this.request = URI.create(endpoint + "?api_key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8));
        this.timeout = timeout;
    }

    Optional<Image> fetch() {
        try {
            HttpRequest get = HttpRequest.newBuilder(request).timeout(timeout).GET().build();
            HttpResponse<String> response = client.send("apod", get, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.log(System.Logger.Level.WARNING, "APOD answered " + response.statusCode() + "; using the catalogue");
                return Optional.empty();
            }
            return parse(Responses.JSON.readTree(response.body()));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "APOD failed (" + e + "); using the catalogue");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<Image> parse(JsonNode apod) {
        String url = apod.path("url").asText("");
        if (!"image".equals(apod.path("media_type").asText("image"))
                || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return Optional.empty();
        }
        String copyright = apod.path("copyright").asText("").strip();
        return Optional.of(new Image(url, apod.path("title").asText("Astronomy Picture of the Day"),
                copyright.isEmpty() ? "NASA APOD (public domain)" : copyright));
    }
}
