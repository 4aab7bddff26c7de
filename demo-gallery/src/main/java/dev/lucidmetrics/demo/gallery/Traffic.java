package dev.lucidmetrics.demo.gallery;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A traffic generator for the demo (the book's {@code for i in {1..20}; do curl ...; done}, with concurrency):
 * {@code Traffic N C URL} sends N GET requests, C at a time, prints a progress line and a summary with the status
 * counts and the p50/p99 latency.
 */
public final class Traffic {

    /** What a run measured; latencies in nanoseconds, nearest-rank percentiles. */
    record Summary(int requests, Map<String, Integer> statuses, long p50Nanos, long p99Nanos, Duration elapsed) {
        String describe() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("requests %d in %.2f s (%.1f req/s)%n", requests, elapsed.toNanos() / 1e9,
                    requests / Math.max(elapsed.toNanos() / 1e9, 1e-9)));
            b.append("status  ");
            statuses.forEach((status, count) -> b.append(' ').append(status).append(": ").append(count));
            b.append(String.format("%nlatency  p50 %.1f ms  p99 %.1f ms%n", p50Nanos / 1e6, p99Nanos / 1e6));
            return b.toString();
        }
    }

    private Traffic() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 3) {
            usage("too many arguments");
        }
        int n = parse(args, 0, "N", 100, 1_000_000);
        int c = parse(args, 1, "C", 10, 1000);
        String url = args.length > 2 ? args[2] : "http://localhost:8010/";
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            usage("URL \"" + url + "\" is not an http(s) URL");
        }
        System.out.printf("sending %d requests, %d at a time, to %s%n", n, c, url);
        System.out.print(run(URI.create(url), n, c, System.out).describe());
    }

    static Summary run(URI url, int n, int concurrency, PrintStream progress) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build();
        String[] statuses = new String[n];
        long[] latencies = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, n / 20);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, n));
        long start = System.nanoTime();
        for (int w = 0; w < Math.min(concurrency, n); w++) {
            pool.execute(() -> {
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    long t = System.nanoTime();
                    statuses[i] = send(client, request);
                    latencies[i] = System.nanoTime() - t;
                    int d = done.incrementAndGet();
                    if (d % step == 0 || d == n) {
                        synchronized (progress) {
                            progress.printf("\r%d/%d done", d, n);
                            progress.flush();
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.DAYS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        progress.println();
        Map<String, Integer> counts = new TreeMap<>();
        for (String s : statuses) {
            counts.merge(s, 1, Integer::sum);
        }
        Arrays.sort(latencies);
        return new Summary(n, counts, rank(latencies, 0.50), rank(latencies, 0.99), elapsed);
    }

    private static String send(HttpClient client, HttpRequest request) {
        try {
            return Integer.toString(client.send(request, BodyHandlers.discarding()).statusCode());
        } catch (HttpTimeoutException e) {
            return "timeout";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error";
        } catch (Exception e) {
            return "error";
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static long rank(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static int parse(String[] args, int i, String name, int defaultValue, int max) {
        if (args.length <= i) {
            return defaultValue;
        }
        try {
            int v = Integer.parseInt(args[i]);
            if (v >= 1 && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        usage(name + " \"" + args[i] + "\" is not a whole number from 1 to " + max);
        return defaultValue;
    }

    private static void usage(String problem) {
        System.err.println("traffic: " + problem + ".\nusage: traffic [N requests, default 100] [C concurrency,"
                + " default 10] [URL, default http://localhost:8010/]");
        System.exit(2);
    }
}
