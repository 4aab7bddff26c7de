package dev.lucidmetrics.core.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.naming.TextExposition.Family;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus parser reads families the way the text format 0.0.4 defines them. */
class TextExpositionTest {

    @Test
    void familiesTakeNameTypeHelpAndTheLabelNamesOfTheirOwnSeries() {
        String text = String.join("\n",
                "# HELP req_seconds Latency, with \\\\ and \\n escapes.",
                "# TYPE req_seconds histogram",
                "req_seconds_bucket{route=\"/a,b}\",le=\"0.1\"} 1",
                "req_seconds_bucket{route=\"say \\\"hi\\\"\",le=\"+Inf\"} 2",
                "req_seconds_sum{route=\"/a\"} 0.3",
                "req_seconds_count{route=\"/a\"} 2",
                "# TYPE rpc_duration summary",
                "rpc_duration{quantile=\"0.5\"} 1",
                "rpc_duration_sum 2",
                "# TYPE odd gauge",
                "odd{le=\"1\", quantile=\"2\"} 3 1700000000000",
                "# A comment.",
                "loose_total{a=\"1\"} 1",
                "");
        assertEquals(List.of(
                new Family("req_seconds", "histogram", "Latency, with \\ and \n escapes.", List.of(List.of("route"))),
                new Family("rpc_duration", "summary", null, List.of(List.of())),
                new Family("odd", "gauge", null, List.of(List.of("le", "quantile"))),
                new Family("loose_total", "untyped", null, List.of(List.of("a")))),
                TextExposition.parse(text));
    }

    @Test
    void aFamilyWithoutSamplesHasNoLabelSets() {
        assertEquals(List.of(new Family("empty_total", "counter", "None yet.", List.of())),
                TextExposition.parse("# HELP empty_total None yet.\n# TYPE empty_total counter\n"));
    }

    @Test
    void malformedSampleLinesAreErrorsNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextExposition.parse("# TYPE x gauge\nx{a=\"1\" b=\"2\"} 1\n"));
        assertTrue(e.getMessage().startsWith("line 2 is not text format 0.0.4"), e.getMessage());
    }
}
