package dev.lucidmetrics.core;

import java.util.Arrays;
import java.util.function.Consumer;

/** The checks on explicit exemplar labels, with one message for every metric that takes them. */
final class Exemplars {

    private Exemplars() {
    }

    /**
     * Hands {@code labels} to {@code record} (simpleclient's exemplar call), turning simpleclient's refusal of
     * malformed labels (odd count, bad name, duplicates, more than 128 characters in all) into our message.
     */
    static void apply(String metric, String[] labels, Consumer<String[]> record) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("Exemplar of \"" + metric + "\" has no labels: pass name/value pairs"
                    + " such as \"trace_id\", \"4bf92f3577b34da6a3ce929d0e0e4736\".");
        }
        try {
            record.accept(labels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Exemplar labels " + Arrays.toString(labels) + " of \"" + metric
                    + "\" are illegal (" + e.getMessage() + "): pass name/value pairs such as \"trace_id\","
                    + " \"4bf92f3577b34da6a3ce929d0e0e4736\", at most 128 characters in all.", e);
        }
    }
}
