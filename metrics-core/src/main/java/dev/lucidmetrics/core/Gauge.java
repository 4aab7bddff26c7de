package dev.lucidmetrics.core;

/**
 * A value that goes up and down, such as requests in flight. Built by {@link AppMetrics#gauge(String)}:
 * <pre>{@code
 * Gauge inFlight = app.gauge("in_flight_requests").help("Requests being served.").register();
 * inFlight.inc();
 * // image_gallery_in_flight_requests 1.0
 * }</pre>
 */
public final class Gauge {

    private final String name;
    private final Children<Child> children;
    private final Child unlabelled;

    private Gauge(Builder b) {
        this.name = b.name;
        io.prometheus.client.Gauge collector = io.prometheus.client.Gauge.build()
                .name(b.name).help(b.help).labelNames(b.allLabelNames()).register(b.app.collectorRegistry());
        this.children = new Children<>(b.name, b.labelNames, b.app.commonLabelValues(), b.maxLabelCombinations,
                values -> new Child(collector.labels(values)));
        this.unlabelled = b.labelNames.isEmpty() ? children.unlabelled() : null;
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
    public static final class Builder extends MetricBuilder<Builder, Gauge> {
        Builder(AppMetrics app, String name) {
            super(app, name, MetricType.GAUGE);
        }

        @Override
        Gauge create() {
            return new Gauge(this);
        }
    }
}
