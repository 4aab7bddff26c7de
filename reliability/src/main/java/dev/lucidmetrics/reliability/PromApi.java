package dev.lucidmetrics.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prometheus's HTTP API: instant queries (POST, so long selectors fit) and the metric metadata. */
final class PromApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One element of an instant vector. */
    record Result(Map<String, String> metric, double value) {
    }

    private final URI base;

    PromApi(URI base) {
        this.base = base;
    }

    /** Seconds since the epoch, as Prometheus takes them, for {@code nanoTime} of this JVM. */
    static double epochSeconds(long nanoTime) {
        return (System.currentTimeMillis() - (System.nanoTime() - nanoTime) / 1_000_000) / 1000.0;
    }

    /** An instant query evaluated at {@code time} (epoch seconds); a failed query throws, naming it. */
    List<Result> query(String promql, double time) throws IOException, InterruptedException {
        String form = "query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&time=" + time;
        HttpRequest post = HttpRequest.newBuilder(base.resolve("/api/v1/query")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> r = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (r.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IOException("query " + promql + " failed (" + r.statusCode() + "): " + body.path("error"));
        }
        List<Result> results = new ArrayList<>();
        for (JsonNode item : body.path("data").path("result")) {
            Map<String, String> metric = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = item.path("metric").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                metric.put(e.getKey(), e.getValue().asText());
            }
            results.add(new Result(metric, Double.parseDouble(item.path("value").path(1).asText())));
        }
        return results;
    }

    /** The query's results keyed by one label's value (absent label: ""). */
    Map<String, Double> by(String label, String promql, double time) throws IOException, InterruptedException {
        Map<String, Double> m = new TreeMap<>();
        for (Result r : query(promql, time)) {
            m.merge(r.metric().getOrDefault(label, ""), r.value(), Double::sum);
        }
        return m;
    }

    /** Family name to type (counter, gauge, histogram, summary, ...), as the scrapes declared them. */
    Map<String, String> metadataTypes() throws IOException, InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(base.resolve("/api/v1/metadata")).timeout(Duration.ofSeconds(30))
                .build();
        JsonNode data = JSON.readTree(HTTP.send(get, HttpResponse.BodyHandlers.ofString()).body()).path("data");
        Map<String, String> types = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            types.put(e.getKey(), e.getValue().path(0).path("type").asText());
        }
        return types;
    }

    /**
     * Polls until every target of {@code job} has been scraped at or after {@code epochSeconds} (its {@code up}
     * sample is that new), within {@code deadline}; false when it has not.
     */
    boolean awaitScrapeAfter(String job, double epochSeconds, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        String q = "min(timestamp(up{job=\"" + job + "\"}))";
        while (System.nanoTime() - end < 0) {
            try {
                List<Result> r = query(q, System.currentTimeMillis() / 1000.0);
                if (!r.isEmpty() && r.get(0).value() >= epochSeconds) {
                    return true;
                }
            } catch (IOException e) {
                // not ready (restarting): poll again
            }
            Proc.pause(Duration.ofMillis(100));
        }
        return false;
    }
}
