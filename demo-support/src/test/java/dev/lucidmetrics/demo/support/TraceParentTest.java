package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraceParentTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";
    private static final String VALID = "00-" + TRACE + "-" + SPAN + "-01";

    @Test
    void aValidHeaderIsReadAndWrittenBackUnchanged() {
        TraceParent t = TraceParent.parse(VALID).orElseThrow();
        assertEquals(TRACE, t.traceId());
        assertEquals(SPAN, t.spanId());
        assertEquals("01", t.flags());
        assertEquals(VALID, t.header());
        assertEquals(Optional.of(t), TraceParent.parse(" \t" + VALID + " "), "optional whitespace around the value");
        assertEquals("00", TraceParent.parse("00-" + TRACE + "-" + SPAN + "-00").orElseThrow().flags());
    }

    @Test
    void everyMalformedHeaderIsTreatedAsAbsent() {
        List<String> malformed = Arrays.asList(null, "", " ", "garbage", VALID.substring(0, 54), VALID + "0",
                VALID + "-extra",                                         // version 00 has exactly 55 characters
                VALID.toUpperCase(),                                       // hex digits are lower case
                "00-" + TRACE.toUpperCase() + "-" + SPAN + "-01",
                "00-" + "0".repeat(32) + "-" + SPAN + "-01",               // all-zero trace id
                "00-" + TRACE + "-" + "0".repeat(16) + "-01",              // all-zero span id
                "ff-" + TRACE + "-" + SPAN + "-01",                        // version ff is forbidden
                "0g-" + TRACE + "-" + SPAN + "-01",
                "00_" + TRACE + "-" + SPAN + "-01", "00-" + TRACE + "_" + SPAN + "-01",
                "00-" + TRACE + "-" + SPAN + "_01",
                "00-" + TRACE + "-" + SPAN + "-0x", "00-" + TRACE + "-" + SPAN + "-1",
                "00-" + TRACE.substring(1) + "z-" + SPAN + "-01",
                "00-" + TRACE + "-" + SPAN.substring(1) + "-01-",
                "00-" + TRACE.replace('4', '\u0664') + "-" + SPAN + "-01",  // an Arabic-Indic digit is not hex
                "01-" + TRACE + "-" + SPAN + "-01x",                       // a later version needs '-' after 55
                VALID + "," + VALID);                                      // two values folded into one header
        for (String header : malformed) {
            assertEquals(Optional.empty(), TraceParent.parse(header), String.valueOf(header));
        }
    }

    @Test
    void aLaterVersionIsReadAsVersion00WhenItStartsLikeOne() {
        TraceParent t = TraceParent.parse("cc-" + TRACE + "-" + SPAN + "-01-what-comes-next").orElseThrow();
        assertEquals(TRACE, t.traceId());
        assertEquals(VALID, t.header(), "written back as the version this code knows");
        assertTrue(TraceParent.parse("cc-" + TRACE + "-" + SPAN + "-01").isPresent());
    }

    @Test
    void aRequestWithNoneOrSeveralTraceparentHeadersHasNoTrace() {
        assertEquals(TRACE, TraceParent.fromHeaders(List.of(VALID)).orElseThrow().traceId());
        assertEquals(Optional.empty(), TraceParent.fromHeaders(null));
        assertEquals(Optional.empty(), TraceParent.fromHeaders(List.of()));
        assertEquals(Optional.empty(), TraceParent.fromHeaders(List.of(VALID, VALID)));
    }

    @Test
    void generatedTracesAreValidRandomAndSampled() {
        Set<String> traces = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            TraceParent t = TraceParent.generate();
            assertTrue(t.traceId().matches("[0-9a-f]{32}") && t.spanId().matches("[0-9a-f]{16}"), t.header());
            assertEquals(Optional.of(t), TraceParent.parse(t.header()));
            assertEquals("01", t.flags());
            traces.add(t.traceId());
        }
        assertEquals(1000, traces.size(), "1000 random 128-bit ids, all distinct");
    }

    @Test
    void aChildKeepsTheTraceIdAndFlagsWithANewSpanId() {
        TraceParent parent = TraceParent.parse("00-" + TRACE + "-" + SPAN + "-00").orElseThrow();
        TraceParent child = parent.child();
        assertEquals(TRACE, child.traceId());
        assertEquals("00", child.flags());
        assertNotEquals(SPAN, child.spanId());
        assertNotEquals(child.spanId(), parent.child().spanId());
        assertEquals(Optional.of(child), TraceParent.parse(child.header()));
    }

    @Test
    void anInvalidTraceCannotBeBuiltByHand() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TraceParent("0".repeat(32), SPAN, "01"));
        assertEquals("Trace context 00000000000000000000000000000000/00f067aa0ba902b7/01 is not valid: expected 32"
                + " and 16 lower-case hex digits, not all zero, and 2 hex digits of flags.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TraceParent(TRACE, SPAN, null));
    }
}
