package dev.lucidmetrics.demo.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.support.TestHttp;
import dev.lucidmetrics.demo.support.JsonLogLines;
import dev.lucidmetrics.demo.support.Processes;
import dev.lucidmetrics.demo.support.StopInFlight;
import dev.lucidmetrics.testing.Poll;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ShutdownTest {

    @Test
    void stopLetsAPostWhoseBodyIsStillArrivingFinish() throws Exception {
        AccessLogApp app = AccessLogApp.start(EnvConfig.of(Map.of("PORT", "0")), Clock.systemUTC(),
                Executors.newFixedThreadPool(2), new PrintStream(OutputStream.nullOutputStream()));
        String body = "{\"clientIp\": \"10.1.2.3\"}";
        try (Socket client = new Socket("localhost", app.server().port())) {
            client.setSoTimeout(10_000);
            OutputStream out = client.getOutputStream();
            out.write(("POST /access-log HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                    + body.substring(0, 5)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Poll.until("the request to reach the handler", Duration.ofSeconds(5),
                    () -> app.server().running() == 1);

            StopInFlight stopping = StopInFlight.begin("access-log", app.server().port(), app::stop);
            out.write(body.substring(5).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 201 "), response);
            assertTrue(stopping.awaitStopped(Duration.ofSeconds(5)).toMillis() < 5000);
        }
    }

    @Test
    void sigtermStopsTheProcessWithinItsGracePeriod() throws Exception {
        try (Processes.Started p = Processes.startMain(Main.class, Map.of("PORT", "0"))) {
            URI uri = URI.create("http://localhost:" + p.port() + "/access-log");
            assertEquals(201, TestHttp.post(uri, "application/json", "{\"clientIp\": \"10.9.8.7\"}").statusCode());
            assertEquals(143, p.sigtermAndAwaitStopWithin(Duration.ofSeconds(5)));
            JsonNode visit = JsonLogLines.one(JsonLogLines.parseEvery("stdout", p.stdout()), l -> true, "one visit");
            assertEquals("10.9.8.7", visit.get("clientIp").asText(), "the visit record, on stdout");
        }
    }

    @Test
    void anInvalidSettingStopsStartupWithAMessageNamingIt() throws Exception {
        Processes.Exited p = Processes.runToExit(Main.class, Map.of("PORT", "0", "CLIENT_IP_MAX", "0"),
                Duration.ofSeconds(20));
        assertEquals(2, p.exitCode());
        Processes.assertOneTextLine("ERROR", "Main", "access-log cannot start: CLIENT_IP_MAX=\"0\" is not valid:"
                + " expected a whole number from 1 to 1000000.", p.output());
    }

    @Test
    void anUnknownLogFormatStopsStartupNamingTheSetting() throws Exception {
        Processes.Exited p = Processes.runToExit(Main.class, Map.of("PORT", "0", "LOG_FORMAT", "xml"),
                Duration.ofSeconds(20));
        assertEquals(2, p.exitCode());
        Processes.assertOneTextLine("ERROR", "Main", "access-log cannot start: LOG_FORMAT=\"xml\" is not valid:"
                + " expected json or text.", p.output());
    }
}
