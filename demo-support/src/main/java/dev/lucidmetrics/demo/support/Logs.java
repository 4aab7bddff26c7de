package dev.lucidmetrics.demo.support;

import dev.lucidmetrics.core.config.EnvConfig;
import java.io.PrintStream;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * How the demos log: every java.util.logging record (the backend of {@code System.Logger}, so also the library's
 * and the JDK's records) becomes one line on stderr in the format {@code LOG_FORMAT} names, {@code text}
 * (the default) or {@code json} (one {@link LogLine} object per line); an exception no code caught is logged
 * the same way. A demo's {@code main} calls it first:
 * <pre>{@code
 * Logs.configure(env);   // LOG_FORMAT=xml throws: LOG_FORMAT="xml" is not valid: expected json or text.
 * }</pre>
 * Each line is handed to the stream in one write, so the lines of stdout and stderr redirected into one file do
 * not cut into each other.
 */
public final class Logs {

    enum Format { TEXT, JSON }

    private static final SimpleFormatter MESSAGES = new SimpleFormatter();

    private Logs() {
    }

    /**
     * Sends every log record to stderr in the format {@code LOG_FORMAT} asks for; throws
     * {@link IllegalArgumentException} naming the setting when it is neither {@code json} nor {@code text}, after
     * switching to text so that the caller's error line is readable.
     */
    public static void configure(EnvConfig env) {
        install(Format.TEXT, System.err);
        install(format(env), System.err);
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> Logger.getLogger(Logs.class.getName())
                .log(Level.SEVERE, "Uncaught exception in thread " + thread.getName(), error));
    }

    static Format format(EnvConfig env) {
        String value = env.string("LOG_FORMAT", "text");
        switch (value.toLowerCase(Locale.ROOT)) {
            case "text":
                return Format.TEXT;
            case "json":
                return Format.JSON;
            default:
                throw new IllegalArgumentException("LOG_FORMAT=\"" + value + "\" is not valid: expected json or"
                        + " text.");
        }
    }

    /** Replaces the root logger's handlers by one writing {@code format} lines to {@code out}. */
    static void install(Format format, PrintStream out) {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            h.close();
        }
        root.addHandler(new LineHandler(format, out, root));
    }

    /** {@code level}'s name in the logs: ERROR, WARN, INFO, DEBUG (CONFIG and FINE), TRACE (FINER and below). */
    static String level(Level level) {
        int v = level.intValue();
        return v >= Level.SEVERE.intValue() ? "ERROR" : v >= Level.WARNING.intValue() ? "WARN"
                : v >= Level.INFO.intValue() ? "INFO" : v >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    /** The record as a log line: its own fields when its parameter is {@link LogLine.Fields}. */
    static LogLine line(LogRecord record) {
        Object[] params = record.getParameters();
        LogLine.Fields fields = params != null && params.length == 1 && params[0] instanceof LogLine.Fields f
                ? f : null;
        // A record with fields has a literal message (it may hold a path with braces); others may be
        // MessageFormat patterns, as System.Logger's log(level, format, params...) makes them.
        String message = fields != null ? record.getMessage() : MESSAGES.formatMessage(record);
        LogLine line = LogLine.at(record.getInstant(), level(record.getLevel()), record.getLoggerName(), message);
        return (fields == null ? line : line.with(fields)).thrown(record.getThrown());
    }

    private static final class LineHandler extends Handler {
        private final Format format;
        private final PrintStream out;
        private final Logger root;

        LineHandler(Format format, PrintStream out, Logger root) {
            this.format = format;
            this.out = out;
            this.root = root;
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            LogLine line = line(record);
            out.println(format == Format.JSON ? line.json() : line.text());   // println: one write per line
        }

        @Override
        public void flush() {
            out.flush();
        }

        /**
         * Flushes only: stderr stays open for whatever else writes to it. While the JVM shuts down, the handler
         * stays on the root logger: java.util.logging's own shutdown hook closes every handler, concurrently with
         * the app's graceful stop, which would drop the lines of the requests that stop lets finish.
         */
        @Override
        public void close() {
            flush();
            if (shuttingDown()) {
                root.addHandler(this);
            }
        }

        private static boolean shuttingDown() {
            try {
                Thread probe = new Thread(() -> { });
                Runtime.getRuntime().addShutdownHook(probe);
                Runtime.getRuntime().removeShutdownHook(probe);
                return false;
            } catch (IllegalStateException e) {
                return true;   // "the virtual machine is already in the process of shutting down"
            }
        }
    }
}
