package dev.lucidmetrics.examples.todo;

import dev.lucidmetrics.core.support.TestHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A curl command as the tutorial shows it, and the same request made from the test: {@link #shown} is the command
 * line with what curl would print, so the page's commands and answers are both checked. The page says
 * {@code localhost:8020}; the test sends to the app's real port.
 */
record Curl(String method, String path, String data, String grep, boolean status) {

    static final String HOST = "localhost:" + TodoApp.DEFAULT_PORT;

    /** {@code curl -s -w ' %{http_code}\n' localhost:8020PATH}: the body, a space and the status code. */
    static Curl get(String path) {
        return new Curl("GET", path, null, null, true);
    }

    /** {@code curl -s -w ... localhost:8020PATH -d 'DATA'} (curl's -d is a POST). */
    static Curl post(String path, String data) {
        return new Curl("POST", path, data, null, true);
    }

    /** {@code curl -s -w ... -X POST localhost:8020PATH}, no body. */
    static Curl post(String path) {
        return new Curl("POST", path, null, null, true);
    }

    static Curl delete(String path) {
        return new Curl("DELETE", path, null, null, true);
    }

    /** {@code curl -sg 'localhost:8020/metrics?name[]=A&name[]=B'}: only those families (-g: [] is no glob). */
    static Curl metrics(String... families) {
        String query = Arrays.stream(families).map(f -> "name[]=" + f).collect(Collectors.joining("&"));
        return new Curl("GET", "/metrics?" + query, null, null, false);
    }

    /** {@code curl -s localhost:8020PATH | grep '^PREFIX'}. */
    static Curl grep(String path, String prefix) {
        return new Curl("GET", path, null, prefix, false);
    }

    String command() {
        StringBuilder c = new StringBuilder(status ? "curl -s -w ' %{http_code}\\n'" : path.contains("[]") ? "curl -sg"
                : "curl -s");
        if (data == null && !method.equals("GET")) {
            c.append(" -X ").append(method);
        }
        c.append(' ').append(path.contains("?") ? "'" + HOST + path + "'" : HOST + path);
        if (data != null) {
            c.append(" -d '").append(data).append("'");
        }
        if (grep != null) {
            c.append(" | grep '^").append(grep).append("'");
        }
        return c.toString();
    }

    /** What curl prints for this command against the app on {@code port}. */
    String output(int port) {
        HttpRequest.Builder request = TestHttp.request(port, path);
        request.method(method, data == null ? BodyPublishers.noBody() : BodyPublishers.ofString(data));
        if (data != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");   // what curl -d sends
        }
        HttpResponse<String> response = TestHttp.send(request.build());
        if (status) {
            return response.body() + " " + response.statusCode() + "\n";
        }
        if (grep != null) {
            return response.body().lines().filter(l -> l.startsWith(grep)).map(l -> l + "\n")
                    .collect(Collectors.joining());
        }
        return response.body();
    }

    /** The command after a {@code $ } prompt, then its output: a block of the page. */
    String shown(int port) {
        return "$ " + command() + "\n" + output(port);
    }
}
