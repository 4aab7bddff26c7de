package dev.lucidmetrics.demo.accesslog;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.BoundedFuzzTest;
import dev.lucidmetrics.core.support.RawHttp;
import dev.lucidmetrics.testing.MetricValues;
import dev.lucidmetrics.testing.Poll;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Hostile {@code POST /access-log} requests through the real app on a loopback port: arbitrary bodies (up to twice
 * the size limit), content types and lengths (exact, absent, chunked, or any text in {@code Content-Length}). Each
 * request gets a status below 500 within the time bound, and the app's own request counter never records a 5xx.
 * Only a request whose framing is broken (a {@code Content-Length} that is not the body's length, or a header with a
 * line break) may instead be closed without an answer.
 */
class AccessLogFuzzTest {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) .*");
    private static final Duration TIMEOUT = Duration.ofMillis(1000);
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(30);

    private static AccessLogApp app;

    /**
     * Starts the app and warms it up with a request of each kind, so that loading classes (and Jazzer instrumenting
     * them) is not counted against the first input's time bound.
     */
    @BeforeAll
    static void start() {
        app = AccessLogApp.start(EnvConfig.of(Map.of("PORT", "0", "BIND_ADDRESS", "127.0.0.1")),
                Clock.systemUTC(), Executors.newFixedThreadPool(4), new PrintStream(OutputStream.nullOutputStream()));
        for (String body : List.of("{\"clientIp\": \"203.0.113.7\"}", "{", "{\"clientIp\": 1}", "[]")) {
            byte[] json = body.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(RawHttp.post("/access-log", "Content-Type: application/json",
                    "Content-Length: " + json.length));
            request.writeBytes(json);
            RawHttp.statusLine(app.server().port(), request.toByteArray(), WARM_UP_TIMEOUT);
        }
    }

    /**
     * The graceful stop connects to the app itself (its drain guard), which Jazzer's SSRF detector refuses outside
     * an allowance like the one each input gets. Refused, the stop would throw before ending the app's threads,
     * and the JVM of libFuzzer's merge, which runs this after its last input, would never exit.
     */
    @AfterAll
    static void stop() {
        try (SilentCloseable appPortOnly = BugDetectors.allowNetworkConnections(appPortOnly())) {
            app.stop();
        }
    }

    /** Jazzer's SSRF detector refuses every connection it was not told to expect: only the app's port is. */
    private static BiPredicate<String, Integer> appPortOnly() {
        int port = app.server().port();
        return (host, p) -> p == port && (host.equals("127.0.0.1") || host.equals("localhost"));
    }

    @BoundedFuzzTest
    void everyPostIsAnsweredBelow500(FuzzedDataProvider data) {
        String contentType = switch (data.consumeInt(0, 3)) {
            case 0 -> "application/json";
            case 1 -> "Application/JSON; charset=utf-8";
            case 2 -> null;
            default -> data.consumeString(40);
        };
        int framing = data.consumeInt(0, 3);
        String declared = framing == 3 ? data.consumeString(24) : null;
        int copies = data.consumeInt(1, 8);
        byte[] body = repeat(data.consumeRemainingAsBytes(), copies);

        List<String> headers = new ArrayList<>();
        if (contentType != null) {
            headers.add("Content-Type: " + contentType);
        }
        switch (framing) {
            case 0 -> headers.add("Content-Length: " + body.length);
            case 2 -> headers.add("Transfer-Encoding: chunked");
            case 3 -> headers.add("Content-Length: " + declared);
            default -> { }   // no length: the server reads no body
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(RawHttp.post("/access-log", headers.toArray(new String[0])));
        if (framing == 2) {
            writeChunked(request, body, 1 + copies * 997);
        } else if (framing != 1) {
            request.writeBytes(body);
        }
        boolean wellFramed = framing != 3 && (contentType == null || contentType.chars().noneMatch(c -> c == '\r'
                || c == '\n'));
        String sent = headers + " and " + body.length + " body bytes "
                + HexFormat.of().formatHex(body, 0, Math.min(body.length, 64)) + (body.length > 64 ? "..." : "");

        String statusLine;
        try (SilentCloseable appPortOnly = BugDetectors.allowNetworkConnections(appPortOnly())) {
            statusLine = RawHttp.statusLine(app.server().port(), request.toByteArray(), TIMEOUT);
        }
        assertNotNull(statusLine, "no answer within " + TIMEOUT.toMillis() + " ms to " + sent);
        if (statusLine.isEmpty()) {
            assertTrue(!wellFramed, "a well-framed request was closed without an answer: " + sent);
        } else {
            Matcher m = STATUS_LINE.matcher(statusLine);
            assertTrue(m.matches(), "not an HTTP/1.1 status line: " + statusLine + " for " + sent);
            assertTrue(Integer.parseInt(m.group(1)) < 500, "answered " + statusLine + " to " + sent);
        }
        // The server may still be finishing the exchange (draining, closing) after the client has its answer.
        Poll.until("the app to finish the exchange", TIMEOUT,
                () -> MetricValues.of(app.metrics()).get("access_in_flight_requests") == 0);
        List<String> codes = MetricValues.of(app.metrics()).labelValues("access_requests_total", "code");
        assertTrue(codes.stream().noneMatch(c -> c.startsWith("5")), "request codes recorded: " + codes + " after "
                + sent + " (answered \"" + statusLine + "\")");
    }

    private static void writeChunked(ByteArrayOutputStream out, byte[] body, int chunk) {
        for (int at = 0; at < body.length; at += chunk) {
            int n = Math.min(chunk, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] repeat(byte[] bytes, int copies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * copies);
        for (int i = 0; i < copies; i++) {
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
