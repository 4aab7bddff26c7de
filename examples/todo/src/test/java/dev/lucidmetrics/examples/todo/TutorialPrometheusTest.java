package dev.lucidmetrics.examples.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lucidmetrics.core.support.DocSnippets;
import dev.lucidmetrics.testing.Promtool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Steps 7 to 9 of docs/tutorial.md: the page shows the example's Prometheus files whole and the dashboard's
 * queries as its JSON has them, and what promtool says of the files is what the page says it prints.
 */
class TutorialPrometheusTest {

    private static final DocSnippets PAGE = TutorialTest.PAGE;
    private static final Path PROMETHEUS = Path.of("prometheus");

    @Test
    void step7TheScrapeConfigIsValidWithItsRules() {
        PAGE.assertShowsText("examples/todo/prometheus/prometheus.yml", read(PROMETHEUS.resolve("prometheus.yml")));
        PAGE.assertShowsText("promtool check config and its output",
                "$ cd examples/todo/prometheus && promtool check config prometheus.yml\n"
                        + promtool("check", "config", "prometheus.yml"));
    }

    @Test
    void step8ThePageShowsEveryPanelQueryOfTheDashboard() throws IOException {
        JsonNode board = new ObjectMapper().readTree(read(Path.of("grafana/todo.json")));
        List<String> queries = new ArrayList<>();
        board.path("panels").forEach(p -> p.path("targets").forEach(t -> queries.add(t.path("expr").asText())));
        assertEquals(2, queries.size(), queries.toString());
        for (String q : queries) {
            PAGE.assertShowsText("the panel query " + q, "```promql\n" + q + "\n```");
        }
        assertTrue(read(PROMETHEUS.resolve("todo-alerts.test.yml")).contains("- expr: " + queries.get(0) + "\n"),
                "the rule test checks the \"Open tasks\" query " + queries.get(0));
    }

    @Test
    void step9TheAlertRuleAndItsTestPass() {
        PAGE.assertShowsText("examples/todo/prometheus/todo-alerts.yml", read(PROMETHEUS.resolve("todo-alerts.yml")));
        PAGE.assertShowsText("examples/todo/prometheus/todo-alerts.test.yml",
                read(PROMETHEUS.resolve("todo-alerts.test.yml")));
        PAGE.assertShowsText("promtool test rules and its output",
                "$ promtool test rules todo-alerts.test.yml\n" + promtool("test", "rules", "todo-alerts.test.yml"));
    }

    /** promtool's output (stdout and stderr) for {@code args}, run in the example's prometheus folder; exit 0. */
    private static String promtool(String... args) {
        List<String> command = new ArrayList<>(List.of(Promtool.executable().toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool " + String.join(" ", args) + " did not finish");
            assertEquals(0, p.exitValue(), "promtool " + String.join(" ", args) + ":\n" + output);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while promtool ran", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
