package dev.lucidmetrics.bench;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.Histogram;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.client.CollectorRegistry;
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
 * Question 1: the cost of one recording call, the same work through the library ({@code _lucid}), simpleclient 0.16
 * used directly as its README shows ({@code _raw}, exemplars left at their default) and Micrometer's Prometheus
 * registry ({@code _micrometer}). Method names are {@code <case>_<implementation>}; bench/report.py pairs them.
 * Threads come from the command line ({@code -t 1}, {@code -t 2}); all threads share one metric, as in a server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HotPathBenchmark {

    static final double[] BUCKETS = Histogram.DEFAULT_BUCKETS;
    static final double OBSERVED = 0.042;

    /** "plain": no OpenTelemetry on the class path; "otel": the OpenTelemetry API is there (checked in setup). */
    @Param({"plain"})
    public String classpath;

    Counter lucidCounter;
    Counter lucidLabelled;
    Counter.Child lucidChild;
    Histogram lucidHistogram;

    io.prometheus.client.Counter rawCounter;
    io.prometheus.client.Counter rawLabelled;
    io.prometheus.client.Counter.Child rawChild;
    io.prometheus.client.Histogram rawHistogram;

    PrometheusMeterRegistry micrometer;
    io.micrometer.core.instrument.Counter micrometerCounter;
    io.micrometer.core.instrument.Counter micrometerChild;
    DistributionSummary micrometerHistogram;

    @Setup
    public void setUp() {
        ClassPathCheck.verify(classpath);
        AppMetrics app = AppMetrics.builder("bench").build();
        lucidCounter = app.counter("events_total").help("Events.").register();
        lucidLabelled = app.counter("requests_total").help("Requests.").labelNames("method", "route", "code")
                .register();
        lucidChild = lucidLabelled.labels("GET", "/image", "200");
        lucidHistogram = app.histogram("duration_seconds").help("Durations.").register();

        CollectorRegistry raw = new CollectorRegistry();
        rawCounter = io.prometheus.client.Counter.build("raw_events_total", "Events.").register(raw);
        rawLabelled = io.prometheus.client.Counter.build("raw_requests_total", "Requests.")
                .labelNames("method", "route", "code").register(raw);
        rawChild = rawLabelled.labels("GET", "/image", "200");
        rawHistogram = io.prometheus.client.Histogram.build("raw_duration_seconds", "Durations.").buckets(BUCKETS)
                .register(raw);

        micrometer = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        micrometerCounter = micrometer.counter("events");
        micrometerChild = micrometer.counter("requests", "method", "GET", "route", "/image", "code", "200");
        micrometerHistogram = DistributionSummary.builder("duration").baseUnit("seconds")
                .serviceLevelObjectives(BUCKETS).register(micrometer);
    }

    @Benchmark
    public void counterInc_lucid() {
        lucidCounter.inc();
    }

    @Benchmark
    public void counterInc_raw() {
        rawCounter.inc();
    }

    @Benchmark
    public void counterInc_micrometer() {
        micrometerCounter.increment();
    }

    @Benchmark
    public void labelledCachedInc_lucid() {
        lucidChild.inc();
    }

    @Benchmark
    public void labelledCachedInc_raw() {
        rawChild.inc();
    }

    @Benchmark
    public void labelledCachedInc_micrometer() {
        micrometerChild.increment();
    }

    @Benchmark
    public void labelledLookupInc_lucid() {
        lucidLabelled.labels("GET", "/image", "200").inc();
    }

    @Benchmark
    public void labelledLookupInc_raw() {
        rawLabelled.labels("GET", "/image", "200").inc();
    }

    @Benchmark
    public void labelledLookupInc_micrometer() {
        micrometer.counter("requests", "method", "GET", "route", "/image", "code", "200").increment();
    }

    @Benchmark
    public void histogramObserve_lucid() {
        lucidHistogram.observe(OBSERVED);
    }

    @Benchmark
    public void histogramObserve_raw() {
        rawHistogram.observe(OBSERVED);
    }

    @Benchmark
    public void histogramObserve_micrometer() {
        micrometerHistogram.record(OBSERVED);
    }
}
