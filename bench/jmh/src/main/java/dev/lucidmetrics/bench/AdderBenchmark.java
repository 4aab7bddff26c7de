package dev.lucidmetrics.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where a contended counter increment spends its time: the storage alone ({@code storage_*}: simpleclient 0.16's
 * own {@code io.prometheus.client.DoubleAdder}, a copy of jsr166e's that finds its cell through a
 * {@code ThreadLocal}; the JDK's {@link DoubleAdder} and {@link LongAdder}, which keep the probe in the
 * {@code Thread}; one {@link AtomicLong} as the no-striping reference) against whole counters built on them
 * ({@code counter_*}: raw simpleclient's child, the library's child (simpleclient backend), Micrometer's counter on the JDK DoubleAdder,
 * client_java 1.x's on the JDK LongAdder, and the bench-only {@link AdderStorage} prototype). All threads share one
 * instance; run with {@code -t 1}, {@code -t 2}, {@code -t 4}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AdderBenchmark {

    final io.prometheus.client.DoubleAdder simpleclient = new io.prometheus.client.DoubleAdder();
    final DoubleAdder jdkDouble = new DoubleAdder();
    final LongAdder jdkLong = new LongAdder();
    final AtomicLong atomic = new AtomicLong();
    Meters m;
    dev.lucidmetrics.core.Counter.Child lucidChild; // on the simpleclient backend, whose storage this part studies
    AdderStorage.CounterSeries prototype;

    @Setup
    public void setUp() {
        ClassPathCheck.verify("plain");
        m = new Meters();
        lucidChild = BenchApps.on("bench", BenchApps.SIMPLECLIENT).build().counter("requests_total").help("Requests.")
                .labelNames("method", "route", "code").register().labels("GET", "/image", "200");
        prototype = AdderStorage.counter("proto_requests", "Requests.", "method", "route", "code")
                .counterSeries("GET", "/image", "200");
    }

    @Benchmark
    public void storage_simpleclient() {
        simpleclient.add(1.0);
    }

    @Benchmark
    public void storage_jdkdouble() {
        jdkDouble.add(1.0);
    }

    @Benchmark
    public void storage_jdklong() {
        jdkLong.increment();
    }

    @Benchmark
    public long storage_atomiclong() {
        return atomic.incrementAndGet();
    }

    @Benchmark
    public void counter_raw() {
        m.rawChild.inc();
    }

    @Benchmark
    public void counter_lucid() {
        lucidChild.inc();
    }

    @Benchmark
    public void counter_micrometer() {
        m.micrometerChild.increment();
    }

    @Benchmark
    public void counter_clientjava() {
        m.clientjavaChild.inc();
    }

    @Benchmark
    public void counter_prototype() {
        prototype.inc();
    }
}
