package dev.lucidmetrics.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Count and sum of observations, such as bytes per response. Built by {@link AppMetrics#summary(String)}. Without
 * quantiles by default: quantiles take a lock on every observation and cannot be aggregated across instances; use a
 * {@link Histogram} for percentiles.
 * <pre>{@code
 * Summary size = app.summary("response_size_bytes").help("Response body sizes.").register();
 * size.observe(512);
 * // image_gallery_response_size_bytes_count 1.0, image_gallery_response_size_bytes_sum 512.0
 * }</pre>
 */
public final class Summary {

    private final String name;
    private final Children<Child> children;
    private final Child unlabelled;

    private Summary(Builder b) {
        this.name = b.name;
        io.prometheus.client.Summary.Builder sb = io.prometheus.client.Summary.build()
                .name(b.name).help(b.help).labelNames(b.allLabelNames());
        for (double[] q : b.quantiles) {
            sb.quantile(q[0], q[1]);
        }
        io.prometheus.client.Summary collector = sb.register(b.app.collectorRegistry());
        this.children = new Children<>(b.name, b.labelNames, b.app.commonLabelValues(), b.maxLabelCombinations,
                values -> new Child(collector.labels(values)));
        this.unlabelled = b.labelNames.isEmpty() ? children.unlabelled() : null;
    }

    public void observe(double value) {
        noLabels().observe(value);
    }

    public Timer startTimer() {
        return noLabels().startTimer();
    }

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

    /** One series of a summary. */
    public static final class Child {
        private final io.prometheus.client.Summary.Child child;

        Child(io.prometheus.client.Summary.Child child) {
            this.child = child;
        }

        public void observe(double value) {
            child.observe(value);
        }

        public Timer startTimer() {
            return new Timer(this::observe);
        }

        public double count() {
            return child.get().count;
        }

        public double sum() {
            return child.get().sum;
        }
    }

    /** Builds a {@link Summary}. */
    public static final class Builder extends MetricBuilder<Builder, Summary> {
        final List<double[]> quantiles = new ArrayList<>();

        Builder(AppMetrics app, String name) {
            super(app, name, MetricType.SUMMARY);
        }

        /** Adds a streaming quantile (costly: a lock per observation). {@code quantile} and {@code error} in (0,1). */
        public Builder quantile(double quantile, double error) {
            if (!(quantile > 0 && quantile < 1) || !(error > 0 && error < 1)) {
                throw new IllegalArgumentException("quantile(" + quantile + ", " + error + ") of summary \"" + name
                        + "\" is illegal: both must lie strictly between 0 and 1, as in quantile(0.99, 0.001).");
            }
            quantiles.add(new double[] {quantile, error});
            return this;
        }

        @Override
        Summary create() {
            return new Summary(this);
        }
    }
}
