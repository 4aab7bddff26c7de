package dev.lucidmetrics.core.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admits the first {@code limit} distinct values it is asked about and refuses the rest, logging one warning the
 * first time it refuses, and forgets a value when told it is gone. Used for label combinations of a metric and for
 * HTTP route and target values. Internal.
 */
public final class CardinalityGuard {

    /** The label value that stands for every value refused by a guard. */
    public static final String OVERFLOW = "OVERFLOW";

    private static final System.Logger LOG = System.getLogger(CardinalityGuard.class.getName());

    private final String what;
    private final int limit;
    private final Set<Object> admitted = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * @param what  names the guarded thing in the warning, such as {@code "label values of \"app_requests_total\""}
     * @param limit how many distinct values are admitted; the builders check it is at least 1
     */
    public CardinalityGuard(String what, int limit) {
        this.what = what;
        this.limit = limit;
    }

    /** True when {@code value} is admitted (seen before, or room is left); false when it must collapse. */
    public boolean admit(Object value) {
        if (admitted.contains(value)) {
            return true;
        }
        synchronized (this) {
            if (admitted.size() < limit) {
                admitted.add(value);
                return true;
            }
        }
        if (warned.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "More than " + limit + " distinct " + what + "; new values are"
                    + " recorded as \"" + OVERFLOW + "\". First refused value: " + value
                    + ". Use a template or a bounded set of values for this label.");
        }
        return false;
    }

    /** Forgets {@code value}, so that it no longer counts against the limit (its series was removed). */
    public synchronized void forget(Object value) {
        admitted.remove(value);
    }

    /** Forgets every admitted value (the metric was cleared). */
    public synchronized void clear() {
        admitted.clear();
    }

    /** How many distinct values have been admitted. */
    public int size() {
        return admitted.size();
    }

    public int limit() {
        return limit;
    }
}
