package dev.lucidmetrics.core.spi;

/** The one series of an info family: its value is 1, its labels the facts. */
public interface InfoSeries {

    /** Replaces the facts with these label values (common labels first): never two series at once. */
    void set(String[] labelValues);
}
