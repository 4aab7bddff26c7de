package dev.lucidmetrics.examples.todo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API under {@code /tasks}:
 * <pre>
 * GET    /tasks                 200 every task, oldest first
 * POST   /tasks                 201 the new task; body {"title":"Buy milk"}
 * GET    /tasks/{id}            200 the task
 * POST   /tasks/{id}/complete   200 the task, now done
 * DELETE /tasks/{id}            200 the task, now gone
 * </pre>
 * Bad input gets a 4xx with {@code {"error":"..."}} saying what to send instead: 400 for a body that is not
 * {@code {"title":"..."}}, 404 for an unknown task or path, 405 (with {@code Allow}) for another method, 409 when
 * the list is full, 413 for a body over 4 KiB.
 */
final class TasksApi implements HttpHandler {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_BODY_BYTES = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Tasks tasks;

    TasksApi(Tasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/", -1);  // "", "tasks", id, action
            String method = exchange.getRequestMethod();
            boolean withId = parts.length > 2 && parts[1].equals("tasks") && !parts[2].isEmpty();
            if (parts.length == 2 && parts[1].equals("tasks")) {
                switch (method) {
                    case "GET" -> send(exchange, 200, tasks.all());
                    case "POST" -> create(exchange);
                    default -> notAllowed(exchange, "GET, POST");
                }
            } else if (withId && parts.length == 3) {
                switch (method) {
                    case "GET" -> found(exchange, parts[2], tasks.get(id(parts[2])));
                    case "DELETE" -> found(exchange, parts[2], tasks.delete(id(parts[2])));
                    default -> notAllowed(exchange, "GET, DELETE");
                }
            } else if (withId && parts.length == 4 && parts[3].equals("complete")) {
                if (method.equals("POST")) {
                    found(exchange, parts[2], tasks.complete(id(parts[2])));
                } else {
                    notAllowed(exchange, "POST");
                }
            } else {
                error(exchange, 404, "No such path: the API is /tasks, /tasks/{id} and /tasks/{id}/complete.");
            }
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            error(exchange, 413, "The body is over " + MAX_BODY_BYTES + " bytes: send {\"title\":\"...\"} only.");
            return;
        }
        String title = title(body);
        if (title == null) {
            error(exchange, 400, "The body must be a JSON object with a text title, such as {\"title\":\"Buy milk\"}.");
        } else if (title.isEmpty() || title.length() > MAX_TITLE_LENGTH) {
            error(exchange, 400, "The title has " + title.length() + " characters: give it 1 to " + MAX_TITLE_LENGTH
                    + ".");
        } else {
            Optional<Task> task = tasks.create(title);
            if (task.isPresent()) {
                exchange.getResponseHeaders().set("Location", "/tasks/" + task.get().id());
                send(exchange, 201, task.get());
            } else {
                error(exchange, 409, "The list is full (" + Tasks.MAX_TASKS + " tasks): delete some first.");
            }
        }
    }

    /** The trimmed title of {@code {"title":"..."}}, or null when the body is not such an object. */
    private static String title(byte[] body) {
        try {
            JsonNode title = JSON.readTree(body).path("title");
            return title.isTextual() ? title.asText().strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The task id in the path, or -1 (no task has it) when the segment is not a number. */
    private static long id(String segment) {
        try {
            return Long.parseLong(segment);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void found(HttpExchange exchange, String id, Optional<Task> task) throws IOException {
        if (task.isPresent()) {
            send(exchange, 200, task.get());
        } else {
            error(exchange, 404, "No task " + id + ": GET /tasks lists the ids.");
        }
    }

    private static void notAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        error(exchange, 405, exchange.getRequestMethod() + " is not allowed here: use " + allowed + ".");
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, Map.of("error", message));
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + body + " as JSON", e);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);   // a HEAD answer has no body
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
