package dev.lucidmetrics.core.logging;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.internal.Checks;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts an app's log events by level into {@code <ns>_log_events_total{level}}, every level's series there from
 * the start (at 0, so a rate of errors is 0 rather than absent until the first one):
 * <pre>{@code
 * Logger.getLogger("").addHandler(LogEventMetrics.of(app).julHandler());   // java.util.logging, System.Logger
 * // shop_log_events_total{level="error"} 1.0
 * // shop_log_events_total{level="warn"} 0.0
 * // shop_log_events_total{level="info"} 12.0
 * // shop_log_events_total{level="debug"} 0.0
 * // shop_log_events_total{level="trace"} 0.0
 * }</pre>
 * An event is counted where a handler or appender sees it, so after the loggers' own level filter: a FINE record
 * of a logger at INFO is neither written nor counted. The Logback and Log4j2 appenders of the artifact
 * {@code metrics-logging} count through {@link #count(LogLevel)}; attach one counter per event path, not two to
 * one logging system bridged into another, or an event counts twice.
 */
public final class LogEventMetrics {

    private final Counter.Child[] byLevel = new Counter.Child[LogLevel.values().length];

    private LogEventMetrics(Counter events) {
        for (LogLevel level : LogLevel.values()) {
            byLevel[level.ordinal()] = events.labels(level.label());
        }
    }

    /** The log-event counter of {@code app}, registered on the first call (later calls share it). */
    public static LogEventMetrics of(AppMetrics app) {
        Checks.notNull("app", app, "pass the AppMetrics the log-event counter belongs to");
        return new LogEventMetrics(app.counter("log_events_total")
                .help("Log events, by level (error, warn, info, debug, trace).").labelNames("level").register());
    }

    /** Counts one event of {@code level}. */
    public void count(LogLevel level) {
        byLevel[level.ordinal()].inc();
    }

    /**
     * A java.util.logging handler that counts every record it is given by its level ({@link LogLevel#of}) and
     * writes nothing. Add it to the root logger ({@code Logger.getLogger("")}) to count the app's events, those
     * written through {@code System.Logger} included when it is backed by java.util.logging, as it is by default.
     */
    public Handler julHandler() {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record != null && isLoggable(record)) {
                    count(LogLevel.of(record.getLevel()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    /** Adds {@link #julHandler()} to java.util.logging's root logger and returns it (to remove it later). */
    public Handler installOnRootLogger() {
        Handler handler = julHandler();
        Logger.getLogger("").addHandler(handler);
        return handler;
    }
}
