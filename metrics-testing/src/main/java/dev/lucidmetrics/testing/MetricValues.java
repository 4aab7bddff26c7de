package dev.lucidmetrics.testing;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.model.SampleSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads sample values of an app by name and labels, for tests, on any backend (through {@link AppMetrics#snapshot()}):
 * <pre>{@code
 * MetricValues values = MetricValues.of(app);
 * assertEquals(3.0, values.get("image_gallery_requests_total", "code", "200", "method", "GET"));
 * assertEquals(5.0, values.sum("image_gallery_requests_total"));          // over every label set
 * }</pre>
 * Names are sample names as exposed ({@code x_total}, {@code x_bucket}, {@code x_count}). Labels not given match any
 * value in {@link #sum}; {@link #get} needs the exact label set.
 *
 * <p>{@code HttpServerMetrics} counts a request when its response completes, on the server's thread; for a
 * response without a body that can be just after the client has it. A test that reads request metrics right after
 * a response should wait for the value instead of reading it once:
 * <pre>{@code
 * HttpResponse<String> r = client.send(request, BodyHandlers.ofString());
 * values.awaitValue(Duration.ofSeconds(5), 1.0, "image_gallery_requests_total",
 *         "method", "GET", "route", "/", "code", "200");
 * }</pre>
 */
public final class MetricValues {

    private final AppMetrics app;

    private MetricValues(AppMetrics app) {
        this.app = app;
    }

    /** Reads the values of {@code app}'s metrics (and of collectors registered around the factories), afresh each call. */
    public static MetricValues of(AppMetrics app) {
        if (app == null) {
            throw new IllegalArgumentException("app is null: pass the AppMetrics whose values to read.");
        }
        return new MetricValues(app);
    }

    /**
     * The value of the sample with exactly these labels ({@code name1, value1, name2, value2, ...}).
     *
     * @throws NoSuchElementException naming the label sets that do exist for the name
     */
    public double get(String name, String... labelPairs) {
        Map<String, String> wanted = pairs(labelPairs);
        Double value = find(name, wanted);
        if (value == null) {
            throw new NoSuchElementException("No sample " + name + wanted + "; the registry has "
                    + describeLabelSets(name) + ".");
        }
        return value;
    }

    /**
     * Waits until the sample with exactly these labels has the value {@code expected} (a sample that does not exist
     * yet is waited for too), polling with a short backoff until {@code timeout} has passed.
     *
     * @throws AssertionError after the timeout (or when interrupted), quoting the last value seen and the label
     *         sets that exist for the name
     */
    public void awaitValue(Duration timeout, double expected, String name, String... labelPairs) {
        Map<String, String> wanted = pairs(labelPairs);
        Poll.until(timeout, () -> {
            Double last = find(name, wanted);
            return last != null && Double.compare(last, expected) == 0;
        }, () -> {
            Double last = find(name, wanted);
            return name + wanted + ": expected " + expected + " within " + timeout + "; last saw "
                    + (last == null ? "no such sample" : last.toString()) + "; the registry has "
                    + describeLabelSets(name) + ".";
        });
    }

    /** True when a sample with exactly these labels exists. */
    public boolean exists(String name, String... labelPairs) {
        Map<String, String> wanted = pairs(labelPairs);
        return samples(name).stream().anyMatch(s -> s.labels().equals(wanted));
    }

    /** The sum of every sample of {@code name} whose labels include the given ones; 0 when none match. */
    public double sum(String name, String... labelPairs) {
        Map<String, String> wanted = pairs(labelPairs);
        double sum = 0;
        for (SampleSnapshot s : samples(name)) {
            if (s.labels().entrySet().containsAll(wanted.entrySet())) {
                sum += s.value();
            }
        }
        return sum;
    }

    /** How many samples of {@code name} exist (distinct label sets). */
    public int seriesCount(String name) {
        return samples(name).size();
    }

    /** Every distinct value of one label across the samples of {@code name}. */
    public List<String> labelValues(String name, String label) {
        List<String> values = new ArrayList<>();
        for (SampleSnapshot s : samples(name)) {
            String v = s.labels().get(label);
            if (v != null && !values.contains(v)) {
                values.add(v);
            }
        }
        return values;
    }

    private Double find(String name, Map<String, String> wanted) {
        for (SampleSnapshot s : samples(name)) {
            if (s.labels().equals(wanted)) {
                return s.value();
            }
        }
        return null;
    }

    /** "no sample of that name", or "2 with labels [{...}, {...}]" (at most 20 listed). */
    private String describeLabelSets(String name) {
        List<Map<String, String>> sets = new ArrayList<>();
        for (SampleSnapshot s : samples(name)) {
            sets.add(s.labels());
        }
        if (sets.isEmpty()) {
            return "no sample of that name";
        }
        return sets.size() + " with labels " + (sets.size() <= 20 ? sets.toString()
                : sets.subList(0, 20).toString().replaceFirst("]$", ", ...]"));
    }

    private List<SampleSnapshot> samples(String name) {
        return app.snapshot().samples(name);
    }

    private static Map<String, String> pairs(String... labelPairs) {
        if (labelPairs.length % 2 != 0) {
            throw new IllegalArgumentException("Label pairs must come as name, value, name, value ...; got "
                    + labelPairs.length + " strings.");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            m.put(labelPairs[i], labelPairs[i + 1]);
        }
        return m;
    }
}
