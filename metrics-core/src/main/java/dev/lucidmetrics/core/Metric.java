package dev.lucidmetrics.core;

import java.util.function.Function;

/**
 * The shape every labelled metric shares: its full name, its series by label values (cached, capped), and the one
 * series of a metric without label names. Counter, Gauge, Histogram and Summary add only their own verbs.
 *
 * @param <C> the type of one series (the metric's {@code Child})
 */
abstract class Metric<C> {

    private final String name;
    private final Children<C> children;
    private final C unlabelled;

    Metric(LabelledBuilder<?, ?> b, Function<String[], C> factory) {
        this.name = b.name;
        this.children = new Children<>(b.name, b.labelNames, b.app.commonLabelValues(), b.maxLabelCombinations,
                factory);
        this.unlabelled = b.labelNames.isEmpty() ? children.get() : null;
    }

    /** The full name, namespace included, such as {@code image_gallery_requests_total}. */
    public String name() {
        return name;
    }

    /**
     * The series for these label values, one per label name, in the order of {@code labelNames(...)}; keep it in a
     * field when the values are fixed. Past the metric's cap of label combinations every new combination shares
     * one series whose values are all {@code "OVERFLOW"}.
     */
    public C labels(String... values) {
        return children.get(values);
    }

    /** The one series of a metric without label names; calling it on a labelled metric is a programming error. */
    C noLabels() {
        if (unlabelled == null) {
            throw new IllegalStateException("\"" + name + "\" has label names: call labels(...) first.");
        }
        return unlabelled;
    }
}
