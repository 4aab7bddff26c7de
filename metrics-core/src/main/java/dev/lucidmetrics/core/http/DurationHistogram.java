package dev.lucidmetrics.core.http;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Histogram;
import dev.lucidmetrics.core.internal.Buckets;

/** The duration histogram options both HTTP facades offer, and its registration: one place for both. */
final class DurationHistogram {

    private double[] buckets;
    private boolean sampledExemplars;

    /** Checks and keeps the upper bounds of {@code family}'s buckets (named in the message). */
    void buckets(String family, double... upperBounds) {
        this.buckets = Buckets.check("durationBuckets", family, upperBounds);
    }

    void withExemplars() {
        this.sampledExemplars = true;
    }

    /** Registers {@code <ns>_<name>} with these options (idempotent per app, as every registration). */
    Histogram register(AppMetrics app, String name, String help, String... labelNames) {
        Histogram.Builder b = app.histogram(name).help(help).labelNames(labelNames);
        b = buckets == null ? b : b.buckets(buckets);
        return (sampledExemplars ? b.withExemplars() : b).register();
    }
}
