package dev.lucidmetrics.demo.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.LogManager;

/**
 * The demos' log lines of this JVM while installed, in the JSON format of {@code LOG_FORMAT=json}, instead of the
 * console; {@code close()} puts java.util.logging's default configuration back.
 */
public final class CapturedLogs implements AutoCloseable {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private CapturedLogs() {
        Logs.install(Logs.Format.JSON, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    public static CapturedLogs json() {
        return new CapturedLogs();
    }

    /** Every line written so far. */
    public List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Override
    public void close() {
        try {
            LogManager.getLogManager().readConfiguration();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
