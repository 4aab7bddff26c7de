package dev.lucidmetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.testing.MetricValues;
import java.util.List;
import org.junit.jupiter.api.Test;

/** remove() and clear() take series out of the exposition and give their places under the cap back. */
@CompatibilityKit
class SeriesLifecycleTest {

    private final AppMetrics app = AppMetrics.builder("shop").build();
    private final MetricValues values = MetricValues.of(app);

    @Test
    void removeTakesOneSeriesOutAndClearTakesThemAll() {
        Gauge sessions = app.gauge("tenant_sessions").help("Open sessions by tenant.").labelNames("tenant")
                .register();
        sessions.labels("acme").set(3);
        sessions.labels("globex").set(5);
        sessions.remove("acme");
        assertFalse(values.exists("shop_tenant_sessions", "tenant", "acme"));
        assertEquals(5.0, values.get("shop_tenant_sessions", "tenant", "globex"));
        sessions.remove("never-seen");                          // nothing to remove: no error
        sessions.clear();
        assertEquals(0, values.seriesCount("shop_tenant_sessions"));
        sessions.labels("acme").inc();                          // a removed series comes back from zero
        assertEquals(1.0, values.get("shop_tenant_sessions", "tenant", "acme"));
    }

    @Test
    void aRemovedSeriesFreesItsPlaceUnderTheCap() {
        Counter logins = app.counter("logins_total").help("Logins by tenant.").labelNames("tenant")
                .maxLabelCombinations(2).register();
        logins.labels("a").inc();
        logins.labels("b").inc();
        logins.labels("c").inc();                               // over the cap
        assertEquals(1.0, values.get("shop_logins_total", "tenant", "OVERFLOW"));
        logins.remove("a");
        logins.labels("d").inc();                               // the freed place
        assertEquals(1.0, values.get("shop_logins_total", "tenant", "d"));
        assertEquals(1.0, values.get("shop_logins_total", "tenant", "OVERFLOW"), "d is not OVERFLOW");
        logins.clear();
        logins.labels("x").inc();
        logins.labels("y").inc();
        assertEquals(List.of("x", "y"), values.labelValues("shop_logins_total", "tenant"));
    }

    @Test
    void theOverflowSeriesCanBeRemovedToo() {
        Counter logins = app.counter("logins_total").help("Logins by tenant.").labelNames("tenant")
                .maxLabelCombinations(1).register();
        logins.labels("a").inc();
        logins.labels("b").inc();
        logins.remove("OVERFLOW");
        assertFalse(values.exists("shop_logins_total", "tenant", "OVERFLOW"));
        logins.labels("c").inc();
        assertEquals(1.0, values.get("shop_logins_total", "tenant", "OVERFLOW"), "created again when needed");
    }

    @Test
    void everyLabelledTypeCanRemoveAndClear() {
        Histogram h = app.histogram("wait_seconds").help("Waits.").labelNames("k").register();
        Summary s = app.summary("payload_bytes").help("Payloads.").labelNames("k").register();
        h.labels("x").observe(1);
        s.labels("x").observe(1);
        h.remove("x");
        s.clear();
        assertFalse(values.exists("shop_wait_seconds_count", "k", "x"));
        assertFalse(values.exists("shop_payload_bytes_count", "k", "x"));
    }

    @Test
    void removeAndClearAreForLabelledMetricsAndCheckTheirValues() {
        Counter plain = app.counter("plain_total").help("Plain.").register();
        assertEquals("\"shop_plain_total\" has no label names, so it has one series and nothing to clear: clear() is"
                + " for labelled metrics.", assertThrows(IllegalStateException.class, plain::clear).getMessage());
        assertThrows(IllegalStateException.class, () -> plain.remove());
        Counter labelled = app.counter("l_total").help("L.").labelNames("a", "b").register();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> labelled.remove("only-one")).getMessage()
                .startsWith("\"shop_l_total\" takes 2 label values [a, b] but got 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> labelled.remove("x", null)).getMessage()
                .startsWith("Label \"b\" of \"shop_l_total\" got a null value"));
    }

    @Test
    void aKeptChildStopsBeingExportedAfterRemove() {
        Counter jobs = app.counter("jobs_total").help("Jobs.").labelNames("queue").register();
        Counter.Child kept = jobs.labels("mail");
        kept.inc();
        jobs.remove("mail");
        kept.inc();
        assertFalse(values.exists("shop_jobs_total", "queue", "mail"));
        jobs.labels("mail").inc();
        assertEquals(1.0, values.get("shop_jobs_total", "queue", "mail"));
    }
}
