package dev.lucidmetrics.core.internal;

/** The kinds of metric the factories build, with the word naming findings use for each. Internal. */
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
