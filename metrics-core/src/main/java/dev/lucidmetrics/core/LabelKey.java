package dev.lucidmetrics.core;

import java.util.Arrays;

/** An immutable tuple of label values, used as a cache key for children. */
final class LabelKey {
    private final String[] values;
    private final int hash;

    LabelKey(String[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    String[] values() {
        return values.clone();
    }

    /** The values themselves, not a copy: for readers that never write them. */
    String[] shared() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelKey && Arrays.equals(values, ((LabelKey) o).values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
