package dev.lucidmetrics.core.spi;

/** One counter series in a backend's storage; the API checks amounts and exemplar labels first. */
public interface CounterSeries {

    /** Adds one. */
    void inc();

    /** Adds {@code amount}, which is finite and not negative. */
    void inc(double amount);

    /** Adds {@code amount} and makes it the series' exemplar with these label name/value pairs (checked). */
    void incWithExemplar(double amount, String[] exemplarLabels);

    /** The current value. */
    double get();
}
