package dev.lucidmetrics.bench;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Histogram;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where the client_java backend's histogram {@code observe()} spends the nanosecond it takes over raw client_java
 * (section 1): the library's call ({@code lucid}) beside raw client_java as {@link HotPathBenchmark} builds it
 * ({@code clientjava}, exemplars at their default), raw client_java built as the library builds it
 * ({@code clientjavaNoExemplars}: {@code withoutExemplars()}), and that same raw histogram behind a replica of the
 * library's layers, built here: {@code clientjavaLayered} is a metric object holding its unlabelled child (checked
 * for null, as {@code Metric.noLabels()} does), a final child class holding an interface-typed series, and the
 * series' anonymous implementation holding the {@code DistributionDataPoint} — four objects to the data point where
 * raw client_java has two, as the library's {@code Histogram}, {@code Histogram.Child} and the backend's series are;
 * {@code clientjavaChild} starts at the child (three). If the replica costs what the library costs, the difference
 * is those layers. One thread; no figures of record (not in bench/run.sh's parts).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HistogramPathBenchmark {

    /** The replica's series: an interface, as the backend SPI's {@code HistogramSeries} is. */
    interface Series {
        void observe(double value);
    }

    /** The replica's child: a final class holding its series, as {@code Histogram.Child} does. */
    static final class Child {
        private final Series series;

        Child(Series series) {
            this.series = series;
        }

        void observe(double value) {
            series.observe(value);
        }
    }

    /** The replica's metric: holds its one series' child, as {@code Metric} does for a metric without labels. */
    static final class Metric {
        private final Child unlabelled;

        Metric(Child unlabelled) {
            this.unlabelled = unlabelled;
        }

        void observe(double value) {
            if (unlabelled == null) {
                throw new IllegalStateException("labelled");
            }
            unlabelled.observe(value);
        }
    }

    Histogram lucid;
    io.prometheus.metrics.core.metrics.Histogram clientjava;
    io.prometheus.metrics.core.metrics.Histogram clientjavaNoExemplars;
    Metric layered;
    Child child;

    @Setup
    public void setUp() {
        AppMetrics app = AppMetrics.builder("bench").backend("client_java").build();
        lucid = app.histogram("duration_seconds").help("Durations.").register();
        clientjava = io.prometheus.metrics.core.metrics.Histogram.builder().name("cj_duration_seconds")
                .help("Durations.").classicOnly().classicUpperBounds(Meters.BUCKETS).register(new PrometheusRegistry());
        clientjavaNoExemplars = io.prometheus.metrics.core.metrics.Histogram.builder().name("cj_duration_seconds")
                .help("Durations.").classicOnly().classicUpperBounds(Meters.BUCKETS).withoutExemplars()
                .register(new PrometheusRegistry());
        io.prometheus.metrics.core.metrics.Histogram behindLayers = io.prometheus.metrics.core.metrics.Histogram
                .builder().name("cj_duration_seconds").help("Durations.").classicOnly()
                .classicUpperBounds(Meters.BUCKETS).withoutExemplars().register(new PrometheusRegistry());
        DistributionDataPoint point = behindLayers.labelValues();
        child = new Child(new Series() {
            @Override
            public void observe(double value) {
                point.observe(value);
            }
        });
        layered = new Metric(child);
    }

    @Benchmark
    public void observe_lucid() {
        lucid.observe(HotPathBenchmark.OBSERVED);
    }

    @Benchmark
    public void observe_clientjava() {
        clientjava.observe(HotPathBenchmark.OBSERVED);
    }

    @Benchmark
    public void observe_clientjavaNoExemplars() {
        clientjavaNoExemplars.observe(HotPathBenchmark.OBSERVED);
    }

    @Benchmark
    public void observe_clientjavaChild() {
        child.observe(HotPathBenchmark.OBSERVED);
    }

    @Benchmark
    public void observe_clientjavaLayered() {
        layered.observe(HotPathBenchmark.OBSERVED);
    }
}
