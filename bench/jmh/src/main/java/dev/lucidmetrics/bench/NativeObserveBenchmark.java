package dev.lucidmetrics.bench;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Histogram;
import dev.lucidmetrics.core.model.HistogramKind;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One {@code observe()} into a histogram of each kind — classic buckets (the default buckets, as
 * {@link HotPathBenchmark}'s), a native histogram, and both — through the library on the client_java backend
 * ({@code lucid_<kind>}) and through raw client_java 1.4.3 built the same way ({@code clientjava_<kind>}:
 * {@code classicOnly()}, {@code nativeOnly()} or its default of both, the same classic bounds, exemplars at their
 * default as in {@link HotPathBenchmark}), against Micrometer's histogram ({@code micrometer_classic}: a
 * {@code DistributionSummary} with the same bounds as service-level objectives; Micrometer has no native histogram).
 * The values cycle through a spread of durations so that a native histogram keeps many buckets, as a real one does.
 * Threads come from the command line; they share the one histogram.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NativeObserveBenchmark {

    /** 64 durations from 1 ms to about 4 s, spread over many native buckets. */
    static final double[] VALUES = new double[64];

    static {
        for (int i = 0; i < VALUES.length; i++) {
            VALUES[i] = 0.001 * Math.pow(2, i / 5.3);
        }
    }

    Histogram lucid;
    io.prometheus.metrics.core.metrics.Histogram clientjava;
    DistributionSummary micrometer;
    int next;

    @Setup
    public void setUp(BenchmarkParams params) {
        String method = params.getBenchmark();
        String[] implAndKind = method.substring(method.lastIndexOf('.') + 1).split("_");
        HistogramKind kind = HistogramKind.fromSetting(implAndKind[1]);
        switch (implAndKind[0]) {
            case "lucid" -> lucid = histogram(kind);
            case "clientjava" -> clientjava = clientjava(kind);
            case "micrometer" -> micrometer = micrometer();
            default -> throw new IllegalArgumentException("no implementation for " + method);
        }
    }

    /** A histogram of {@code kind} with the default buckets, in an app of its own on the client_java backend. */
    static Histogram histogram(HistogramKind kind) {
        AppMetrics app = AppMetrics.builder("bench").backend("client_java").build();
        return app.histogram("duration_seconds").help("Durations.").kind(kind).register();
    }

    /** Raw client_java's histogram of {@code kind} with the same classic bounds, in a registry of its own. */
    static io.prometheus.metrics.core.metrics.Histogram clientjava(HistogramKind kind) {
        io.prometheus.metrics.core.metrics.Histogram.Builder b = io.prometheus.metrics.core.metrics.Histogram
                .builder().name("cj_duration_seconds").help("Durations.").classicUpperBounds(Meters.BUCKETS);
        b = switch (kind) {
            case CLASSIC -> b.classicOnly();
            case NATIVE -> b.nativeOnly();
            case BOTH -> b;
        };
        return b.register(new PrometheusRegistry());
    }

    static DistributionSummary micrometer() {
        return DistributionSummary.builder("duration").baseUnit("seconds").serviceLevelObjectives(Meters.BUCKETS)
                .register(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    private double value() {
        return VALUES[next++ & (VALUES.length - 1)];   // a benign race between threads: any value will do
    }

    @Benchmark
    public void lucid_classic() {
        lucid.observe(value());
    }

    @Benchmark
    public void lucid_native() {
        lucid.observe(value());
    }

    @Benchmark
    public void lucid_both() {
        lucid.observe(value());
    }

    @Benchmark
    public void clientjava_classic() {
        clientjava.observe(value());
    }

    @Benchmark
    public void clientjava_native() {
        clientjava.observe(value());
    }

    @Benchmark
    public void clientjava_both() {
        clientjava.observe(value());
    }

    @Benchmark
    public void micrometer_classic() {
        micrometer.record(value());
    }
}
