package dev.lucidmetrics.core;

import dev.lucidmetrics.core.internal.Buckets;
import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.model.HistogramKind;
import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.naming.MetricNames;
import dev.lucidmetrics.core.spi.HistogramSeries;
import dev.lucidmetrics.core.spi.HistogramSpec;

/**
 * Observations counted into buckets, such as request durations. Built by {@link AppMetrics#histogram(String)}:
 * <pre>{@code
 * Histogram duration = app.histogram("render_duration_seconds").help("Time to render a page.").register();
 * try (Timer t = duration.startTimer()) { render(); }
 * // image_gallery_render_duration_seconds_bucket{le="0.005"} 1.0 ... _count 1.0, _sum 0.0012
 * }</pre>
 */
public final class Histogram extends Metric<Histogram.Child> {

    private static final double[] DEFAULT_BUCKETS =
            {0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10};

    private Histogram(Builder b) {
        super(b, Children.Backing.of(b.app.registry().histogram(b.spec(),
                new HistogramSpec(b.buckets, b.exemplars, b.resolvedKind())), series -> new Child(b.name, series)));
    }

    /**
     * The de facto standard latency buckets in seconds (simpleclient, the Python client, OpenTelemetry advice), the
     * default of every histogram: 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10. A copy of
     * its own for each caller.
     */
    public static double[] defaultBuckets() {
        return DEFAULT_BUCKETS.clone();
    }

    /** Records one observation; only for a histogram without label names. */
    public void observe(double value) {
        noLabels().observe(value);
    }

    /** Starts timing; closing the timer observes the elapsed seconds. Only without label names. */
    public Timer startTimer() {
        return noLabels().startTimer();
    }

    /** Observes {@code value} as the exemplar of its bucket; only without label names. See {@link Child}. */
    public void observeWithExemplar(double value, String... exemplarLabels) {
        noLabels().observeWithExemplar(value, exemplarLabels);
    }

    /** One series of a histogram. */
    public static final class Child {
        private final String name;
        private final HistogramSeries series;

        Child(String name, HistogramSeries series) {
            this.name = name;
            this.series = series;
        }

        public void observe(double value) {
            series.observe(value);
        }

        /**
         * Observes {@code value} and makes it the exemplar of the bucket it falls in, labelled with the given
         * name/value pairs (such as {@code "trace_id", id}), whether or not the builder asked for sampled
         * exemplars. OpenMetrics scrapes show it on that bucket:
         * {@code x_bucket{le="0.25"} 1.0 # {trace_id="4bf9..."} 0.12 1700000000.000}
         */
        public void observeWithExemplar(double value, String... exemplarLabels) {
            Checks.noFindings(MetricNames.checkExemplarLabels(name, exemplarLabels));
            series.observeWithExemplar(value, exemplarLabels.clone());
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

    /** Builds a {@link Histogram}. */
    public static final class Builder extends LabelledBuilder<Builder, Histogram> {
        private double[] buckets = DEFAULT_BUCKETS;
        private boolean exemplars;
        private HistogramKind kind;

        Builder(AppMetrics app, String name) {
            super(app, name, MetricType.HISTOGRAM);
        }

        /**
         * How this histogram counts: {@link HistogramKind#CLASSIC} buckets, a {@link HistogramKind#NATIVE} histogram
         * (served in the protobuf format), or {@link HistogramKind#BOTH}. Beats the app's default
         * ({@code histogramKind(...)}, {@code METRICS_HISTOGRAM_KIND}); native and both need the client_java backend,
         * and {@link #register()} refuses them on another, naming it.
         */
        public Builder kind(HistogramKind kind) {
            this.kind = Checks.notNull("kind", kind, "pass HistogramKind.CLASSIC, NATIVE or BOTH");
            return this;
        }

        /** Upper bounds of the buckets, finite and strictly increasing; {@code +Inf} is added for you. */
        public Builder buckets(double... upperBounds) {
            this.buckets = Buckets.check("buckets", name, upperBounds);
            return this;
        }

        /**
         * Samples exemplars (trace ids from OpenTelemetry, when it is on the class path). Off by default: sampling
         * on every call costs several times the observation itself.
         */
        public Builder withExemplars() {
            this.exemplars = true;
            return this;
        }

        /** Registers the histogram; refuses a native kind the backend cannot count, naming the backend to use. */
        @Override
        public Histogram register() {
            resolvedKind();
            return super.register();
        }

        HistogramKind resolvedKind() {
            return HistogramKinds.of(name, kind, app.defaultHistogramKind(), app.registry().backend());
        }

        @Override
        Histogram create() {
            return new Histogram(this);
        }
    }
}
