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

    /** @param backing makes the series in a backend family that keeps its own record of them */
    Metric(LabelledBuilder<?, ?> b, Children.Backing<C> backing) {
        this(b, children -> backing);
    }

    /** @param backing makes the backing from the children (a {@link Children.Backing#recorded} one scrapes them) */
    Metric(LabelledBuilder<?, ?> b, Function<Children<C>, Children.Backing<C>> backing) {
        this.name = b.name;
        this.children = new Children<>(b.name, b.labelNames, b.app.commonLabelValues(), b.maxLabelCombinations,
                backing);
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

    /**
     * Removes the series for these label values (a tenant that left, a pool that closed) and frees its place under
     * the cap of label combinations; nothing happens when it does not exist. A {@code Child} kept in a field keeps
     * working but is no longer exported: take it again with {@link #labels}. Only for a metric with label names.
     */
    public void remove(String... values) {
        labelled("remove").remove(values);
    }

    /** Removes every series of this metric and frees the whole cap. Only for a metric with label names. */
    public void clear() {
        labelled("clear").clear();
    }

    private Children<C> labelled(String operation) {
        if (unlabelled != null) {
            throw new IllegalStateException("\"" + name + "\" has no label names, so it has one series and nothing to "
                    + operation + ": " + operation + "() is for labelled metrics.");
        }
        return children;
    }

    /** The series, for a collector of our own storage. */
    final Children<C> children() {
        return children;
    }

    /** The one series of a metric without label names; calling it on a labelled metric is a programming error. */
    C noLabels() {
        if (unlabelled == null) {
            throw new IllegalStateException("\"" + name + "\" has label names: call labels(...) first.");
        }
        return unlabelled;
    }
}
