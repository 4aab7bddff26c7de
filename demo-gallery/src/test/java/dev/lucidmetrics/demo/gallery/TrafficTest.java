package dev.lucidmetrics.demo.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficTest {

    @Test
    void sendsNRequestsAndCountsEveryStatus() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        try (Stub target = new Stub("/", 500, "Failed")) {
            Traffic.Summary s = Traffic.run(URI.create(target.url("/")), 40, 4,
                    new PrintStream(progress, true, StandardCharsets.UTF_8));
            assertEquals(40, s.requests());
            assertEquals(Map.of("500", 40), s.statuses());
            assertEquals(40, target.bodies.size());
            assertTrue(s.p50Nanos() > 0 && s.p50Nanos() <= s.p99Nanos());
            assertTrue(progress.toString(StandardCharsets.UTF_8).contains("\r40/40 done"), progress.toString());
            assertTrue(s.describe().contains("status   500: 40"), s.describe());
        }
    }

    @Test
    void unreachableTargetsAreCountedAsErrors() throws Exception {
        Traffic.Summary s = Traffic.run(URI.create(Stub.deadUrl("/")), 3, 5,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(Map.of("error", 3), s.statuses());
    }

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertEquals(50, Traffic.rank(sorted, 0.50));
        assertEquals(99, Traffic.rank(sorted, 0.99));
        assertEquals(7, Traffic.rank(new long[] {7}, 0.99));
    }
}
