package dev.lucidmetrics.core.http;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Histogram;
import dev.lucidmetrics.core.internal.Buckets;
import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.model.HistogramKind;

/** The duration histogram options both HTTP facades offer, and its registration: one place for both. */
final class DurationHistogram {

    private double[] buckets;
    private boolean sampledExemplars;
    private HistogramKind kind;

    /** Checks and keeps the upper bounds of {@code family}'s buckets (named in the message). */
    void buckets(String family, double... upperBounds) {
        this.buckets = Buckets.check("durationBuckets", family, upperBounds);
    }

    void kind(HistogramKind kind) {
        this.kind = Checks.notNull("durationKind", kind, "pass HistogramKind.CLASSIC, NATIVE or BOTH");
    }

    void withExemplars() {
        this.sampledExemplars = true;
    }

    /** Registers {@code <ns>_<name>} with these options (idempotent per app, as every registration). */
    Histogram register(AppMetrics app, String name, String help, String... labelNames) {
        Histogram.Builder b = app.histogram(name).help(help).labelNames(labelNames);
        b = buckets == null ? b : b.buckets(buckets);
        b = kind == null ? b : b.kind(kind);
        return (sampledExemplars ? b.withExemplars() : b).register();
    }
}
