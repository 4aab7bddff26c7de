package dev.lucidmetrics.reliability;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a set of outcomes adds up to: complete responses by status (and by what their bodies showed), every other
 * ending by kind, and latency percentiles (nearest rank, over every request however it ended).
 */
record Tally(long requests, Map<String, Long> responsesByStatus, Map<String, Long> failuresByKind,
        Map<String, Long> byMarker, double p50Ms, double p99Ms, double maxMs, double perSecond) {

    static Tally of(Collection<Outcome> outcomes, Duration elapsed) {
        Map<String, Long> statuses = new TreeMap<>();
        Map<String, Long> failures = new TreeMap<>();
        Map<String, Long> markers = new TreeMap<>();
        long[] latencies = new long[outcomes.size()];
        int i = 0;
        for (Outcome o : outcomes) {
            latencies[i++] = o.latencyNanos();
            if (o.complete()) {
                statuses.merge(Integer.toString(o.status()), 1L, Long::sum);
                if (!o.marker().isEmpty()) {
                    markers.merge(o.marker(), 1L, Long::sum);
                }
            } else {
                failures.merge(o.kind().name().toLowerCase(), 1L, Long::sum);
            }
        }
        Arrays.sort(latencies);
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
        double max = latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6;
        return new Tally(outcomes.size(), statuses, failures, markers, rank(latencies, 0.50), rank(latencies, 0.99),
                Math.round(max * 100) / 100.0, Math.round(outcomes.size() / seconds * 10) / 10.0);
    }

    /** Nearest-rank percentile in milliseconds; 0 for no data. */
    static double rank(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sortedNanos.length) - 1;
        return Math.round(sortedNanos[Math.max(0, index)] / 1e4) / 100.0;
    }

    long responses() {
        return responsesByStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    long failures() {
        return requests - responses();
    }

    long failures(Outcome.Kind kind) {
        return failuresByKind.getOrDefault(kind.name().toLowerCase(), 0L);
    }
}
