package dev.lucidmetrics.bench;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.List;

/**
 * Heap bytes per labelled series, of a counter ({@code lucid}, {@code raw}, {@code micrometer}, {@code clientjava},
 * and the {@link AdderStorage} prototype {@code adder}) or a gauge ({@code rawgauge}, {@code addergauge}). Creates
 * {@code N} series of a metric with two labels whose value strings already exist (a pool of about sqrt(N) values
 * each, as real label values are shared constants),
 * reads used heap after full GCs before and after, and prints one CSV line: impl,series,bytes_per_series.
 * Run it with {@code -XX:+UseSerialGC} so a full GC leaves only live objects.
 * Usage: {@code java -XX:+UseSerialGC -cp benchmarks.jar dev.lucidmetrics.bench.HeapPerSeries IMPL N}
 */
public final class HeapPerSeries {
    /** Counters, then two gauges: simpleclient's and the {@link AdderStorage} prototype's compare-and-set one. */
    static final List<String> IMPLS = List.of("lucid", "raw", "micrometer", "clientjava", "adder", "rawgauge",
            "addergauge");

    private HeapPerSeries() {
    }

    public static void main(String[] args) {
        String impl = args[0];
        int n = Integer.parseInt(args[1]);
        int side = (int) Math.ceil(Math.sqrt(n));
        String[] a = new String[side];
        String[] b = new String[side];
        for (int i = 0; i < side; i++) {
            a[i] = "instance-" + i;
            b[i] = "shard-" + i;
        }
        Object metric;
        Runnable[] create = new Runnable[1];
        switch (impl) {
            case "lucid" -> {
                AppMetrics app = AppMetrics.builder("bench").backend("simpleclient").maxLabelCombinations(n).build();
                Counter c = app.counter("requests_total").help("Requests.").labelNames("instance", "shard")
                        .maxLabelCombinations(n).register();
                metric = app;
                create[0] = () -> each(n, side, (x, y) -> c.labels(a[x], b[y]).inc());
            }
            case "raw" -> {
                CollectorRegistry registry = new CollectorRegistry();
                io.prometheus.client.Counter c = io.prometheus.client.Counter.build("requests_total", "Requests.")
                        .labelNames("instance", "shard").register(registry);
                metric = registry;
                create[0] = () -> each(n, side, (x, y) -> c.labels(a[x], b[y]).inc());
            }
            case "micrometer" -> {
                PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
                metric = registry;
                create[0] = () -> each(n, side,
                        (x, y) -> registry.counter("requests", "instance", a[x], "shard", b[y]).increment());
            }
            case "clientjava" -> {
                PrometheusRegistry registry = new PrometheusRegistry();
                io.prometheus.metrics.core.metrics.Counter c = io.prometheus.metrics.core.metrics.Counter.builder()
                        .name("requests_total").help("Requests.").labelNames("instance", "shard").register(registry);
                metric = registry;
                create[0] = () -> each(n, side, (x, y) -> c.labelValues(a[x], b[y]).inc());
            }
            case "adder" -> {
                AdderStorage c = AdderStorage.counter("requests", "Requests.", "instance", "shard");
                metric = c;
                create[0] = () -> each(n, side, (x, y) -> c.counterSeries(a[x], b[y]).inc());
            }
            case "rawgauge" -> {
                CollectorRegistry registry = new CollectorRegistry();
                io.prometheus.client.Gauge g = io.prometheus.client.Gauge.build("temperature", "Temperature.")
                        .labelNames("instance", "shard").register(registry);
                metric = registry;
                create[0] = () -> each(n, side, (x, y) -> g.labels(a[x], b[y]).set(x));
            }
            case "addergauge" -> {
                AdderStorage g = AdderStorage.gauge("temperature", "Temperature.", "instance", "shard");
                metric = g;
                create[0] = () -> each(n, side, (x, y) -> g.gaugeSeries(a[x], b[y]).set(x));
            }
            default -> throw new IllegalArgumentException("impl \"" + impl + "\" is not one of " + IMPLS + ".");
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        create[0].run();
        long after = usedAfterGc(memory);
        Reference.reachabilityFence(metric);
        Reference.reachabilityFence(a);
        Reference.reachabilityFence(b);
        System.out.println(impl + "," + n + "," + ((after - before) / (double) n));
    }

    private interface Pair {
        void accept(int x, int y);
    }

    private static void each(int n, int side, Pair action) {
        for (int i = 0; i < n; i++) {
            action.accept(i / side, i % side);
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
