package dev.lucidmetrics.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of one recording call, the same work through the library ({@code _lucid}, once per backend: {@link
 * LucidMeters}), simpleclient 0.16 used directly
 * ({@code _raw}), Micrometer's Prometheus registry ({@code _micrometer}) and client_java 1.x ({@code _clientjava});
 * {@link Meters} says how each is built. Method names are {@code <case>_<implementation>}; bench/report.py pairs them.
 * Threads come from the command line ({@code -t 1}, {@code -t 2}, {@code -t 4}); all threads share one metric, as in
 * a server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HotPathBenchmark {

    static final double OBSERVED = 0.042;

    /** "plain": no OpenTelemetry on the class path; "otel": the OpenTelemetry API is there (checked in setup). */
    @Param({"plain"})
    public String classpath;

    Meters m;

    @Setup
    public void setUp() {
        ClassPathCheck.verify(classpath);
        m = new Meters();
    }

    @Benchmark
    public void counterInc_lucid(LucidMeters l) {
        l.counter.inc();
    }

    @Benchmark
    public void counterInc_raw() {
        m.rawCounter.inc();
    }

    @Benchmark
    public void counterInc_micrometer() {
        m.micrometerCounter.increment();
    }

    @Benchmark
    public void counterInc_clientjava() {
        m.clientjavaCounter.inc();
    }

    @Benchmark
    public void labelledCachedInc_lucid(LucidMeters l) {
        l.child.inc();
    }

    @Benchmark
    public void labelledCachedInc_raw() {
        m.rawChild.inc();
    }

    @Benchmark
    public void labelledCachedInc_micrometer() {
        m.micrometerChild.increment();
    }

    @Benchmark
    public void labelledCachedInc_clientjava() {
        m.clientjavaChild.inc();
    }

    @Benchmark
    public void labelledLookupInc_lucid(LucidMeters l) {
        l.labelled.labels("GET", "/image", "200").inc();
    }

    @Benchmark
    public void labelledLookupInc_raw() {
        m.rawLabelled.labels("GET", "/image", "200").inc();
    }

    @Benchmark
    public void labelledLookupInc_micrometer() {
        m.micrometer.counter("requests", "method", "GET", "route", "/image", "code", "200").increment();
    }

    @Benchmark
    public void labelledLookupInc_clientjava() {
        m.clientjavaLabelled.labelValues("GET", "/image", "200").inc();
    }

    @Benchmark
    public void histogramObserve_lucid(LucidMeters l) {
        l.histogram.observe(OBSERVED);
    }

    @Benchmark
    public void histogramObserve_raw() {
        m.rawHistogram.observe(OBSERVED);
    }

    @Benchmark
    public void histogramObserve_micrometer() {
        m.micrometerHistogram.record(OBSERVED);
    }

    @Benchmark
    public void histogramObserve_clientjava() {
        m.clientjavaHistogram.observe(OBSERVED);
    }
}
