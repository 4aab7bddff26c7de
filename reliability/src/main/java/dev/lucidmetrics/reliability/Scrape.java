package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One scrape of an app's metrics in the Prometheus text format 0.0.4 (what a plain GET gets): its samples and the
 * type of each family. Enough to add counters up and to count series per family; not a general parser (no
 * timestamps, exemplars or OpenMetrics).
 */
final class Scrape {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<String> SUFFIXES = List.of("_total", "_bucket", "_count", "_sum", "_created", "");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    final List<Sample> samples;
    final Map<String, String> types;

    private Scrape(List<Sample> samples, Map<String, String> types) {
        this.samples = samples;
        this.types = types;
    }

    /** GETs {@code url} (within 5 s) and parses it. */
    static Scrape of(URI url) throws IOException, InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(url + " answered " + r.statusCode());
        }
        return parse(r.body());
    }

    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] p = line.split(" ");
                types.put(p[2], p[3]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line));
            }
        }
        return new Scrape(samples, types);
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        int rest;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            rest = labels(line, brace + 1, labels);
        } else {
            name = line.substring(0, space);
            rest = space;
        }
        String[] value = line.substring(rest).trim().split(" ");
        return new Sample(name, labels, Double.parseDouble(value[0]));
    }

    /** Parses {@code k="v",...}} from {@code i}; returns the index after the closing brace. */
    private static int labels(String line, int i, Map<String, String> into) {
        while (line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            String key = line.substring(i, eq).replace(",", "").trim();
            StringBuilder v = new StringBuilder();
            int j = eq + 2;  // after ="
            for (char c; (c = line.charAt(j)) != '"'; j++) {
                if (c == '\\') {
                    char n = line.charAt(++j);
                    v.append(n == 'n' ? '\n' : n);
                } else {
                    v.append(c);
                }
            }
            into.put(key, v.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i + 1;
    }

    /** The family a sample belongs to: the declared family its name is, or is plus a suffix such as _bucket. */
    String family(String sampleName) {
        for (String suffix : SUFFIXES) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                if (types.containsKey(base)) {
                    return base;
                }
                if (types.containsKey(sampleName)) {
                    return sampleName;
                }
            }
        }
        return sampleName;
    }

    /** Series per family: distinct label sets, {@code le} and {@code quantile} left out. */
    Map<String, Integer> seriesPerFamily() {
        Map<String, Set<Map<String, String>>> sets = new HashMap<>();
        for (Sample s : samples) {
            Map<String, String> labels = new TreeMap<>(s.labels());
            labels.remove("le");
            labels.remove("quantile");
            sets.computeIfAbsent(family(s.name()), f -> new HashSet<>()).add(labels);
        }
        Map<String, Integer> counts = new TreeMap<>();
        sets.forEach((f, s) -> counts.put(f, s.size()));
        return counts;
    }

    /** The sum of {@code name}'s samples whose labels include {@code match}, by the value of {@code by}. */
    Map<String, Double> sumBy(String name, String by, Map<String, String> match) {
        Map<String, Double> sums = new TreeMap<>();
        for (Sample s : samples) {
            if (s.name().equals(name) && s.labels().entrySet().containsAll(match.entrySet())) {
                sums.merge(s.labels().getOrDefault(by, ""), s.value(), Double::sum);
            }
        }
        return sums;
    }

    /** The sum of {@code name}'s samples whose labels include {@code match} (0 when there is none). */
    double sum(String name, Map<String, String> match) {
        return sumBy(name, "", match).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Label values of {@code label} across {@code name}'s samples. */
    Set<String> values(String name, String label) {
        Set<String> values = new HashSet<>();
        samples.stream().filter(s -> s.name().equals(name) && s.labels().containsKey(label))
                .forEach(s -> values.add(s.labels().get(label)));
        return values;
    }
}
