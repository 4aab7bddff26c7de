package dev.lucidmetrics.core.spi;

/** One histogram series in a backend's storage. */
public interface HistogramSeries {

    /** Records one observation. */
    void observe(double value);

    /** Records one observation and makes it the exemplar of its bucket, with these label pairs (checked). */
    void observeWithExemplar(double value, String[] exemplarLabels);

    /** Observations so far. */
    long count();

    /** Sum of the observations so far. */
    double sum();
}
