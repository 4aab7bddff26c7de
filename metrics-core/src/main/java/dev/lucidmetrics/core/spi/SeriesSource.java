package dev.lucidmetrics.core.spi;

import java.util.function.BiConsumer;

/**
 * The series of one family as the API records them. The API's cache of series is then their only record: a backend
 * family that scrapes from here keeps no map of its own, which saves a map entry and a key per series.
 *
 * @param <S> the series type
 */
public interface SeriesSource<S> {

    /**
     * Calls {@code action} with each series and its full label values (common ones first), the overflow series
     * included once it exists. The array may be the API's own: read it during the call or copy it, never write it.
     */
    void forEach(BiConsumer<String[], S> action);

    /** How many series exist now, for presizing a scrape's list. */
    int size();
}
