package dev.lucidmetrics.core;

import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.naming.MetricNames;
import dev.lucidmetrics.core.spi.CounterSeries;

/**
 * A value that only goes up, such as requests served. Built by {@link AppMetrics#counter(String)}:
 * <pre>{@code
 * Counter loads = app.counter("image_load_total").help("Images loaded, by source.").labelNames("status").register();
 * loads.labels("cached").inc();
 * // iotd_api_image_load_total{status="cached"} 1.0
 * }</pre>
 */
public final class Counter extends Metric<Counter.Child> {

    private Counter(Builder b) {
        super(b, Children.Backing.<CounterSeries, Child>recorded(
                source -> b.app.registry().counter(b.spec(), b.exemplars, source),
                series -> new Child(b.name, series), child -> child.series));
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
        private final CounterSeries series;

        Child(String name, CounterSeries series) {
            this.name = name;
            this.series = series;
        }

        public void inc() {
            series.inc();
        }

        /** Adds {@code amount}, which must not be negative (nor NaN). */
        public void inc(double amount) {
            series.inc(checked(amount));
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
            Checks.noFindings(MetricNames.checkExemplarLabels(name, exemplarLabels));
            series.incWithExemplar(checked, exemplarLabels.clone());
        }

        public double get() {
            return series.get();
        }

        private double checked(double amount) {
            if (!(amount >= 0)) {
                throw new IllegalArgumentException("Increment " + amount + " is illegal for counter \"" + name
                        + "\": counters only go up; use a gauge for a value that can go down.");
            }
            return amount;
        }
    }

    /** Builds a {@link Counter}; the name must end in {@code _total}. */
    public static final class Builder extends CallbackBuilder<Builder, Counter> {
        private boolean exemplars;

        Builder(AppMetrics app, String name) {
            super(app, name, MetricType.COUNTER);
        }

        /**
         * Samples exemplars (trace ids from OpenTelemetry, when it is on the class path). Off by default: sampling
         * on every call costs several times the increment itself.
         */
        public Builder withExemplars() {
            this.exemplars = true;
            return this;
        }

        @Override
        Counter create() {
            return new Counter(this);
        }
    }
}
