package dev.lucidmetrics.bench;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.Histogram;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The library's side of {@link Meters} — the same counter, labelled counter with its cached child and histogram —
 * on each backend. A JMH state of its own, so that only the {@code _lucid} methods, which take it, run once per
 * backend; the peers' methods run once. bench/report.py divides each backend by its own raw client (simpleclient
 * 0.16 for simpleclient, client_java 1.x for client_java) and by Micrometer.
 */
@State(Scope.Benchmark)
public class LucidMeters {
    @Param({BenchApps.SIMPLECLIENT, BenchApps.CLIENT_JAVA})
    public String backend;

    Counter counter;
    Counter labelled;
    Counter.Child child;
    Histogram histogram;

    @Setup
    public void setUp() {
        AppMetrics app = BenchApps.on("bench", backend).build();
        counter = app.counter("events_total").help("Events.").register();
        labelled = app.counter("requests_total").help("Requests.").labelNames("method", "route", "code").register();
        child = labelled.labels("GET", "/image", "200");
        histogram = app.histogram("duration_seconds").help("Durations.").register();
    }
}
