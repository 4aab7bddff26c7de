package dev.lucidmetrics.core.spi;

/** One summary series in a backend's storage. */
public interface SummarySeries {

    /** Records one observation. */
    void observe(double value);

    /** Observations so far. */
    long count();

    /** Sum of the observations so far. */
    double sum();
}
