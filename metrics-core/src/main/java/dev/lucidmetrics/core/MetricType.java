package dev.lucidmetrics.core;

/** The kinds of metric the factories build; used in naming findings. */
public enum MetricType {
    COUNTER("Counter"), GAUGE("Gauge"), HISTOGRAM("Histogram"), SUMMARY("Summary"), INFO("Info metric"),
    UNKNOWN("Metric");

    private final String label;

    MetricType(String label) {
        this.label = label;
    }

    /** The type as a word for messages, such as {@code "Counter"}. */
    public String label() {
        return label;
    }
}
