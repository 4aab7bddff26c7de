package dev.lucidmetrics.core.exposition;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.IndependentParser;
import dev.lucidmetrics.core.support.Scrapes;
import org.junit.jupiter.api.Test;

/**
 * A labelled metric registered before its first series is in the scrape as its HELP and TYPE: a dashboard or a
 * catalogue built from scrapes knows the family before the first error happens.
 */
@CompatibilityKit
class EmptyFamiliesTest {

    @Test
    void aLabelledCounterWithNoSeriesYetIsListedByHelpAndType() {
        AppMetrics app = AppMetrics.builder("shop").build();
        app.counter("errors_total").help("Errors, by kind.").labelNames("kind").register();
        String text = Scrapes.text(app);
        assertTrue(text.contains("# HELP shop_errors_total Errors, by kind.\n"), text);
        assertTrue(text.contains("# TYPE shop_errors_total counter\n"), text);
        String om = Scrapes.openMetrics(app);
        assertTrue(om.contains("# TYPE shop_errors counter\n# HELP shop_errors Errors, by kind.\n"), om);
        IndependentParser.samples(om);   // a family without samples is valid OpenMetrics: the strict parser takes it
    }
}
