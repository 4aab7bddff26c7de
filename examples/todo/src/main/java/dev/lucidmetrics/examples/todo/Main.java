package dev.lucidmetrics.examples.todo;

import dev.lucidmetrics.core.config.EnvConfig;
import java.io.UncheckedIOException;

/** Runs the instrumented to-do service: {@code PORT=8020 java -jar examples/todo/target/todo.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        TodoApp app;
        try {
            app = TodoApp.start(EnvConfig.fromSystem());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("todo: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "todo-shutdown"));
        System.out.println("todo listening on http://localhost:" + app.port() + "/tasks");
        System.out.println("  metrics " + app.metricsUrl());
        System.out.println("  health  http://localhost:" + app.port() + "/health");
    }
}
