package dev.lucidmetrics.bench;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Where {@link HeapPerSeries}' bytes go: the JVM's class histogram of live objects ({@code GC.class_histogram})
 * before and after creating {@code N} series of a two-label counter on the library's backend {@code BACKEND}, with
 * the same label values, diffed per class and divided by {@code N}. Prints CSV: class,instances_per_series,
 * bytes_per_series for each class that changed by half a byte or more per series, most bytes first, then the total.
 * Usage: {@code java -XX:+UseSerialGC -cp benchmarks.jar dev.lucidmetrics.bench.HeapHistogram BACKEND N}
 */
public final class HeapHistogram {

    private HeapHistogram() {
    }

    public static void main(String[] args) throws JMException {
        String backend = args[0];
        int n = Integer.parseInt(args[1]);
        int side = (int) Math.ceil(Math.sqrt(n));
        AppMetrics app = BenchApps.on("bench", backend).maxLabelCombinations(n).build();
        Counter c = app.counter("requests_total").help("Requests.").labelNames("instance", "shard")
                .maxLabelCombinations(n).register();
        String[] a = new String[side];
        String[] b = new String[side];
        for (int i = 0; i < side; i++) {
            a[i] = "instance-" + i;
            b[i] = "shard-" + i;
        }
        c.labels(a[0], b[0]).inc();   // loads the classes of a series before the first histogram
        c.remove(a[0], b[0]);
        Map<String, long[]> before = histogram();
        for (int i = 0; i < n; i++) {
            c.labels(a[i / side], b[i % side]).inc();
        }
        Map<String, long[]> after = histogram();
        Reference.reachabilityFence(app);
        System.out.println("class,instances_per_series,bytes_per_series");
        double total = 0;
        List<Map.Entry<String, long[]>> byBytes = new ArrayList<>(after.entrySet());
        byBytes.sort(Comparator.comparingLong(e -> before.getOrDefault(e.getKey(), new long[2])[1] - e.getValue()[1]));
        for (Map.Entry<String, long[]> e : byBytes) {
            long[] was = before.getOrDefault(e.getKey(), new long[2]);
            double bytes = (e.getValue()[1] - was[1]) / (double) n;
            if (Math.abs(bytes) >= 0.5) {
                System.out.printf("%s,%.2f,%.2f%n", e.getKey(), (e.getValue()[0] - was[0]) / (double) n, bytes);
                total += bytes;
            }
        }
        System.out.printf("total,,%.1f%n", total);
    }

    /** Instances and bytes by class name, after a full GC (the diagnostic command collects first). */
    private static Map<String, long[]> histogram() throws JMException {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> byClass = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                byClass.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return byClass;
    }
}
