package dev.lucidmetrics.bench;

import dev.lucidmetrics.core.Counter;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
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
 * How the labelled lookup grows: {@code labels(a, b).inc()} on a counter that already has {@code children}
 * children, each call taking the next child in a fixed stride so that the look-ups walk the whole map. The library
 * (once per backend, {@link Lucid}; its {@code maxLabelCombinations} raised to {@code children}, since the default
 * of 1,000 would refuse the 100k row) against each backend's raw client. Method names {@code lookup_<impl>}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LookupBenchmark {
    private static final int STRIDE = 7919; // a prime: visits every child before repeating, in no cache-friendly order

    @Param({"10", "1000", "100000"})
    public int children;

    String[] a;
    String[] b;
    int next;
    io.prometheus.client.Counter raw;
    io.prometheus.metrics.core.metrics.Counter clientjava;

    @State(Scope.Benchmark)
    public static class Lucid {
        @Param({BenchApps.SIMPLECLIENT, BenchApps.CLIENT_JAVA})
        public String backend;

        Counter counter;

        @Setup
        public void setUp(LookupBenchmark s) {
            counter = BenchApps.on("bench", backend).build().counter("requests_total").help("Requests.")
                    .labelNames("instance", "shard").maxLabelCombinations(s.children).register();
            for (int i = 0; i < s.children; i++) {
                counter.labels(s.a[i], s.b[i]).inc();
            }
        }
    }

    @Setup
    public void setUp() {
        a = new String[children];
        b = new String[children];
        for (int i = 0; i < children; i++) {
            a[i] = "instance-" + (i / 100);
            b[i] = "shard-" + (i % 100);
        }
        raw = io.prometheus.client.Counter.build("requests_total", "Requests.").labelNames("instance", "shard")
                .register(new CollectorRegistry());
        clientjava = io.prometheus.metrics.core.metrics.Counter.builder().name("requests_total").help("Requests.")
                .labelNames("instance", "shard").register(new PrometheusRegistry());
        for (int i = 0; i < children; i++) {
            raw.labels(a[i], b[i]).inc();
            clientjava.labelValues(a[i], b[i]).inc();
        }
    }

    private int step() {
        next = (next + STRIDE) % children;
        return next;
    }

    @Benchmark
    public void lookup_lucid(Lucid l) {
        int i = step();
        l.counter.labels(a[i], b[i]).inc();
    }

    @Benchmark
    public void lookup_raw() {
        int i = step();
        raw.labels(a[i], b[i]).inc();
    }

    @Benchmark
    public void lookup_clientjava() {
        int i = step();
        clientjava.labelValues(a[i], b[i]).inc();
    }
}
