package dev.lucidmetrics.core.spi;

/**
 * How a histogram family counts: its classic bucket bounds (finite, strictly increasing; {@code +Inf} is the
 * backend's to add) and whether it samples exemplars from the current trace.
 */
public record HistogramSpec(double[] buckets, boolean sampledExemplars) {

    public HistogramSpec {
        buckets = buckets.clone();
    }

    @Override
    public double[] buckets() {
        return buckets.clone();
    }
}
