package dev.lucidmetrics.examples.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.core.support.TextSamples;
import dev.lucidmetrics.testing.MetricValues;
import dev.lucidmetrics.testing.Poll;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The instrumented service: its settings, its series under hostile paths, and what the tutorial says of it. */
class TodoAppTest {

    @Test
    void anInvalidSettingStopsTheStartNamingIt() {
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> TodoApp.start(EnvConfig.of(Map.of("PORT", "80a"))));
        assertTrue(port.getMessage().startsWith("PORT=\"80a\" is not valid"), port.getMessage());
        IllegalArgumentException metricsPort = assertThrows(IllegalArgumentException.class,
                () -> TodoApp.start(EnvConfig.of(Map.of("PORT", "0", "METRICS_PORT", "80a"))));
        assertTrue(metricsPort.getMessage().startsWith("METRICS_PORT=\"80a\" is not valid"), metricsPort.getMessage());
    }

    @Test
    void aPortInUseStopsTheStartNamingPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> TodoApp.start(EnvConfig.of(Map.of("PORT", String.valueOf(taken.getLocalPort())))));
            assertTrue(e.getMessage().startsWith("PORT=" + taken.getLocalPort() + " is in use"), e.getMessage());
        }
    }

    @Test
    void metricsCanHaveAPortOfTheirOwn() throws Exception {
        int metricsPort;
        try (ServerSocket free = new ServerSocket(0)) {
            metricsPort = free.getLocalPort();
        }
        Map<String, String> env = Map.of("PORT", "0", "METRICS_PORT", String.valueOf(metricsPort));
        try (TodoApp app = TodoApp.start(EnvConfig.of(env))) {
            assertEquals(404, TestHttp.get(app.port(), "/metrics").statusCode());
            assertTrue(TextSamples.contains(TestHttp.get(metricsPort, "/metrics").body(), "todo_open_tasks 0.0"));
        }
    }

    @Test
    void noPathAClientSendsMakesANewSeries() {
        try (TodoApp app = TodoApp.start(EnvConfig.of(Map.of("PORT", "0")))) {
            for (int i = 0; i < 40; i++) {
                TestHttp.get(app.port(), "/tasks/" + i);
                TestHttp.get(app.port(), "/tasks/" + i + "/x" + i);
            }
            MetricValues values = MetricValues.of(app.metrics());
            Poll.until("80 requests counted", Duration.ofSeconds(5), () -> values.sum("todo_requests_total") == 80);
            assertEquals(2, values.seriesCount("todo_requests_total"));
            assertEquals(40.0, values.get("todo_requests_total", "method", "GET", "route", "/tasks/{id}",
                    "code", "404"));
            assertEquals(40.0, values.get("todo_requests_total", "method", "GET", "route", "NOT_FOUND",
                    "code", "404"));
        }
    }

    @Test
    void aStoppedServiceFreesItsPort() throws Exception {
        TodoApp app = TodoApp.start(EnvConfig.of(Map.of("PORT", "0")));
        int port = app.port();
        app.close();
        try (ServerSocket again = new ServerSocket(port)) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void aCounterNameWithoutTotalIsRefusedAtStartAsTheTutorialSays() {
        AppMetrics app = AppMetrics.builder("todo").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> app.counter("tasks_added").help("Tasks added.").register());
        assertTrue(e.getMessage().contains("must end in \"_total\""), e.getMessage());
    }
}
