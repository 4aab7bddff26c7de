package dev.lucidmetrics.demo.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One line of the demos' logs, in the one schema every line follows: {@code time} (UTC, milliseconds),
 * {@code level}, {@code logger}, {@code thread}, {@code message}, the request's {@code trace_id} and
 * {@code span_id} when the line is written while serving a request, then the line's own fields (such as a
 * request's {@code method}, {@code path}, {@code status}, {@code duration_ms}) and an {@code exception}.
 * <pre>{@code
 * LogLine.at(now, "INFO", "dev.lucidmetrics.demo.accesslog.AccessLog", "visit").with("clientIp", ip).json()
 * // {"time":"2026-03-01T10:00:00.000Z","level":"INFO","logger":"dev.lucidmetrics.demo.accesslog.AccessLog",
 * //  "thread":"accesslog-http-1","message":"visit","trace_id":"4bf9...4736","span_id":"00f0...02b7",
 * //  "clientIp":"203.0.113.7"}
 * }</pre>
 * JSON is written by Jackson, one object per line, non-ASCII escaped (so the line reads the same in any charset).
 */
public final class LogLine {

    /** A log record's own fields, passed as its only parameter (see {@link RequestLog}). */
    public record Fields(Map<String, Object> values) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectWriter JSON = Responses.JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private LogLine(Instant time, String level, String logger, String message) {
        fields.put("time", TIME.format(time));
        fields.put("level", level);
        fields.put("logger", logger == null ? "" : logger);
        fields.put("thread", Thread.currentThread().getName());
        fields.put("message", message == null ? "" : message);
        TraceParent trace = RequestLog.current();
        if (trace != null) {
            fields.put("trace_id", trace.traceId());
            fields.put("span_id", trace.spanId());
        }
    }

    /** A line written now on this thread (so it carries the trace of the request this thread serves, if any). */
    public static LogLine at(Instant time, String level, String logger, String message) {
        return new LogLine(time, level, logger, message);
    }

    /** Adds a field after the standard ones; null values are left out. */
    public LogLine with(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    /** Adds every field of {@code extra}. */
    public LogLine with(Fields extra) {
        extra.values().forEach(this::with);
        return this;
    }

    /** Adds the stack trace of {@code thrown} as the field {@code exception}; null adds nothing. */
    public LogLine thrown(Throwable thrown) {
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            fields.put("exception", trace.toString().stripTrailing());
        }
        return this;
    }

    /** The line as one JSON object, without the line break. */
    public String json() {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("A log line of strings and numbers could not be written as JSON", e);
        }
    }

    /**
     * The line for people: {@code time level logger-simple-name: message key=value ...}, control characters
     * escaped so a line stays one line; the stack trace, if any, on the lines after it.
     */
    public String text() {
        StringBuilder b = new StringBuilder();
        String logger = (String) fields.get("logger");
        b.append(fields.get("time")).append(' ').append(fields.get("level")).append(' ')
                .append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ")
                .append(oneLine(fields.get("message")));
        fields.forEach((name, value) -> {
            if (!STANDARD.contains(name)) {
                b.append(' ').append(name).append('=').append(oneLine(value));
            }
        });
        Object exception = fields.get("exception");
        if (exception != null) {
            b.append(System.lineSeparator()).append(exception);
        }
        return b.toString();
    }

    /** The fields {@link #text()} shows in its own places. */
    private static final Set<String> STANDARD = Set.of("time", "level", "logger", "thread", "message", "exception");

    private static String oneLine(Object value) {
        String s = String.valueOf(value);
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
