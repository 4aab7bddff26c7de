package dev.lucidmetrics.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lucidmetrics.core.model.HistogramKind;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** METRICS_HISTOGRAM_KIND: its three values in any case, unset staying unset, and a bad value named. */
class HistogramKindSettingTest {

    private static MetricsConfig with(String value) {
        return MetricsConfig.from(EnvConfig.of(Map.of("METRICS_HISTOGRAM_KIND", value)));
    }

    @Test
    void theThreeKindsParseInAnyCaseAndUnsetStaysUnset() {
        assertEquals(Optional.of(HistogramKind.CLASSIC), with("classic").histogramKind());
        assertEquals(Optional.of(HistogramKind.NATIVE), with("Native").histogramKind());
        assertEquals(Optional.of(HistogramKind.BOTH), with(" BOTH ").histogramKind());
        assertEquals(Optional.empty(), MetricsConfig.from(EnvConfig.of(Map.of())).histogramKind());
        assertEquals("MetricsConfig{histogramKind=both}", with("both").toString());
    }

    @Test
    void aBadValueFailsNamingTheVariableAndTheAcceptedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> with("exponential"));
        assertEquals("METRICS_HISTOGRAM_KIND=\"exponential\" is not valid: expected classic, native or both.",
                e.getMessage());
    }

    @Test
    void theExplicitSettingWinsOverTheFallback() {
        MetricsConfig own = MetricsConfig.builder().histogramKind(HistogramKind.CLASSIC).build();
        assertEquals(Optional.of(HistogramKind.CLASSIC), own.orElse(with("native")).histogramKind());
        assertEquals(Optional.of(HistogramKind.NATIVE), MetricsConfig.empty().orElse(with("native")).histogramKind());
    }
}
