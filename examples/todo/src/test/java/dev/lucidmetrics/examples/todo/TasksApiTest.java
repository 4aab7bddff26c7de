package dev.lucidmetrics.examples.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.support.TestHttp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The to-do API on its own (no metrics): what it answers, and that bad input gets a 4xx that says what to send. */
class TasksApiTest {

    private final Tasks tasks = new Tasks();
    private final HttpServer server;

    TasksApiTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tasks", new TasksApi(tasks));
        server.createContext("/health", Health::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpResponse<String> send(String method, String path, String body) {
        return TestHttp.send(TestHttp.request(server.getAddress().getPort(), path)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)).build());
    }

    private void assertAnswers(int status, String bodyPart, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains(bodyPart), response.body());
    }

    @Test
    void aCreatedTaskHasItsLocationAndIsListedReadAndCompleted() {
        HttpResponse<String> created = send("POST", "/tasks", "{\"title\":\"  Buy milk  \"}");
        assertAnswers(201, "{\"id\":1,\"title\":\"Buy milk\",\"done\":false}", created);
        assertEquals("/tasks/1", created.headers().firstValue("Location").orElseThrow());
        assertAnswers(200, "{\"id\":1,\"title\":\"Buy milk\",\"done\":false}", send("GET", "/tasks/1", null));
        assertAnswers(200, "\"done\":true", send("POST", "/tasks/1/complete", null));
        assertAnswers(200, "\"done\":true", send("POST", "/tasks/1/complete", null));   // done stays done
        assertAnswers(200, "[{\"id\":1,\"title\":\"Buy milk\",\"done\":true}]", send("GET", "/tasks", null));
        assertEquals(0, tasks.open());
    }

    @Test
    void aBodyThatIsNotATitleIsRefusedSayingWhatToSend() {
        String wanted = "such as {\\\"title\\\":\\\"Buy milk\\\"}";
        assertAnswers(400, wanted, send("POST", "/tasks", "Buy milk"));
        assertAnswers(400, wanted, send("POST", "/tasks", "{\"name\":\"Buy milk\"}"));
        assertAnswers(400, wanted, send("POST", "/tasks", "{\"title\":42}"));
        assertAnswers(400, wanted, send("POST", "/tasks", null));
        assertAnswers(400, "The title has 0 characters: give it 1 to 200.",
                send("POST", "/tasks", "{\"title\":\" \"}"));
        assertAnswers(400, "The title has 201 characters", send("POST", "/tasks",
                "{\"title\":\"" + "x".repeat(201) + "\"}"));
        assertAnswers(413, "over 4096 bytes", send("POST", "/tasks", "{\"title\":\"" + "x".repeat(5000) + "\"}"));
        assertEquals(0, tasks.all().size());
    }

    @Test
    void unknownTasksPathsAndMethodsAreClientErrors() {
        tasks.create("Buy milk");
        assertAnswers(404, "No task 7: GET /tasks lists the ids.", send("DELETE", "/tasks/7", null));
        assertAnswers(404, "No task abc", send("GET", "/tasks/abc", null));
        assertAnswers(404, "No task 99999999999999999999", send("POST", "/tasks/99999999999999999999/complete", null));
        assertAnswers(404, "the API is /tasks, /tasks/{id} and /tasks/{id}/complete",
                send("GET", "/tasks/1/edit", null));
        assertAnswers(404, "the API is", send("GET", "/tasksx", null));
        assertAnswers(404, "the API is", send("GET", "/tasks/", null));
        HttpResponse<String> put = send("PUT", "/tasks", "{}");
        assertAnswers(405, "PUT is not allowed here: use GET, POST.", put);
        assertEquals("GET, POST", put.headers().firstValue("Allow").orElseThrow());
        assertAnswers(405, "use GET, DELETE", send("PATCH", "/tasks/1", null));
        assertAnswers(405, "use POST", send("GET", "/tasks/1/complete", null));
        HttpResponse<String> head = send("HEAD", "/tasks", null);
        assertEquals(405, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void aFullListRefusesNewTasksWithAConflictNotAServerError() {
        while (tasks.create("chore").isPresent()) {
            // fill the list
        }
        assertEquals(Tasks.MAX_TASKS, tasks.all().size());
        assertAnswers(409, "The list is full (10000 tasks): delete some first.",
                send("POST", "/tasks", "{\"title\":\"one more\"}"));
        assertAnswers(200, "\"id\":1,", send("DELETE", "/tasks/1", null));
        assertAnswers(201, "one more", send("POST", "/tasks", "{\"title\":\"one more\"}"));
    }

    @Test
    void healthAnswersOnlyItsOwnPath() {
        assertAnswers(200, "{\"status\":\"up\"}", send("GET", "/health", null));
        assertAnswers(404, "the health check is /health", send("GET", "/healthz", null));
        assertAnswers(405, "Use GET /health.", send("POST", "/health", null));
    }

    @Test
    void theListIsInCreationOrder() {
        for (int i = 0; i < 30; i++) {
            tasks.create("task " + i);
        }
        HttpResponse<String> list = send("GET", "/tasks", null);
        assertTrue(list.body().startsWith("[{\"id\":1,\"title\":\"task 0\""), list.body());
        assertTrue(list.body().endsWith("{\"id\":30,\"title\":\"task 29\",\"done\":false}]"), list.body());
    }
}
