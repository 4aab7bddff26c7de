package dev.lucidmetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.support.CompatibilityKit;
import org.junit.jupiter.api.Test;

/** A gauge can count blocks in progress and hold a point in time. */
@CompatibilityKit
class GaugeTrackingTest {

    private final AppMetrics app = AppMetrics.builder("shop").build();

    @Test
    void trackingGoesUpOnEntryAndDownOnExitWhateverHappens() {
        Gauge exports = app.gauge("exports_in_progress").help("Exports running now.").register();
        try (Gauge.InProgress outer = exports.trackInProgress()) {
            assertEquals(1.0, exports.get());
            try (Gauge.InProgress inner = exports.trackInProgress()) {
                assertEquals(2.0, exports.get());
            }
            assertEquals(1.0, exports.get());
        }
        assertEquals(0.0, exports.get());
        assertThrows(IllegalStateException.class, () -> {
            try (Gauge.InProgress p = exports.trackInProgress()) {
                throw new IllegalStateException("export failed");
            }
        });
        assertEquals(0.0, exports.get(), "an exception still takes the block off");
    }

    @Test
    void closingTwiceTakesOffOnce() {
        Gauge g = app.gauge("jobs_in_progress").help("Jobs running.").labelNames("queue").register();
        Gauge.InProgress p = g.labels("mail").trackInProgress();
        p.close();
        p.close();
        assertEquals(0.0, g.labels("mail").get());
    }

    @Test
    void setToCurrentTimeHoldsUnixSeconds() {
        Gauge last = app.gauge("last_export_timestamp_seconds").help("When the last export ran.").register();
        double before = System.currentTimeMillis() / 1000.0;
        last.setToCurrentTime();
        double after = System.currentTimeMillis() / 1000.0;
        assertTrue(last.get() >= Math.floor(before) && last.get() <= after, before + " <= " + last.get() + " <= "
                + after);
    }
}
