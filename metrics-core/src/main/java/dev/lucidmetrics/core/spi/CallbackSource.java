package dev.lucidmetrics.core.spi;

/**
 * The samples of a callback family, read at each scrape. The API's implementation asks the application, checks
 * every value and label combination, and never throws: a failing reporter leaves the family without samples.
 */
@FunctionalInterface
public interface CallbackSource {

    /** Reports this scrape's samples to {@code sink}. */
    void read(Sink sink);

    /** Where {@link #read} puts one sample. */
    @FunctionalInterface
    interface Sink {
        /** One sample: its value and its label values, one per label name of the family (common labels first). */
        void sample(double value, String[] labelValues);
    }
}
