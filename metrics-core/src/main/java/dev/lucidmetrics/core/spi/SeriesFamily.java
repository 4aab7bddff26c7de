package dev.lucidmetrics.core.spi;

/**
 * The series of one family, by label values. The API caches what {@link #series} returns and keeps its own record
 * of which series exist (for the cap on label combinations); it calls {@link #remove} and {@link #clear} so the
 * backend drops what it exposes too.
 *
 * @param <S> the series type
 */
public interface SeriesFamily<S> {

    /** The series for these label values, one per label name (common labels first), none null. */
    S series(String[] labelValues);

    /** Stops exposing the series for these label values; nothing happens when there is none. */
    void remove(String[] labelValues);

    /** Stops exposing every series. */
    void clear();
}
