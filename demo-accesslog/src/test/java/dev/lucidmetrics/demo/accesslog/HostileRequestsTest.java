package dev.lucidmetrics.demo.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.RawHttp;
import dev.lucidmetrics.testing.MetricValues;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests the fuzzer found (see {@link AccessLogFuzzTest}), each answered and counted as the client's error. */
class HostileRequestsTest {

    /** A bound on hanging: an answer takes milliseconds. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    private AccessLogApp app;

    @BeforeEach
    void start() {
        app = AccessLogApp.start(EnvConfig.of(Map.of("PORT", "0", "BIND_ADDRESS", "127.0.0.1")),
                Clock.systemUTC(), Executors.newFixedThreadPool(2), new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void aBodyShorterThanItsContentLengthIsAnswered400AndCountedAs400NotAsAServerError() {
        byte[] request = RawHttp.post("/access-log", "Content-Type: application/json", "Content-Length: 5");
        assertEquals("HTTP/1.1 400 Bad Request", RawHttp.statusLine(app.server().port(), request, HANG_GUARD));
        MetricValues.of(app.metrics()).awaitValue(Duration.ofSeconds(5), 1.0, "access_requests_total",
                "method", "POST", "route", "/access-log", "code", "400");
        assertEquals(List.of("400"), MetricValues.of(app.metrics()).labelValues("access_requests_total", "code"));
    }

    @Test
    void aBodyInAnEncodingJacksonCannotDecodeIsAnswered400AsMalformedJson() {
        // Jackson reads 00 f8 00 00 as UCS-4 in an unsupported byte order and throws CharConversionException, an
        // IOException that is not a JsonProcessingException.
        byte[] body = HexFormat.of().parseHex("00f80000f80000f8");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(RawHttp.post("/access-log", "Content-Type: application/json",
                "Content-Length: " + body.length));
        request.writeBytes(body);
        assertEquals("HTTP/1.1 400 Bad Request", RawHttp.statusLine(app.server().port(), request.toByteArray(),
                HANG_GUARD));
        MetricValues.of(app.metrics()).awaitValue(Duration.ofSeconds(5), 1.0, "access_requests_total",
                "method", "POST", "route", "/access-log", "code", "400");
        assertEquals(List.of("400"), MetricValues.of(app.metrics()).labelValues("access_requests_total", "code"));
    }

    @Test
    void aContentTypeOfOnlyParametersIsAnswered415() {
        for (String type : List.of(";", ";charset=utf-8", " ; ")) {
            byte[] request = RawHttp.post("/access-log", "Content-Type: " + type, "Content-Length: 0");
            assertEquals("HTTP/1.1 415 Unsupported Media Type", RawHttp.statusLine(app.server().port(), request,
                    HANG_GUARD), type);
        }
        MetricValues.of(app.metrics()).awaitValue(Duration.ofSeconds(5), 3.0, "access_requests_total",
                "method", "POST", "route", "/access-log", "code", "415");
        assertEquals(List.of("415"), MetricValues.of(app.metrics()).labelValues("access_requests_total", "code"));
    }
}
