package dev.lucidmetrics.core;

import dev.lucidmetrics.core.internal.MetricType;

/**
 * A value that only goes up, such as requests served. Built by {@link AppMetrics#counter(String)}:
 * <pre>{@code
 * Counter loads = app.counter("image_load_total").help("Images loaded, by source.").labelNames("status").register();
 * loads.labels("cached").inc();
 * // iotd_api_image_load_total{status="cached"} 1.0
 * }</pre>
 */
public final class Counter extends Metric<Counter.Child> {

    private Counter(Builder b, io.prometheus.client.Counter collector) {
        super(b, collector, values -> new Child(b.name, collector.labels(values)));
    }

    /** Adds one; only for a counter without label names. */
    public void inc() {
        noLabels().inc();
    }

    /** Adds {@code amount} (not negative); only for a counter without label names. */
    public void inc(double amount) {
        noLabels().inc(amount);
    }

    /**
     * Adds {@code amount} and makes this increment the exemplar, with the given label pairs (such as
     * {@code "trace_id", id}); only for a counter without label names. See {@link Child#incWithExemplar}.
     */
    public void incWithExemplar(double amount, String... exemplarLabels) {
        noLabels().incWithExemplar(amount, exemplarLabels);
    }

    /** The current value; only for a counter without label names. */
    public double get() {
        return noLabels().get();
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

        /** Adds {@code amount}, which must not be negative (nor NaN). */
        public void inc(double amount) {
            child.inc(checked(amount));
        }

        /**
         * Adds {@code amount} and makes this increment the series' exemplar, labelled with the given name/value
         * pairs, such as {@code incWithExemplar(1, "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736")}: for apps that
         * know their trace ids without OpenTelemetry. Works whether or not the builder asked for sampled
         * exemplars; OpenMetrics scrapes show it:
         * {@code shop_orders_total 1.0 # {trace_id="4bf9..."} 1.0 1700000000.000}
         */
        public void incWithExemplar(double amount, String... exemplarLabels) {
            double checked = checked(amount);
            Exemplars.apply(name, exemplarLabels, labels -> child.incWithExemplar(checked, labels));
        }

        private double checked(double amount) {
            if (!(amount >= 0)) {
                throw new IllegalArgumentException("Increment " + amount + " is illegal for counter \"" + name
                        + "\": counters only go up; use a gauge for a value that can go down.");
            }
            return amount;
        }

        public double get() {
            return child.get();
        }
    }

    /** Builds a {@link Counter}; the name must end in {@code _total}. */
    public static final class Builder extends CallbackBuilder<Builder, Counter> {
        private boolean exemplars;

        Builder(AppMetrics app, String name) {
            super(app, name, MetricType.COUNTER);
        }

        /**
         * Samples exemplars (trace ids from OpenTelemetry, when on the class path). Off by default: simpleclient
         * samples on every call when it is on, which costs several times the increment itself.
         */
        public Builder withExemplars() {
            this.exemplars = true;
            return this;
        }

        @Override
        Counter create() {
            io.prometheus.client.Counter.Builder sb = io.prometheus.client.Counter.build()
                    .name(name).help(help).labelNames(allLabelNames());
            return new Counter(this, (exemplars ? sb.withExemplars() : sb.withoutExemplars())
                    .register(app.collectorRegistry()));
        }
    }
}
