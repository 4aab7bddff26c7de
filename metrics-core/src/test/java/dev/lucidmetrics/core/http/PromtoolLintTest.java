package dev.lucidmetrics.core.http;

import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.TextSamples;
import dev.lucidmetrics.core.support.Scrapes;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.testing.MetricValues;
import dev.lucidmetrics.testing.Promtool;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The exposition of an instrumented server and client passes Prometheus' own linter. */
@CompatibilityKit
class PromtoolLintTest {

    @Test
    void theExpositionOfAnInstrumentedServerAndClientPassesPromtoolCheckMetrics() throws Exception {
        AppMetrics app = AppMetrics.builder("image_gallery").version("1.0.0").revision("abc").build();
        try (TestServer server = new TestServer()) {
            HttpServerMetrics.builder(app).routes("/", "/images/{id}").responseSize(true).register()
                    .instrument(server.context("/", exchange -> {
                        if (exchange.getRequestURI().getPath().equals("/boom")) {
                            throw new IllegalStateException("boom");
                        }
                        TestServer.respond(exchange, exchange.getRequestURI().getPath().startsWith("/images/")
                                ? 200 : 404, "image");
                    }));
            InstrumentedHttpClient client = HttpClientMetrics.builder(app).targets("iotd").register()
                    .wrap(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
            client.send("iotd", HttpRequest.newBuilder(server.uri("/images/1")).build(), BodyHandlers.ofString());
            client.send("iotd", HttpRequest.newBuilder(server.uri("/nope")).build(), BodyHandlers.ofString());
            assertThrows(UncheckedIOException.class, () -> server.send("POST", "/boom"));
            TestServer.awaitValue(3.0, () -> MetricValues.of(app)
                    .sum("image_gallery_requests_total"), "requests");
        }
        String exposition = Scrapes.text(app);
        assertTrue(TextSamples.contains(exposition, "image_gallery_requests_total{method=\"GET\",route=\"/images/{id}\",code=\"200\",}"
                + " 1.0"), exposition);
        Path sample = Path.of("target", "http-exposition-sample.txt");
        Files.createDirectories(sample.getParent());
        Files.writeString(sample, exposition);

        Promtool.assertClean(exposition);
    }
}
