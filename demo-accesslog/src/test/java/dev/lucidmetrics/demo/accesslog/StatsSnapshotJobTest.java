package dev.lucidmetrics.demo.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatsSnapshotJobTest {

    private HttpServer server;

    private URI serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/stats", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stats");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void readsTheLogCountFromStats() throws Exception {
        assertEquals(42, StatsSnapshotJob.logCount(serve(200, "{\"logs\": 42}")));
    }

    @Test
    void aNon200AnswerFailsTheRunNamingUrlAndStatus() throws Exception {
        URI url = serve(503, "{}");
        IOException e = assertThrows(IOException.class, () -> StatsSnapshotJob.logCount(url));
        assertEquals("GET " + url + " answered 503, expected 200", e.getMessage());
    }

    @Test
    void aBodyWithoutNumericLogsFailsTheRunQuotingTheBody() throws Exception {
        URI url = serve(200, "{\"logs\": \"many\"}");
        IOException e = assertThrows(IOException.class, () -> StatsSnapshotJob.logCount(url));
        assertTrue(e.getMessage().endsWith("returned no numeric \"logs\" field: {\"logs\": \"many\"}"), e.getMessage());
    }
}
