package dev.lucidmetrics.examples.todo;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.testing.MetricsAssertions;
import dev.lucidmetrics.testing.Promtool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service's metrics as the library and Prometheus' own linter see them. */
class MetricsNamingTest {

    @Test
    void theMetricsFollowTheNamingRules() throws Exception {
        try (TodoApp todo = TodoApp.start(EnvConfig.of(Map.of("PORT", "0")))) {
            MetricsAssertions.assertNamingClean(todo.metrics());               // names, units, suffixes, help
            URI metrics = URI.create("http://localhost:" + todo.port() + "/metrics");
            String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
                    BodyHandlers.ofString()).body();
            Promtool.assertClean(scrape);                                      // Prometheus' own linter agrees
        }
    }
}
