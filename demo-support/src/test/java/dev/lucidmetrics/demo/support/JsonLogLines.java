package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidmetrics.core.support.LogCapture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;

/**
 * Reads lines as the demos' JSON log lines and fails on the first one that is not: one JSON object with
 * {@code time} (UTC, milliseconds), {@code level}, {@code logger}, {@code thread}, {@code message}, a valid
 * {@code trace_id}/{@code span_id} pair when there is one, and a request line's {@code method}, {@code path},
 * {@code status}, {@code duration_ms} and trace.
 */
public final class JsonLogLines {

    private static final Set<String> LEVELS = Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");
    private static final String REQUEST_LOGGER = RequestLog.class.getName();

    private JsonLogLines() {
    }

    /**
     * The demos' log lines of this JVM, each as {@code LOG_FORMAT=json} writes it, while the capture is open (and
     * none on the console): {@code try (LogCapture logs = JsonLogLines.capture()) { ... logs.lines() ... }}.
     */
    public static LogCapture capture() {
        return new LogCapture("", Level.ALL, record -> Logs.line(record).json());
    }

    /** Every line parsed; {@code source} names the stream in failure messages. */
    public static List<JsonNode> parseEvery(String source, List<String> lines) {
        List<JsonNode> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = source + " line " + (i + 1) + ": " + lines.get(i);
            JsonNode line;
            try {
                line = Responses.JSON.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + where, e);
            }
            if (line == null || !line.isObject()) {
                fail("not a JSON object: " + where);
            }
            check(line, where);
            parsed.add(line);
        }
        return parsed;
    }

    /** The lines for which {@code test} holds. */
    public static List<JsonNode> where(List<JsonNode> lines, Predicate<JsonNode> test) {
        return lines.stream().filter(test).toList();
    }

    /** Whether a line is the request line {@link RequestLog} wrote. */
    public static boolean isRequest(JsonNode line) {
        return REQUEST_LOGGER.equals(line.path("logger").asText());
    }

    private static void check(JsonNode line, String where) {
        String time = text(line, "time", where);
        assertTrue(time.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), "time: " + where);
        Instant.parse(time);
        assertTrue(LEVELS.contains(text(line, "level", where)), "level: " + where);
        assertTrue(!text(line, "logger", where).isEmpty(), "logger: " + where);
        text(line, "thread", where);
        text(line, "message", where);
        if (line.has("trace_id") || line.has("span_id")) {
            assertTrue(text(line, "trace_id", where).matches("[0-9a-f]{32}"), "trace_id: " + where);
            assertTrue(text(line, "span_id", where).matches("[0-9a-f]{16}"), "span_id: " + where);
        }
        if (isRequest(line)) {
            text(line, "method", where);
            assertTrue(text(line, "path", where).startsWith("/"), "path: " + where);
            assertTrue(line.path("status").isInt() || line.has("error"), "status: " + where);
            assertTrue(line.path("duration_ms").isNumber() && line.get("duration_ms").asDouble() >= 0,
                    "duration_ms: " + where);
            assertTrue(line.has("trace_id"), "a request line carries its trace: " + where);
        }
    }

    private static String text(JsonNode line, String field, String where) {
        JsonNode value = line.get(field);
        if (value == null || !value.isTextual()) {
            fail("no text field \"" + field + "\": " + where);
        }
        return value.asText();
    }

    /** The one line for which {@code test} holds (fails on none or several). */
    public static JsonNode one(List<JsonNode> lines, Predicate<JsonNode> test, String what) {
        List<JsonNode> found = where(lines, test);
        assertEquals(1, found.size(), what + ": " + found);
        return found.get(0);
    }
}
