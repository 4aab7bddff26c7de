package dev.lucidmetrics.core;

import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.spi.Quantile;
import dev.lucidmetrics.core.spi.SummarySeries;
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
public final class Summary extends Metric<Summary.Child> {

    private Summary(Builder b) {
        super(b, Children.Backing.of(b.app.registry().summary(b.spec(), b.quantiles), Child::new));
    }

    /** Records one observation; only for a summary without label names. */
    public void observe(double value) {
        noLabels().observe(value);
    }

    /** Starts timing; closing the timer observes the elapsed seconds. Only without label names. */
    public Timer startTimer() {
        return noLabels().startTimer();
    }

    /** One series of a summary. */
    public static final class Child {
        private final SummarySeries series;

        Child(SummarySeries series) {
            this.series = series;
        }

        public void observe(double value) {
            series.observe(value);
        }

        public Timer startTimer() {
            return new Timer(this::observe);
        }

        /** Observations so far, for tests and diagnostics. */
        public long count() {
            return series.count();
        }

        /** Sum of observations so far. */
        public double sum() {
            return series.sum();
        }
    }

    /** Builds a {@link Summary}. */
    public static final class Builder extends LabelledBuilder<Builder, Summary> {
        private final List<Quantile> quantiles = new ArrayList<>();

        Builder(AppMetrics app, String name) {
            super(app, name, MetricType.SUMMARY);
        }

        /** Adds a streaming quantile (costly: a lock per observation). {@code quantile} and {@code error} in (0,1). */
        public Builder quantile(double quantile, double error) {
            if (!(quantile > 0 && quantile < 1) || !(error > 0 && error < 1)) {
                throw new IllegalArgumentException("quantile(" + quantile + ", " + error + ") of summary \"" + name
                        + "\" is illegal: both must lie strictly between 0 and 1, as in quantile(0.99, 0.001).");
            }
            quantiles.add(new Quantile(quantile, error));
            return this;
        }

        @Override
        Summary create() {
            return new Summary(this);
        }
    }
}
