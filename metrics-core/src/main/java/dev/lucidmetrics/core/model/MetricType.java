package dev.lucidmetrics.core.model;

/** The kinds of metric, with the word naming findings use for each; {@link #UNKNOWN} for metrics of other libraries. */
public enum MetricType {
    COUNTER("Counter"), GAUGE("Gauge"), HISTOGRAM("Histogram"), SUMMARY("Summary"), INFO("Info metric"),
    UNKNOWN("Metric");

    private final String displayName;

    MetricType(String displayName) {
        this.displayName = displayName;
    }

    /** The type as a word for messages, such as {@code "Counter"}. */
    public String displayName() {
        return displayName;
    }
}
