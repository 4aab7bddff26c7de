package dev.lucidmetrics.core;

import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.spi.GaugeSeries;

/**
 * A value that goes up and down, such as requests in flight. Built by {@link AppMetrics#gauge(String)}:
 * <pre>{@code
 * Gauge inFlight = app.gauge("in_flight_requests").help("Requests being served.").register();
 * inFlight.inc();
 * // image_gallery_in_flight_requests 1.0
 * }</pre>
 */
public final class Gauge extends Metric<Gauge.Child> {

    private Gauge(Builder b) {
        super(b, Children.Backing.of(b.app.registry().gauge(b.spec()), Child::new));
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

    /** Sets the gauge to the current Unix time in seconds, such as when a job last ran. No label names only. */
    public void setToCurrentTime() {
        noLabels().setToCurrentTime();
    }

    /**
     * Counts a block as in progress: the gauge goes up now and down when the result is closed, however the block
     * ends. Only for a gauge without label names.
     * <pre>{@code
     * try (Gauge.InProgress p = exporting.trackInProgress()) { export(); }
     * // app_exports_in_progress 1.0 while export() runs
     * }</pre>
     */
    public InProgress trackInProgress() {
        return noLabels().trackInProgress();
    }

    /** A block counted as in progress by {@link #trackInProgress()}; closing it (once) takes it off the gauge. */
    public static final class InProgress implements AutoCloseable {
        private final Child child;
        private boolean closed;

        private InProgress(Child child) {
            this.child = child;
            child.inc();
        }

        /** Takes the block off the gauge; later calls do nothing. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                child.dec();
            }
        }
    }

    /** One series of a gauge. */
    public static final class Child {
        private final GaugeSeries series;

        Child(GaugeSeries series) {
            this.series = series;
        }

        public void inc() {
            series.inc(1);
        }

        public void inc(double amount) {
            series.inc(amount);
        }

        public void dec() {
            series.inc(-1);
        }

        public void dec(double amount) {
            series.inc(-amount);
        }

        public void set(double value) {
            series.set(value);
        }

        public double get() {
            return series.get();
        }

        /** Sets this series to the current Unix time in seconds. */
        public void setToCurrentTime() {
            series.set(System.currentTimeMillis() / 1000.0);
        }

        /** Counts a block as in progress on this series; see {@link Gauge#trackInProgress()}. */
        public InProgress trackInProgress() {
            return new InProgress(this);
        }
    }

    /** Builds a {@link Gauge}; the name must not end in {@code _total}. */
    public static final class Builder extends CallbackBuilder<Builder, Gauge> {
        Builder(AppMetrics app, String name) {
            super(app, name, MetricType.GAUGE);
        }

        @Override
        Gauge create() {
            return new Gauge(this);
        }
    }
}
