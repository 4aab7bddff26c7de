package dev.lucidmetrics.demo.accesslog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.sun.net.httpserver.HttpExchange;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.demo.support.LogLine;
import dev.lucidmetrics.demo.support.Responses;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The access log's two endpoints: {@code POST /access-log} records a visit ({@code access_log_total}, the distinct
 * IPs gauge {@code access_client_ip_current}, one JSON line on stdout in the log lines' schema, whatever
 * {@code LOG_FORMAT} says: the records are the service's output) and {@code GET /stats} reports the count.
 */
final class AccessLog {

    private static final ObjectReader STRICT_JSON = Responses.JSON.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Counter logs;
    private final ClientIpWindow window;
    private final int recentMax;
    private final ArrayDeque<Map<String, String>> recent = new ArrayDeque<>();
    private final Clock clock;
    private final PrintStream out;

    AccessLog(AppMetrics app, AccessLogConfig config, Clock clock, PrintStream out) {
        this.logs = app.counter("log_total").help("Access log entries received.").register();
        this.window = new ClientIpWindow(config.clientIpWindow(), config.clientIpMax());
        // read at each scrape: IPs leave the window with time, not only when a visit comes in
        app.gauge("client_ip_current").help("Distinct client IPs seen in the last " + config.clientIpWindow()
                + " (at most " + config.clientIpMax() + " remembered).")
                .registerCallback(() -> window.count(clock.instant()));
        this.recentMax = config.recentEntries();
        this.clock = clock;
        this.out = out;
    }

    void post(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        // split with -1: a Content-Type of only parameters (";") gives ["", ""], not an empty array
        if (type == null || !type.split(";", -1)[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
            Responses.error(ex, 415, "Content-Type must be application/json.");
            return;
        }
        byte[] body;
        try {
            body = readAtMost(ex, AccessLogConfig.MAX_BODY_BYTES);
        } catch (IOException e) {
            // The client's doing (the body ended before its Content-Length, or a broken chunk), not a server error.
            Responses.error(ex, 400, "Incomplete body: send exactly Content-Length bytes (or well-formed chunks).");
            return;
        }
        if (body == null) {
            Responses.error(ex, 413, "Body too large: at most " + AccessLogConfig.MAX_BODY_BYTES + " bytes.");
            return;
        }
        JsonNode json;
        try {
            json = STRICT_JSON.readTree(body);
        } catch (IOException e) {
            // Any failure to parse bytes in memory is the body's fault: a syntax error (JsonProcessingException) or
            // an encoding Jackson cannot decode (CharConversionException, "Unsupported UCS-4 endianness").
            Responses.error(ex, 400, "Malformed JSON: send {\"clientIp\": \"203.0.113.7\"}.");
            return;
        }
        JsonNode ip = json == null ? null : json.get("clientIp");
        if (ip == null || !ip.isTextual()) {
            Responses.error(ex, 400, "Missing \"clientIp\": send {\"clientIp\": \"203.0.113.7\"}.");
            return;
        }
        Optional<String> address = ClientIps.normalise(ip.asText());
        if (address.isEmpty()) {
            Responses.error(ex, 400, "\"clientIp\" is not an IPv4 or IPv6 address.");
            return;
        }
        long count = record(address.get());
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("clientIp", address.get());
        created.put("logs", count);
        Responses.json(ex, 201, created);
    }

    void stats(HttpExchange ex) throws IOException {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("logs", (long) logs.get());
        stats.put("clientIps", window.count(clock.instant()));
        synchronized (recent) {
            stats.put("recent", new ArrayList<>(recent));
        }
        Responses.json(ex, 200, stats);
    }

    private long record(String address) {
        Instant now = clock.instant();
        logs.inc();
        window.record(address, now);
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("time", now.toString());
        entry.put("clientIp", address);
        // The visit record has the schema of every log line (time, clientIp and the request's trace_id among it).
        out.println(LogLine.at(now, "INFO", AccessLog.class.getName(), "visit").with("clientIp", address).json());
        synchronized (recent) {
            recent.addFirst(entry);
            while (recent.size() > recentMax) {
                recent.removeLast();
            }
        }
        return (long) logs.get();
    }

    /** The body, or null when it is longer than {@code max} bytes (Content-Length is checked first). */
    private static byte[] readAtMost(HttpExchange ex, int max) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        try {
            if (length != null && Long.parseLong(length.strip()) > max) {
                return null;
            }
        } catch (NumberFormatException ignored) {
            // the server has already refused a malformed length; read and count instead
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(max + 1);
            return body.length > max ? null : body;
        }
    }

    List<Map<String, String>> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
