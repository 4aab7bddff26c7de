package dev.lucidmetrics.core;

import dev.lucidmetrics.core.internal.MetricType;

/**
 * A value that goes up and down, such as requests in flight. Built by {@link AppMetrics#gauge(String)}:
 * <pre>{@code
 * Gauge inFlight = app.gauge("in_flight_requests").help("Requests being served.").register();
 * inFlight.inc();
 * // image_gallery_in_flight_requests 1.0
 * }</pre>
 */
public final class Gauge extends Metric<Gauge.Child> {

    private Gauge(Builder b, io.prometheus.client.Gauge collector) {
        super(b, values -> new Child(collector.labels(values)));
    }

    public void inc() {
        noLabels().inc();
    }

    public void inc(double amount) {
        noLabels().inc(amount);
    }

    public void dec() {
        noLabels().dec();
    }

    public void dec(double amount) {
        noLabels().dec(amount);
    }

    public void set(double value) {
        noLabels().set(value);
    }

    public double get() {
        return noLabels().get();
    }

    /** One series of a gauge. */
    public static final class Child {
        private final io.prometheus.client.Gauge.Child child;

        Child(io.prometheus.client.Gauge.Child child) {
            this.child = child;
        }

        public void inc() {
            child.inc();
        }

        public void inc(double amount) {
            child.inc(amount);
        }

        public void dec() {
            child.dec();
        }

        public void dec(double amount) {
            child.dec(amount);
        }

        public void set(double value) {
            child.set(value);
        }

        public double get() {
            return child.get();
        }
    }

    /** Builds a {@link Gauge}; the name must not end in {@code _total}. */
    public static final class Builder extends LabelledBuilder<Builder, Gauge> {
        Builder(AppMetrics app, String name) {
            super(app, name, MetricType.GAUGE);
        }

        @Override
        Gauge create() {
            return new Gauge(this, io.prometheus.client.Gauge.build().name(name).help(help)
                    .labelNames(allLabelNames()).register(app.collectorRegistry()));
        }
    }
}
