package dev.lucidmetrics.examples.todo;

import dev.lucidmetrics.core.config.EnvConfig;
import java.io.UncheckedIOException;

/** Starts the to-do service and says where it answers: {@code PORT=8020 java -jar target/todo.jar}. */
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
