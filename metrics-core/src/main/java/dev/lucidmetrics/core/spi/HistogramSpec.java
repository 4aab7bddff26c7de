package dev.lucidmetrics.core.spi;

import dev.lucidmetrics.core.model.HistogramKind;

/**
 * How a histogram family counts: its classic bucket bounds (finite, strictly increasing; {@code +Inf} is the
 * backend's to add), whether it samples exemplars from the current trace, and its {@link HistogramKind} (a backend
 * gets a native kind only when {@link Backend#refusal(HistogramKind)} allows it).
 */
public record HistogramSpec(double[] buckets, boolean sampledExemplars, HistogramKind kind) {

    public HistogramSpec {
        buckets = buckets.clone();
        if (kind == null) {
            throw new IllegalArgumentException("kind is null: pass HistogramKind.CLASSIC for classic buckets only");
        }
    }

    /** Classic buckets only. */
    public HistogramSpec(double[] buckets, boolean sampledExemplars) {
        this(buckets, sampledExemplars, HistogramKind.CLASSIC);
    }

    @Override
    public double[] buckets() {
        return buckets.clone();
    }
}
