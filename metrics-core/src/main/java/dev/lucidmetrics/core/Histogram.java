package dev.lucidmetrics.core;

import java.util.Arrays;

/**
 * Observations counted into buckets, such as request durations. Built by {@link AppMetrics#histogram(String)}:
 * <pre>{@code
 * Histogram duration = app.histogram("render_duration_seconds").help("Time to render a page.").register();
 * try (Timer t = duration.startTimer()) { render(); }
 * // image_gallery_render_duration_seconds_bucket{le="0.005"} 1.0 ... _count 1.0, _sum 0.0012
 * }</pre>
 */
public final class Histogram {

    /** The de facto standard latency buckets in seconds (simpleclient, the Python client, OpenTelemetry advice). */
    public static final double[] DEFAULT_BUCKETS =
            {0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10};

    private final String name;
    private final Children<Child> children;
    private final Child unlabelled;

    private Histogram(Builder b) {
        this.name = b.name;
        io.prometheus.client.Histogram.Builder sb = io.prometheus.client.Histogram.build()
                .name(b.name).help(b.help).labelNames(b.allLabelNames()).buckets(b.buckets);
        io.prometheus.client.Histogram collector = (b.exemplars ? sb.withExemplars() : sb.withoutExemplars())
                .register(b.app.collectorRegistry());
        this.children = new Children<>(b.name, b.labelNames, b.app.commonLabelValues(), b.maxLabelCombinations,
                values -> new Child(collector.labels(values)));
        this.unlabelled = b.labelNames.isEmpty() ? children.unlabelled() : null;
    }

    /** Records one observation; only for a histogram without label names. */
    public void observe(double value) {
        noLabels().observe(value);
    }

    /** Starts timing; closing the timer observes the elapsed seconds. Only without label names. */
    public Timer startTimer() {
        return noLabels().startTimer();
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

    /** One series of a histogram. */
    public static final class Child {
        private final io.prometheus.client.Histogram.Child child;

        Child(io.prometheus.client.Histogram.Child child) {
            this.child = child;
        }

        public void observe(double value) {
            child.observe(value);
        }

        public Timer startTimer() {
            return new Timer(this::observe);
        }

        /** Observations so far, for tests and diagnostics. */
        public long count() {
            double[] buckets = child.get().buckets;
            return (long) buckets[buckets.length - 1];
        }

        /** Sum of observations so far. */
        public double sum() {
            return child.get().sum;
        }
    }

    /** Builds a {@link Histogram}. */
    public static final class Builder extends MetricBuilder<Builder, Histogram> {
        double[] buckets = DEFAULT_BUCKETS;

        Builder(AppMetrics app, String name) {
            super(app, name, MetricType.HISTOGRAM);
        }

        /** Upper bounds of the buckets, strictly increasing; {@code +Inf} is added for you. */
        public Builder buckets(double... upperBounds) {
            if (upperBounds.length == 0) {
                throw new IllegalArgumentException("Histogram \"" + name + "\" needs at least one bucket: pass upper"
                        + " bounds such as buckets(0.1, 0.5, 1) or leave the default.");
            }
            for (int i = 0; i < upperBounds.length; i++) {
                if (!Double.isFinite(upperBounds[i]) || (i > 0 && upperBounds[i] <= upperBounds[i - 1])) {
                    throw new IllegalArgumentException("Buckets " + Arrays.toString(upperBounds) + " of histogram \""
                            + name + "\" must be finite and strictly increasing: sort them and drop duplicates"
                            + " (+Inf is added for you).");
                }
            }
            this.buckets = upperBounds.clone();
            return this;
        }

        @Override
        Histogram create() {
            return new Histogram(this);
        }
    }
}
