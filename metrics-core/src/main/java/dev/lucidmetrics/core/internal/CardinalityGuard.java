package dev.lucidmetrics.core.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admits the first {@code limit} distinct values it is asked about and refuses the rest, logging one warning the
 * first time it refuses. Used for HTTP route and target values, and (counting only, see {@link #hasRoom}) for the
 * label combinations of a metric. Internal.
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
        warnOnce(value);
        return false;
    }

    /**
     * For a caller that keeps the admitted values itself (a metric's series): true while {@code admittedSoFar} is
     * under the limit, else false, with the one warning naming {@code refused}.
     */
    public boolean hasRoom(int admittedSoFar, Object refused) {
        if (admittedSoFar < limit) {
            return true;
        }
        warnOnce(refused);
        return false;
    }

    private void warnOnce(Object refused) {
        if (warned.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "More than " + limit + " distinct " + what + "; new values are"
                    + " recorded as \"" + OVERFLOW + "\". First refused value: " + refused
                    + ". Use a template or a bounded set of values for this label.");
        }
    }

    /** How many distinct values have been admitted. */
    public int size() {
        return admitted.size();
    }

    public int limit() {
        return limit;
    }
}
