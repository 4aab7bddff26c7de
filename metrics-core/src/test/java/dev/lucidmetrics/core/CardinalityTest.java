package dev.lucidmetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.internal.CardinalityGuard;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.LogCapture;
import dev.lucidmetrics.testing.MetricValues;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Past the label-combination limit every new combination lands in one OVERFLOW series, with one warning. */
@CompatibilityKit
class CardinalityTest {

    @Test
    void combinationsPastTheLimitCollapseToOverflowAndWarnOnce() {
        try (LogCapture log = new LogCapture(CardinalityGuard.class)) {
            combinationsCollapse(log);
        }
    }

    private static void combinationsCollapse(LogCapture log) {
        AppMetrics app = AppMetrics.builder("shop").build();
        Counter orders = app.counter("orders_total").help("Orders.").labelNames("country", "channel")
                .maxLabelCombinations(3).register();
        String[][] combinations = {{"de", "web"}, {"fr", "web"}, {"de", "app"}, {"it", "web"}, {"es", "app"},
            {"de", "web"}};
        for (String[] c : combinations) {
            orders.labels(c).inc();
        }
        MetricValues values = MetricValues.of(app);
        assertEquals(2.0, values.get("shop_orders_total", "country", "de", "channel", "web"));
        assertEquals(1.0, values.get("shop_orders_total", "country", "fr", "channel", "web"));
        assertEquals(2.0, values.get("shop_orders_total", "country", "OVERFLOW", "channel", "OVERFLOW"));
        assertEquals(4, values.seriesCount("shop_orders_total"));
        List<String> warnings = log.warnings();
        assertEquals(1, warnings.size(), "one warning, not one per refused value: " + warnings);
        assertTrue(warnings.get(0).contains("More than 3 distinct label value combinations of"
                + " \"shop_orders_total\""), warnings.get(0));
    }

    @Test
    void noOverflowSeriesIsExposedBeforeTheLimitIsReached() {
        AppMetrics app = AppMetrics.builder("shop").build();
        app.counter("orders_total").help("Orders.").labelNames("country").register().labels("de").inc();
        assertFalse(MetricValues.of(app).exists("shop_orders_total", "country", "OVERFLOW"));
        assertEquals(1, MetricValues.of(app).seriesCount("shop_orders_total"));
    }

    @Test
    void aReusedLabelArrayDoesNotCorruptTheAdmittedCombinations() {
        AppMetrics app = AppMetrics.builder("shop").build();
        Counter orders = app.counter("orders_total").help("Orders.").labelNames("country").maxLabelCombinations(1)
                .register();
        String[] values = {"de"};
        orders.labels(values).inc();
        values[0] = "fr";                 // the caller reuses its array
        orders.labels(values).inc();      // refused: the limit is 1
        orders.labels("de").inc();        // still admitted
        MetricValues m = MetricValues.of(app);
        assertEquals(2.0, m.get("shop_orders_total", "country", "de"));
        assertEquals(1.0, m.get("shop_orders_total", "country", "OVERFLOW"));
    }
}
