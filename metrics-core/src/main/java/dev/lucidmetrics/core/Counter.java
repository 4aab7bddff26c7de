package dev.lucidmetrics.core;

import dev.lucidmetrics.core.model.MetricType;
import io.prometheus.client.exemplars.CounterExemplarSampler;
import io.prometheus.client.exemplars.Exemplar;
import io.prometheus.client.exemplars.ExemplarConfig;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A value that only goes up, such as requests served. Built by {@link AppMetrics#counter(String)}:
 * <pre>{@code
 * Counter loads = app.counter("image_load_total").help("Images loaded, by source.").labelNames("status").register();
 * loads.labels("cached").inc();
 * // iotd_api_image_load_total{status="cached"} 1.0
 * }</pre>
 * Each series keeps its value in the JDK's {@link LongAdder} (whole increments) and a {@link DoubleAdder} made on
 * the first fractional one, exposed by a simpleclient collector of ours ({@code CounterCollector}): under
 * contention the JDK's adders find a thread's cell without simpleclient's {@code ThreadLocal} lookup.
 */
public final class Counter extends Metric<Counter.Child> {

    private Counter(Builder b, Shared shared) {
        super(b, values -> new Child(shared));
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

    /** What every series of one counter shares: its name for messages, and the exemplar sampler when asked for. */
    private static final class Shared {
        final String name;
        final CounterExemplarSampler sampler;

        Shared(String name, CounterExemplarSampler sampler) {
            this.name = name;
            this.sampler = sampler;
        }
    }

    /** One series of a counter. */
    public static final class Child {
        private final Shared shared;
        private final LongAdder whole = new LongAdder();
        private volatile DoubleAdder fractions;
        private volatile Exemplar exemplar;
        private final long created = System.currentTimeMillis();

        Child(Shared shared) {
            this.shared = shared;
        }

        public void inc() {
            whole.increment();
            if (shared.sampler != null) {
                sample(1);
            }
        }

        /** Adds {@code amount}, which must not be negative (nor NaN). */
        public void inc(double amount) {
            add(checked(amount));
            if (shared.sampler != null) {
                sample(amount);
            }
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
            Exemplars.apply(shared.name, exemplarLabels, labels -> {
                Exemplar given = new Exemplar(checked, System.currentTimeMillis(), labels);
                add(checked);
                exemplar = given;
            });
        }

        public double get() {
            DoubleAdder f = fractions;
            return whole.sum() + (f == null ? 0 : f.sum());
        }

        /** The latest exemplar, or null. */
        Exemplar exemplar() {
            return exemplar;
        }

        /** When the series was created, in milliseconds since the epoch (the {@code _created} sample). */
        long created() {
            return created;
        }

        private void add(double amount) {
            long asLong = (long) amount;
            if (asLong == amount) {
                whole.add(asLong);
            } else {
                fractions().add(amount);
            }
        }

        private DoubleAdder fractions() {
            DoubleAdder f = fractions;
            if (f == null) {
                synchronized (this) {
                    f = fractions;
                    if (f == null) {
                        f = new DoubleAdder();
                        fractions = f;
                    }
                }
            }
            return f;
        }

        private void sample(double amount) {
            Exemplar previous = exemplar;
            Exemplar next = shared.sampler.sample(amount, previous);
            if (next != null && next != previous) {
                exemplar = next;   // a racing sample may win instead: either is a valid exemplar
            }
        }

        private double checked(double amount) {
            if (!(amount >= 0)) {
                throw new IllegalArgumentException("Increment " + amount + " is illegal for counter \"" + shared.name
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
         * Samples exemplars (trace ids from OpenTelemetry, when on the class path). Off by default: simpleclient
         * samples on every call when it is on, which costs several times the increment itself.
         */
        public Builder withExemplars() {
            this.exemplars = true;
            return this;
        }

        @Override
        Counter create() {
            CounterExemplarSampler sampler = exemplars && ExemplarConfig.isExemplarsEnabled()
                    ? ExemplarConfig.getCounterExemplarSampler() : null;   // null when no tracer is on the class path
            Counter counter = new Counter(this, new Shared(name, sampler));
            new CounterCollector(name, help, allLabelNames(), counter.children()).register(app.collectorRegistry());
            return counter;
        }
    }
}
