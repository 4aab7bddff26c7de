package dev.lucidmetrics.core;

import dev.lucidmetrics.core.internal.CardinalityGuard;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds the simpleclient child for a metric's label values: prepends the app's common label values, caches the
 * child, and collapses combinations past the cardinality limit into the overflow child.
 */
final class Children<C> {
    private final String metric;
    private final List<String> labelNames;
    private final String[] commonValues;
    private final Function<String[], C> factory;
    private final CardinalityGuard guard;
    private final ConcurrentHashMap<LabelKey, C> cache = new ConcurrentHashMap<>();
    private final String[] overflowValues;
    private volatile C overflow;

    Children(String metric, List<String> labelNames, String[] commonValues, int limit, Function<String[], C> factory) {
        this.metric = metric;
        this.labelNames = labelNames;
        this.commonValues = commonValues;
        this.factory = factory;
        this.guard = new CardinalityGuard("label value combinations of \"" + metric + "\"", limit);
        this.overflowValues = new String[labelNames.size()];
        Arrays.fill(overflowValues, CardinalityGuard.OVERFLOW);
    }

    /** The child for these label values (one per label name, none null). */
    C get(String... values) {
        if (values.length != labelNames.size()) {
            throw new IllegalArgumentException("\"" + metric + "\" takes " + labelNames.size() + " label values "
                    + labelNames + " but got " + values.length + ": " + Arrays.toString(values) + ".");
        }
        LabelKey key = new LabelKey(values);
        C child = cache.get(key);
        if (child != null) {
            return child;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new IllegalArgumentException("Label \"" + labelNames.get(i) + "\" of \"" + metric
                        + "\" got a null value: pass a string (use \"none\" or \"unknown\" for absent values).");
            }
        }
        LabelKey owned = new LabelKey(values.clone()); // the caller may reuse its array
        if (!guard.admit(owned)) {
            return overflow();
        }
        return cache.computeIfAbsent(owned, k -> factory.apply(withCommon(k.values())));
    }

    /** The child every refused combination shares; created on first use so it is not exposed before then. */
    private C overflow() {
        C child = overflow;
        if (child == null) {
            synchronized (this) {
                child = overflow;
                if (child == null) {
                    child = factory.apply(withCommon(overflowValues.clone()));
                    overflow = child;
                }
            }
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
