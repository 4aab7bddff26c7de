package dev.lucidmetrics.core;

import dev.lucidmetrics.core.internal.CardinalityGuard;
import dev.lucidmetrics.core.spi.SeriesFamily;
import dev.lucidmetrics.core.spi.SeriesSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The series of one metric by label values: prepends the app's common label values, caches each series (this map
 * is the only record of which series exist), collapses combinations past the cardinality limit into the overflow
 * series, and removes series, which frees their place under the limit. The backend stores the values.
 *
 * @param <C> our type of one series
 */
final class Children<C> {

    /** Where the series' values live: a backend's family, each series wrapped in our type of one series. */
    interface Backing<C> {
        /** A new series for the full label values (common ones first). */
        C create(String[] allValues);

        /** The series for these full label values was removed. */
        void removed(String[] allValues);

        /** Every series was removed. */
        void cleared();

        /** The series of a backend family, each wrapped by {@code wrap}, removed and cleared with ours. */
        static <S, C> Backing<C> of(SeriesFamily<S> family, Function<S, C> wrap) {
            return new Backing<>() {
                @Override
                public C create(String[] allValues) {
                    return wrap.apply(family.series(allValues));
                }

                @Override
                public void removed(String[] allValues) {
                    family.remove(allValues);
                }

                @Override
                public void cleared() {
                    family.clear();
                }
            };
        }

        /**
         * The series of a backend family that scrapes the ones the cache holds ({@code family} gets them as a
         * {@link SeriesSource}) and keeps no record of its own: nothing to remove or clear there.
         */
        static <S, C> Function<Children<C>, Backing<C>> recorded(Function<SeriesSource<S>, Supplier<S>> family,
                Function<S, C> wrap, Function<C, S> unwrap) {
            return children -> {
                Supplier<S> storage = family.apply(children.source(unwrap));
                return new Backing<>() {
                    @Override
                    public C create(String[] allValues) {
                        return wrap.apply(storage.get());
                    }

                    @Override
                    public void removed(String[] allValues) {
                    }

                    @Override
                    public void cleared() {
                    }
                };
            };
        }
    }

    private final String metric;
    private final List<String> labelNames;
    private final String[] commonValues;
    private final Backing<C> backing;
    private final CardinalityGuard guard;
    private final ConcurrentHashMap<LabelKey, C> cache = new ConcurrentHashMap<>();
    private final String[] overflowValues;
    private volatile C overflow;

    /** @param backing the backing of these children, made last (a recorded one scrapes them) */
    Children(String metric, List<String> labelNames, String[] commonValues, int limit,
            Function<Children<C>, Backing<C>> backing) {
        this.metric = metric;
        this.labelNames = labelNames;
        this.commonValues = commonValues;
        this.guard = new CardinalityGuard("label value combinations of \"" + metric + "\"", limit);
        this.overflowValues = new String[labelNames.size()];
        Arrays.fill(overflowValues, CardinalityGuard.OVERFLOW);
        this.backing = backing.apply(this);
    }

    /** The child for these label values (one per label name, none null). */
    C get(String... values) {
        LabelKey key = key(values);
        C child = cache.get(key);
        if (child != null) {
            return child;
        }
        requireValues(values);
        return create(new LabelKey(values.clone()));   // the caller may reuse its array
    }

    /**
     * A miss: admit and create the series. Misses, removals and clears take one lock, so that a series is never
     * cached after its backing dropped it (the cached path above takes none).
     */
    private synchronized C create(LabelKey owned) {
        C child = cache.get(owned);
        if (child != null) {
            return child;
        }
        if (!guard.hasRoom(cache.size(), owned)) {
            return overflow();
        }
        child = backing.create(withCommon(owned.values()));
        cache.put(owned, child);
        return child;
    }

    /**
     * Removes the series for these values (no-op when it does not exist) and frees its place under the limit. A
     * child taken before keeps working but is no longer exported; {@code get} gives a new one.
     */
    synchronized void remove(String... values) {
        LabelKey key = key(values);
        requireValues(values);
        cache.remove(key);
        if (Arrays.equals(values, overflowValues)) {
            overflow = null;
        }
        backing.removed(withCommon(values.clone()));
    }

    /** Removes every series and frees the whole limit. */
    synchronized void clear() {
        cache.clear();
        overflow = null;
        backing.cleared();
    }

    /** Every series with its full label values (common ones first), the overflow series included once it exists. */
    void forEach(BiConsumer<List<String>, C> action) {
        for (Map.Entry<LabelKey, C> e : cache.entrySet()) {
            action.accept(Arrays.asList(withCommon(e.getKey().values())), e.getValue());
        }
        C spill = overflow;
        if (spill != null) {
            action.accept(Arrays.asList(withCommon(overflowValues.clone())), spill);
        }
    }

    /**
     * Every series as {@code unwrap} gives its storage, for a backend family that scrapes them: without common labels
     * it hands out each key's own values (read-only by {@link SeriesSource}'s contract), so a scrape copies nothing.
     */
    <S> SeriesSource<S> source(Function<C, S> unwrap) {
        return new SeriesSource<>() {
            @Override
            public void forEach(BiConsumer<String[], S> action) {
                for (Map.Entry<LabelKey, C> e : cache.entrySet()) {
                    action.accept(withCommon(e.getKey().shared()), unwrap.apply(e.getValue()));
                }
                C spill = overflow;
                if (spill != null) {
                    action.accept(withCommon(overflowValues), unwrap.apply(spill));
                }
            }

            @Override
            public int size() {
                return Children.this.size();
            }
        };
    }

    /** How many series exist now, for presizing a scrape's list. */
    int size() {
        return cache.size() + (overflow == null ? 0 : 1);
    }

    /** The cache key; checks only the count, so that a cache hit costs no more (nulls are checked on a miss). */
    private LabelKey key(String[] values) {
        if (values.length != labelNames.size()) {
            throw new IllegalArgumentException("\"" + metric + "\" takes " + labelNames.size() + " label values "
                    + labelNames + " but got " + values.length + ": " + Arrays.toString(values) + ".");
        }
        return new LabelKey(values);
    }

    private void requireValues(String[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new IllegalArgumentException("Label \"" + labelNames.get(i) + "\" of \"" + metric
                        + "\" got a null value: pass a string (use \"none\" or \"unknown\" for absent values).");
            }
        }
    }

    /** The child every refused combination shares; created on first use so it is not exposed before then. Locked. */
    private C overflow() {
        C child = overflow;
        if (child == null) {
            child = backing.create(withCommon(overflowValues.clone()));
            overflow = child;
        }
        return child;
    }

    private String[] withCommon(String[] values) {
        if (commonValues.length == 0) {
            return values;
        }
        String[] all = Arrays.copyOf(commonValues, commonValues.length + values.length);
        System.arraycopy(values, 0, all, commonValues.length, values.length);
        return all;
    }
}
