package dev.lucidmetrics.examples.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.DocSnippets;
import dev.lucidmetrics.testing.MetricValues;
import dev.lucidmetrics.testing.MetricsAssertions;
import dev.lucidmetrics.testing.Poll;
import dev.lucidmetrics.testing.Promtool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Steps 0 to 6 of docs/tutorial.md, run: the page must show each step's code as it is in the example (the
 * {@code // snippet} regions of its main classes) and each curl session with what the running service answers.
 * Every test starts its own service on a free port and replays the session up to its step, so the counts shown
 * are the counts of that session.
 */
class TutorialTest {

    static final DocSnippets PAGE = DocSnippets.ofSources("docs/tutorial.md",
            "src/main/java/dev/lucidmetrics/examples/todo/UninstrumentedTodoApp.java",
            "src/main/java/dev/lucidmetrics/examples/todo/TodoApp.java",
            "src/test/java/dev/lucidmetrics/examples/todo/TutorialTest.java");
    /** The settings the page starts the service with (PORT=8020 there; any free port here). */
    private static final Map<String, String> ENV = Map.of("PORT", "0", "APP_VERSION", "1.0.0");

    private static final List<Curl> CREATE = List.of(Curl.post("/tasks", "{\"title\":\"Buy milk\"}"),
            Curl.post("/tasks", "{\"title\":\"Write the tutorial\"}"));
    private static final List<Curl> COMPLETE = List.of(Curl.post("/tasks/1/complete"));
    private static final List<Curl> MORE = List.of(Curl.get("/tasks"), Curl.delete("/tasks/2"),
            Curl.get("/tasks/1/edit"));

    private final List<AutoCloseable> apps = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable app : apps) {
            app.close();
        }
    }

    private TodoApp todo() {
        TodoApp app = TodoApp.start(EnvConfig.of(ENV));
        apps.add(app);
        return app;
    }

    /** The page block of these commands run in order against {@code port}: prompt, command, answer, ... */
    private static String session(int port, List<Curl> commands) {
        return commands.stream().map(c -> c.shown(port)).collect(Collectors.joining());
    }

    @SafeVarargs
    private static List<Curl> concat(List<Curl>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }

    /** Waits until the service has counted {@code n} requests: a request counts when its response completes. */
    /** A request is counted when its response is complete, a moment before it leaves the in-flight gauge. */
    private static void awaitRequests(TodoApp app, int n) {
        MetricValues values = MetricValues.of(app.metrics());
        Poll.until(n + " requests counted and none in flight", Duration.ofSeconds(5),
                () -> values.sum("todo_requests_total") == n && values.get("todo_in_flight_requests") == 0);
    }

    @Test
    void step0TheServiceWithoutMetricsKeepsTasksAndHasNoMetricsPage() throws Exception {
        PAGE.assertShows("plain");
        try (UninstrumentedTodoApp plain = UninstrumentedTodoApp.start(0)) {
            List<Curl> commands = concat(CREATE, COMPLETE, MORE.subList(0, 2), List.of(Curl.get("/metrics")));
            PAGE.assertShowsText("the session with the service without metrics", session(plain.port(), commands));
        }
    }

    @Test
    void step1OneAppMetricsObjectServesItsBuildFactsAtMetrics() {
        PAGE.assertShows("describe");
        TodoApp app = todo();
        String shown = Curl.metrics("todo_build_info").shown(app.port())
                .replace(System.getProperty("java.version"), "17.0.15");   // the page's JVM
        PAGE.assertShowsText("the build facts", shown);
    }

    @Test
    void step2TheCounterCountsEveryTaskCreated() {
        PAGE.assertShows("counter");
        TodoApp app = todo();
        PAGE.assertShowsText("two tasks created, counted",
                session(app.port(), concat(CREATE, List.of(Curl.metrics("todo_tasks_created_total")))));
    }

    @Test
    void step3TheGaugeReadsTheOpenTasksAtEachScrape() {
        PAGE.assertShows("gauge");
        TodoApp app = todo();
        session(app.port(), CREATE);
        PAGE.assertShowsText("one task completed, one open",
                session(app.port(), concat(COMPLETE, List.of(Curl.metrics("todo_open_tasks")))));
    }

    @Test
    void step4RequestsAreCountedByRouteTemplateNeverByRawPath() {
        PAGE.assertShows("http");
        TodoApp app = todo();
        session(app.port(), concat(CREATE, COMPLETE));
        String requests = session(app.port(), MORE);
        awaitRequests(app, CREATE.size() + COMPLETE.size() + MORE.size());
        PAGE.assertShowsText("requests by route", requests
                + Curl.metrics("todo_requests_total", "todo_in_flight_requests").shown(app.port()));
    }

    @Test
    void step5JvmMetricsComeWithTheirHelp() {
        PAGE.assertShows("jvm");
        TodoApp app = todo();
        String shown = Curl.grep("/metrics", "# HELP jvm_memory_bytes").shown(app.port());
        assertEquals(5, shown.lines().count(), shown);   // the command and four families
        PAGE.assertShowsText("the JVM memory families", shown);
    }

    // snippet naming-test
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
    // end snippet naming-test

    @Test
    void step6ShowsTheNamingTest() {
        PAGE.assertShows("naming-test");
    }
}
