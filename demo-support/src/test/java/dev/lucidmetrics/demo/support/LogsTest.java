package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lucidmetrics.core.config.EnvConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogsTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @AfterEach
    void defaultLogging() throws IOException {
        LogManager.getLogManager().readConfiguration();
    }

    @Test
    void aLineIsOneJsonObjectInTheSchemaWrittenByJackson() {
        String thread = Thread.currentThread().getName();
        String json = LogLine.at(T, "INFO", "dev.lucidmetrics.demo.x.App", "caf\u00e9 \"1\"\nline two")
                .with("status", 200).with("duration_ms", 1.5).with("skipped", null).json();
        assertEquals("{\"time\":\"2026-03-01T10:00:00.000Z\",\"level\":\"INFO\","
                + "\"logger\":\"dev.lucidmetrics.demo.x.App\",\"thread\":" + Responses.JSON.valueToTree(thread)
                + ",\"message\":\"caf\\u00E9 \\\"1\\\"\\nline two\",\"status\":200,\"duration_ms\":1.5}", json);
    }

    @Test
    void theTextFormIsOneLineWithTheFieldsAfterTheMessage() {
        String text = LogLine.at(T, "WARN", "dev.lucidmetrics.demo.x.App", "bad\npath").with("path", "/a\r\nb").text();
        assertEquals("2026-03-01T10:00:00.000Z WARN App: bad\\npath path=/a\\r\\nb", text);
    }

    @Test
    void everyRecordOfJavaUtilLoggingBecomesAJsonLineWithLevelMessageAndStackTrace() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Logs.install(Logs.Format.JSON, new PrintStream(out, true, StandardCharsets.UTF_8));
        System.Logger logger = System.getLogger("dev.lucidmetrics.demo.x.Library");
        logger.log(System.Logger.Level.WARNING, "More than {0} routes of \"{1}\"", 3, "x_total");
        logger.log(System.Logger.Level.ERROR, "Handler failed", new IllegalStateException("bug"));
        logger.log(System.Logger.Level.DEBUG, "below the default level: not written");
        LogRecord withFields = new LogRecord(Level.INFO, "GET /images/{0} 200");
        withFields.setLoggerName("dev.lucidmetrics.demo.x.Requests");
        withFields.setParameters(new Object[] {new LogLine.Fields(Map.of("status", 200))});
        java.util.logging.Logger.getLogger("dev.lucidmetrics.demo.x.Requests").log(withFields);

        List<JsonNode> lines = JsonLogLines.parseEvery("captured",
                out.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("WARN", lines.get(0).get("level").asText());
        assertEquals("More than 3 routes of \"x_total\"", lines.get(0).get("message").asText());
        assertEquals("dev.lucidmetrics.demo.x.Library", lines.get(0).get("logger").asText());
        assertEquals("ERROR", lines.get(1).get("level").asText());
        assertTrue(lines.get(1).get("exception").asText().startsWith("java.lang.IllegalStateException: bug\n\tat "),
                lines.get(1).toString());
        assertEquals("GET /images/{0} 200", lines.get(2).get("message").asText(), "a message with fields is literal");
        assertEquals(200, lines.get(2).get("status").asInt());
    }

    @Test
    void levelsAreNamedAsLogPipelinesExpect() {
        assertEquals(List.of("ERROR", "WARN", "INFO", "DEBUG", "DEBUG", "TRACE", "TRACE"),
                List.of(Level.SEVERE, Level.WARNING, Level.INFO, Level.CONFIG, Level.FINE, Level.FINER, Level.FINEST)
                        .stream().map(Logs::level).toList());
    }

    @Test
    void logFormatIsJsonOrTextAndAnythingElseStopsStartUpNamingIt() {
        assertEquals(Logs.Format.TEXT, Logs.format(EnvConfig.of(Map.of())));
        assertEquals(Logs.Format.JSON, Logs.format(EnvConfig.of(Map.of("LOG_FORMAT", "json"))));
        assertEquals(Logs.Format.JSON, Logs.format(EnvConfig.of(Map.of("LOG_FORMAT", " JSON "))));
        assertEquals(Logs.Format.TEXT, Logs.format(EnvConfig.of(Map.of("LOG_FORMAT", "text"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Logs.configure(EnvConfig.of(Map.of("LOG_FORMAT", "xml"))));
        assertEquals("LOG_FORMAT=\"xml\" is not valid: expected json or text.", e.getMessage());
    }
}
