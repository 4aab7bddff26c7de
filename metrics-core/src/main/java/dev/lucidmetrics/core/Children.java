package dev.lucidmetrics.core;

import dev.lucidmetrics.core.internal.CardinalityGuard;
import io.prometheus.client.SimpleCollector;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds the series of a metric for its label values: prepends the app's common label values, caches the wrapped
 * simpleclient child, collapses combinations past the cardinality limit into the overflow series, and removes
 * series (which frees their place under the limit).
 *
 * @param <C> our wrapper of one simpleclient child
 */
final class Children<C> {
    private final String metric;
    private final List<String> labelNames;
    private final String[] commonValues;
    private final SimpleCollector<?> collector;
    private final Function<String[], C> factory;
    private final CardinalityGuard guard;
    private final ConcurrentHashMap<LabelKey, C> cache = new ConcurrentHashMap<>();
    private final String[] overflowValues;
    private volatile C overflow;

    /**
     * @param factory wraps {@code collector.labels(allValues)}, the simpleclient child for the full label values
     */
    Children(String metric, List<String> labelNames, String[] commonValues, int limit, SimpleCollector<?> collector,
            Function<String[], C> factory) {
        this.metric = metric;
        this.labelNames = labelNames;
        this.commonValues = commonValues;
        this.collector = collector;
        this.factory = factory;
        this.guard = new CardinalityGuard("label value combinations of \"" + metric + "\"", limit);
        this.overflowValues = new String[labelNames.size()];
        Arrays.fill(overflowValues, CardinalityGuard.OVERFLOW);
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
     * cached after simpleclient dropped it (the cached path above takes none).
     */
    private synchronized C create(LabelKey owned) {
        C child = cache.get(owned);
        if (child != null) {
            return child;
        }
        if (!guard.admit(owned)) {
            return overflow();
        }
        child = factory.apply(withCommon(owned.values()));
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
        guard.forget(key);
        if (Arrays.equals(values, overflowValues)) {
            overflow = null;
        }
        collector.remove(withCommon(values.clone()));
    }

    /** Removes every series and frees the whole limit. */
    synchronized void clear() {
        cache.clear();
        guard.clear();
        overflow = null;
        collector.clear();
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
            child = factory.apply(withCommon(overflowValues.clone()));
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
