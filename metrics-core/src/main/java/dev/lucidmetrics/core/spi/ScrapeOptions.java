package dev.lucidmetrics.core.spi;

import dev.lucidmetrics.core.model.MetricType;

/** What one scrape asks of a backend, decided by the API: which families, and whether {@code _created} samples. */
public interface ScrapeOptions {

    /**
     * Whether the family the backend exposes as {@code familyName} (a counter's without {@code _total}) of
     * {@code type} is part of this scrape.
     */
    boolean includes(String familyName, MetricType type);

    /** Whether to expose the {@code _created} samples of counters, histograms and summaries. */
    boolean createdSeries();
}
