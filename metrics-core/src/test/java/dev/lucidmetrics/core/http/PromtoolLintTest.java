package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lucidmetrics.core.AppMetrics;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The exposition of an instrumented server and client passes Prometheus' own linter. */
class PromtoolLintTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Test
    void theExpositionOfAnInstrumentedServerAndClientPassesPromtoolCheckMetrics() throws Exception {
        AppMetrics app = AppMetrics.builder("image_gallery").version("1.0.0").revision("abc").build();
        try (TestServer server = new TestServer()) {
            HttpServerMetrics.builder(app).routes("/", "/images/{id}").responseSize(true).build()
                    .instrument(server.context("/", exchange -> {
                        if (exchange.getRequestURI().getPath().equals("/boom")) {
                            throw new IllegalStateException("boom");
                        }
                        TestServer.respond(exchange, exchange.getRequestURI().getPath().startsWith("/images/")
                                ? 200 : 404, "image");
                    }));
            InstrumentedHttpClient client = HttpClientMetrics.builder(app).targets("iotd").build()
                    .wrap(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
            client.send("iotd", HttpRequest.newBuilder(server.uri("/images/1")).build(), BodyHandlers.ofString());
            client.send("iotd", HttpRequest.newBuilder(server.uri("/nope")).build(), BodyHandlers.ofString());
            assertThrows(IOException.class, () -> server.send("POST", "/boom"));
            TestServer.awaitValue(3.0, () -> dev.lucidmetrics.core.testing.MetricValues.of(app)
                    .sum("image_gallery_requests_total"), "requests");
        }
        StringWriter text = new StringWriter();
        TextFormat.write004(text, app.collectorRegistry().metricFamilySamples());
        String exposition = text.toString();
        assertTrue(exposition.contains("image_gallery_requests_total{method=\"GET\",route=\"/images/{id}\",code=\"200\",}"
                + " 1.0"), exposition);
        Path sample = Path.of("target", "http-exposition-sample.txt");
        Files.createDirectories(sample.getParent());
        Files.writeString(sample, exposition);

        String[] result = promtool(exposition);
        assertEquals("0", result[0], "promtool check metrics failed:\n" + result[1]);
        assertEquals("", result[1].trim(), "promtool reported findings");
    }

    /** Pipes {@code exposition} into {@code promtool check metrics}; returns exit code and combined output. */
    private static String[] promtool(String exposition) throws Exception {
        if (!Files.isExecutable(PROMTOOL)) {
            fail(PROMTOOL + " is missing: install Debian's prometheus package (apt-get install prometheus) to lint"
                    + " the exposition.");
        }
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("promtool did not finish within 30 s");
        }
        return new String[] {Integer.toString(p.exitValue()), output};
    }
}
