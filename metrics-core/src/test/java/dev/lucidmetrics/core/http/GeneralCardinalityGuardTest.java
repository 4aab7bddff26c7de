package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.Histogram;
import dev.lucidmetrics.core.internal.CardinalityGuard;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.LogCapture;
import dev.lucidmetrics.testing.MetricValues;
import org.junit.jupiter.api.Test;

/** The guard behind the route cap works for any labelled metric of the factories (documented in docs/http.md). */
@CompatibilityKit
class GeneralCardinalityGuardTest {

    @Test
    void labelCombinationsPastAMetricsLimitCollapseIntoOverflowWithOneWarning() {
        AppMetrics app = AppMetrics.builder("jobs").build();
        Counter done = app.counter("done_total").help("Jobs done, by queue.").labelNames("queue")
                .maxLabelCombinations(3).register();
        try (LogCapture log = new LogCapture(CardinalityGuard.class)) {
            for (int i = 0; i < 10; i++) {
                done.labels("queue-" + i).inc();
            }
            done.labels("queue-0").inc();
            MetricValues values = MetricValues.of(app);
            assertEquals(2.0, values.get("jobs_done_total", "queue", "queue-0"));
            assertEquals(7.0, values.get("jobs_done_total", "queue", "OVERFLOW"));
            assertEquals(4, values.seriesCount("jobs_done_total"));
            assertEquals(1, log.warnings().size(), log.warnings()::toString);
            assertTrue(log.warnings().get(0).startsWith("More than 3 distinct label value combinations of"
                    + " \"jobs_done_total\"; new values are recorded as \"OVERFLOW\"."), log.warnings().get(0));
        }
    }

    @Test
    void theAppWideDefaultLimitAppliesToEveryLabelledMetric() {
        AppMetrics app = AppMetrics.builder("jobs").maxLabelCombinations(2).build();
        Histogram h = app.histogram("run_duration_seconds").help("Job run time.").labelNames("job", "result")
                .register();
        try (LogCapture log = new LogCapture(CardinalityGuard.class)) {
            h.labels("a", "ok").observe(1);
            h.labels("a", "failed").observe(1);
            h.labels("b", "ok").observe(1);
            MetricValues values = MetricValues.of(app);
            assertEquals(1.0, values.get("jobs_run_duration_seconds_count", "job", "OVERFLOW", "result", "OVERFLOW"));
            assertEquals(1, log.warnings().size());
        }
    }
}
