package dev.lucidmetrics.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** What the filter refuses where it is built (its behaviour on servers is {@link HttpBehaviourSuite}'s). */
class MetricsFilterTest {

    @Test
    void aFilterWithoutMetricsIsRefusedSayingWhatToPass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricsFilter.of(null));
        assertEquals("http is null: pass the HttpServerMetrics registered for the app,"
                + " HttpServerMetrics.builder(app).routes(...).register().", e.getMessage());
    }
}
