package dev.lucidmetrics.demo.support;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C Trace Context {@code traceparent} value: {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}.
 * Parsing never throws: a malformed value is treated as absent, so a bad header can never fail a request.
 * <pre>{@code
 * TraceParent in = TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();
 * TraceParent out = in.child();    // same trace id, a new span id: what an outgoing request carries
 * out.header();                    // "00-4bf92f3577b34da6a3ce929d0e0e4736-<new span id>-01"
 * }</pre>
 */
public record TraceParent(String traceId, String spanId, String flags) {

    /** The HTTP header that carries it. */
    public static final String HEADER = "traceparent";

    private static final int LENGTH = 55;   // "00-" + 32 + "-" + 16 + "-" + 2
    private static final String SAMPLED = "01";

    /** Refuses ids the specification calls invalid (see {@link #parse}), so every instance makes a valid header. */
    public TraceParent {
        if (!valid(traceId, spanId, flags)) {
            throw new IllegalArgumentException("Trace context " + traceId + "/" + spanId + "/" + flags + " is not"
                    + " valid: expected 32 and 16 lower-case hex digits, not all zero, and 2 hex digits of flags.");
        }
    }

    /**
     * The value of one {@code traceparent} header, or empty when it is malformed: wrong length or separators,
     * upper-case or non-hex digits, version {@code ff}, an all-zero trace or span id. A version above {@code 00}
     * is read as version 00 when its first 55 characters are one (as the specification asks).
     */
    public static Optional<TraceParent> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.length() < LENGTH || !hex(v, 0, 2) || v.startsWith("ff")) {
            return Optional.empty();
        }
        boolean version00 = v.startsWith("00");
        if (version00 ? v.length() != LENGTH : v.length() > LENGTH && v.charAt(LENGTH) != '-') {
            return Optional.empty();
        }
        if (v.charAt(2) != '-' || v.charAt(35) != '-' || v.charAt(52) != '-') {
            return Optional.empty();
        }
        String traceId = v.substring(3, 35);
        String spanId = v.substring(36, 52);
        String flags = v.substring(53, 55);
        return valid(traceId, spanId, flags) ? Optional.of(new TraceParent(traceId, spanId, flags)) : Optional.empty();
    }

    /** The one {@code traceparent} of a request's headers; empty when there is none, several, or it is malformed. */
    public static Optional<TraceParent> fromHeaders(List<String> values) {
        return values == null || values.size() != 1 ? Optional.empty() : parse(values.get(0));
    }

    /** A new trace: a random 16-byte trace id, a random 8-byte span id, flagged sampled. */
    public static TraceParent generate() {
        return new TraceParent(randomHex(32), randomHex(16), SAMPLED);
    }

    /** The same trace with a new span id: the span of this service, or of one outgoing call. */
    public TraceParent child() {
        return new TraceParent(traceId, randomHex(16), flags);
    }

    /** The header value, version 00. */
    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static String randomHex(int digits) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String hex;
        do {
            StringBuilder b = new StringBuilder(digits);
            for (int i = 0; i < digits; i += 16) {
                String part = Long.toHexString(random.nextLong());
                b.append("0".repeat(16 - part.length())).append(part);
            }
            hex = b.substring(0, digits);
        } while (zeros(hex));   // all zeros is invalid; a 1 in 2^64 draw
        return hex;
    }

    private static boolean valid(String traceId, String spanId, String flags) {
        return traceId != null && spanId != null && flags != null && traceId.length() == 32 && spanId.length() == 16
                && flags.length() == 2 && hex(traceId, 0, 32) && hex(spanId, 0, 16) && hex(flags, 0, 2)
                && !zeros(traceId) && !zeros(spanId);
    }

    private static boolean hex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }
}
