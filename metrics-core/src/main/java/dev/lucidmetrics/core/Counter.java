package dev.lucidmetrics.core;

/**
 * A value that only goes up, such as requests served. Built by {@link AppMetrics#counter(String)}:
 * <pre>{@code
 * Counter loads = app.counter("image_load_total").help("Images loaded, by source.").labelNames("status").register();
 * loads.labels("cached").inc();
 * // iotd_api_image_load_total{status="cached"} 1.0
 * }</pre>
 */
public final class Counter {

    private final String name;
    private final Children<Child> children;
    private final Child unlabelled;

    private Counter(Builder b) {
        this.name = b.name;
        io.prometheus.client.Counter.Builder sb = io.prometheus.client.Counter.build()
                .name(b.name).help(b.help).labelNames(b.allLabelNames());
        io.prometheus.client.Counter collector = (b.exemplars ? sb.withExemplars() : sb.withoutExemplars())
                .register(b.app.collectorRegistry());
        this.children = new Children<>(b.name, b.labelNames, b.app.commonLabelValues(), b.maxLabelCombinations,
                values -> new Child(b.name, collector.labels(values)));
        this.unlabelled = b.labelNames.isEmpty() ? children.unlabelled() : null;
    }

    /** Adds one; only for a counter without label names. */
    public void inc() {
        noLabels().inc();
    }

    /** Adds {@code amount} (not negative); only for a counter without label names. */
    public void inc(double amount) {
        noLabels().inc(amount);
    }

    /** The current value; only for a counter without label names. */
    public double get() {
        return noLabels().get();
    }

    /** The series for these label values; keep it in a field when the values are fixed. */
    public Child labels(String... values) {
        return children.get(values);
    }

    public String name() {
        return name;
    }

    private Child noLabels() {
        if (unlabelled == null) {
            throw new IllegalStateException("\"" + name + "\" has label names: call labels(...) first.");
        }
        return unlabelled;
    }

    /** One series of a counter. */
    public static final class Child {
        private final String name;
        private final io.prometheus.client.Counter.Child child;

        Child(String name, io.prometheus.client.Counter.Child child) {
            this.name = name;
            this.child = child;
        }

        public void inc() {
            child.inc();
        }

        public void inc(double amount) {
            if (!(amount >= 0)) {
                throw new IllegalArgumentException("Increment " + amount + " is illegal for counter \"" + name
                        + "\": counters only go up; use a gauge for a value that can go down.");
            }
            child.inc(amount);
        }

        public double get() {
            return child.get();
        }
    }

    /** Builds a {@link Counter}; the name must end in {@code _total}. */
    public static final class Builder extends MetricBuilder<Builder, Counter> {
        Builder(AppMetrics app, String name) {
            super(app, name, MetricType.COUNTER);
        }

        @Override
        Counter create() {
            return new Counter(this);
        }
    }
}
