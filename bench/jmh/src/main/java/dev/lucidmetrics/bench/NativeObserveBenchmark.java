package dev.lucidmetrics.bench;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Histogram;
import dev.lucidmetrics.core.model.HistogramKind;
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
 * One {@code observe()} through the library on the client_java backend, into a histogram of each kind: classic
 * buckets (the default buckets, as {@link HotPathBenchmark}'s), a native histogram, and both. Method names are
 * {@code observe_<kind>}; the values cycle through a spread of durations so that a native histogram keeps many
 * buckets, as a real one does. Threads come from the command line; they share the one histogram. No figures of
 * record yet (issue 25): bench/smoke.sh runs it once so that it keeps working.
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

    Histogram histogram;
    int next;

    @Setup
    public void setUp(BenchmarkParams params) {
        String method = params.getBenchmark();
        HistogramKind kind = HistogramKind.fromSetting(method.substring(method.lastIndexOf('_') + 1));
        histogram = histogram(kind);
    }

    /** A histogram of {@code kind} with the default buckets, in an app of its own on the client_java backend. */
    static Histogram histogram(HistogramKind kind) {
        AppMetrics app = AppMetrics.builder("bench").backend("client_java").build();
        return app.histogram("duration_seconds").help("Durations.").kind(kind).register();
    }

    private double value() {
        return VALUES[next++ & (VALUES.length - 1)];   // a benign race between threads: any value will do
    }

    @Benchmark
    public void observe_classic() {
        histogram.observe(value());
    }

    @Benchmark
    public void observe_native() {
        histogram.observe(value());
    }

    @Benchmark
    public void observe_both() {
        histogram.observe(value());
    }

}
