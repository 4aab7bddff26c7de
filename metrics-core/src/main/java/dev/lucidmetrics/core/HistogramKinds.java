package dev.lucidmetrics.core;

import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.model.HistogramKind;
import dev.lucidmetrics.core.spi.Backend;

/**
 * Which {@link HistogramKind} a histogram gets, and the start-up refusal when the backend cannot count it: one place
 * for the precedence (the histogram's {@code kind(...)}, else the app's {@code histogramKind(...)}, else
 * {@code METRICS_HISTOGRAM_KIND}, else classic) and for the message, which quotes what asked for the kind.
 */
final class HistogramKinds {

    private HistogramKinds() {
    }

    /**
     * The app's default kind: {@code explicit} (the app builder's call), else the setting, else classic.
     *
     * @throws IllegalArgumentException when the backend refuses it, quoting the call or the setting (a bad value
     *         for this backend, as an invalid setting is)
     */
    static HistogramKind appDefault(HistogramKind explicit, MetricsConfig config, Backend backend) {
        HistogramKind kind = explicit != null ? explicit : config.histogramKind().orElse(HistogramKind.CLASSIC);
        String refusal = backend.refusal(kind);
        if (refusal != null) {
            String asked = explicit != null ? "histogramKind(HistogramKind." + kind + ")"
                    : "METRICS_HISTOGRAM_KIND=\"" + kind.settingValue() + "\"";
            throw new IllegalArgumentException(asked + " asks for native histograms, but " + refusal);
        }
        return kind;
    }

    /**
     * The kind of histogram {@code name}: {@code explicit} (its builder's call), else the app's default (already
     * accepted by the backend).
     *
     * @throws IllegalArgumentException when the backend refuses the explicit kind, quoting the histogram and the call
     */
    static HistogramKind of(String name, HistogramKind explicit, HistogramKind appDefault, Backend backend) {
        if (explicit == null) {
            return appDefault;
        }
        String refusal = backend.refusal(explicit);
        if (refusal != null) {
            throw new IllegalArgumentException("Histogram \"" + name + "\": kind(HistogramKind." + explicit
                    + ") asks for a native histogram, but " + refusal);
        }
        return explicit;
    }
}
