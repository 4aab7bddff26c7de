package dev.lucidmetrics.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static Outcome ended(Outcome.Kind kind, int status, String marker, long millis) {
        return new Outcome(kind, status, marker, 0, true, 1, millis * 1_000_000, false);
    }

    @Test
    void countsResponsesByStatusFailuresByKindAndNearestRankPercentiles() {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 1; i <= 98; i++) {
            outcomes.add(ended(Outcome.Kind.RESPONSE, 200, "picture", i));
        }
        outcomes.add(ended(Outcome.Kind.RESPONSE, 500, "", 1000));
        outcomes.add(ended(Outcome.Kind.RESET, 0, "", 2000));
        Tally t = Tally.of(outcomes, Duration.ofSeconds(10));
        assertEquals(Map.of("200", 98L, "500", 1L), t.responsesByStatus());
        assertEquals(Map.of("reset", 1L), t.failuresByKind());
        assertEquals(Map.of("picture", 98L), t.byMarker());
        assertEquals(List.of(100L, 1L, 50.0, 1000.0, 2000.0, 10.0),
                List.of(t.requests(), t.failures(), t.p50Ms(), t.p99Ms(), t.maxMs(), t.perSecond()));
    }
}
