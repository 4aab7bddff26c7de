package dev.lucidmetrics.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The shape client_java's own benchmarks use: many updates per operation (a loop of {@value #UPDATES} calls) with
 * four threads sharing one metric, so the per-call benchmark harness is out of the picture and the threads hammer
 * the same storage back to back. Histograms observe a fixed set of {@value #UPDATES} |gaussian| values per thread,
 * as there. Same {@link Meters} as {@link HotPathBenchmark}; scores are ns per operation, bench/report.py divides by
 * {@value #UPDATES} for ns per update. Method names are {@code <case>_<implementation>}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(4)
public class ContendedBenchmark {

    static final int UPDATES = 10 * 1024;

    Meters m;

    /** Each thread's own observations (client_java's {@code RandomNumbers}, seed 0). */
    @State(Scope.Thread)
    public static class Observations {
        final double[] values = new double[UPDATES];

        public Observations() {
            Random random = new Random(0);
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.abs(random.nextGaussian());
            }
        }
    }

    @Setup
    public void setUp() {
        ClassPathCheck.verify("plain");
        m = new Meters();
    }

    @Benchmark
    public Object loopCounterInc_lucid(LucidMeters l) {
        for (int i = 0; i < UPDATES; i++) {
            l.counter.inc();
        }
        return l.counter;
    }

    @Benchmark
    public Object loopCounterInc_raw() {
        for (int i = 0; i < UPDATES; i++) {
            m.rawCounter.inc();
        }
        return m.rawCounter;
    }

    @Benchmark
    public Object loopCounterInc_micrometer() {
        for (int i = 0; i < UPDATES; i++) {
            m.micrometerCounter.increment();
        }
        return m.micrometerCounter;
    }

    @Benchmark
    public Object loopCounterInc_clientjava() {
        for (int i = 0; i < UPDATES; i++) {
            m.clientjavaCounter.inc();
        }
        return m.clientjavaCounter;
    }

    @Benchmark
    public Object loopCachedInc_lucid(LucidMeters l) {
        for (int i = 0; i < UPDATES; i++) {
            l.child.inc();
        }
        return l.child;
    }

    @Benchmark
    public Object loopCachedInc_raw() {
        for (int i = 0; i < UPDATES; i++) {
            m.rawChild.inc();
        }
        return m.rawChild;
    }

    @Benchmark
    public Object loopCachedInc_micrometer() {
        for (int i = 0; i < UPDATES; i++) {
            m.micrometerChild.increment();
        }
        return m.micrometerChild;
    }

    @Benchmark
    public Object loopCachedInc_clientjava() {
        for (int i = 0; i < UPDATES; i++) {
            m.clientjavaChild.inc();
        }
        return m.clientjavaChild;
    }

    @Benchmark
    public Object loopObserve_lucid(LucidMeters l, Observations o) {
        for (double v : o.values) {
            l.histogram.observe(v);
        }
        return l.histogram;
    }

    @Benchmark
    public Object loopObserve_raw(Observations o) {
        for (double v : o.values) {
            m.rawHistogram.observe(v);
        }
        return m.rawHistogram;
    }

    @Benchmark
    public Object loopObserve_micrometer(Observations o) {
        for (double v : o.values) {
            m.micrometerHistogram.record(v);
        }
        return m.micrometerHistogram;
    }

    @Benchmark
    public Object loopObserve_clientjava(Observations o) {
        for (double v : o.values) {
            m.clientjavaHistogram.observe(v);
        }
        return m.clientjavaHistogram;
    }
}
