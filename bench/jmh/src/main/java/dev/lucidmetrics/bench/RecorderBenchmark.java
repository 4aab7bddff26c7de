package dev.lucidmetrics.bench;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.http.HttpServerMetrics;
import dev.lucidmetrics.core.http.RequestRecorder;
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
 * What the HTTP filter records per request, without a server: one request through {@link RequestRecorder} (start,
 * completed with its status and body size, close), which matches the path against the declared route templates,
 * moves the in-flight gauge and updates the request counter and the duration histogram. The paths cycle through
 * routes declared with and without variables and one that matches none. One thread; no figures of record (not in
 * bench/run.sh's parts): it measures a change to the filter's own cost side by side with the commit before it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecorderBenchmark {

    static final String[] PATHS = {"/", "/images/42", "/images/42/thumbnail", "/nothing/here"};

    @Param({"simpleclient"})
    public String backend;

    RequestRecorder recorder;
    int next;

    @Setup
    public void setUp() {
        AppMetrics app = BenchApps.on("bench", backend).build();
        recorder = HttpServerMetrics.builder(app)
                .routes("/", "/images/{id}", "/images/{id}/thumbnail", "/health", "/about", "/api/items/{item}")
                .register().recorder();
    }

    @Benchmark
    public void request() {
        try (RequestRecorder.Request r = recorder.start("GET", PATHS[next++ & (PATHS.length - 1)])) {
            r.completed(200, 14);
        }
    }
}
