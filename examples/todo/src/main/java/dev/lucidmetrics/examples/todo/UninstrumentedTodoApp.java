package dev.lucidmetrics.examples.todo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Step 0 of docs/tutorial.md: the to-do service before it has any metrics.
 * {@code java -cp examples/todo/target/todo.jar dev.lucidmetrics.examples.todo.UninstrumentedTodoApp} (port 8020).
 * The {@code // snippet} comments mark what the tutorial quotes.
 */
final class UninstrumentedTodoApp implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private UninstrumentedTodoApp(int port) throws IOException {
        // snippet plain
        Tasks tasks = new Tasks();
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/tasks", new TasksApi(tasks));
        server.createContext("/health", Health::handle);
        // end snippet plain
        server.setExecutor(executor);
        server.start();
        this.server = server;
    }

    /** Starts the service on {@code port} (0: any free port). */
    static UninstrumentedTodoApp start(int port) throws IOException {
        return new UninstrumentedTodoApp(port);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
    }

    public static void main(String[] args) throws IOException {
        UninstrumentedTodoApp app = start(TodoApp.DEFAULT_PORT);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "todo-shutdown"));
        System.out.println("todo (no metrics) listening on http://localhost:" + app.port() + "/tasks");
    }
}
