package dev.lucidmetrics.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.lucidmetrics.core.logging.LogEventMetrics;
import dev.lucidmetrics.core.logging.LogLevel;
import org.slf4j.LoggerFactory;

/**
 * A Logback appender that counts every event it is given into {@code <ns>_log_events_total{level}} and writes
 * nothing: ERROR → error, WARN → warn, INFO → info, DEBUG → debug, TRACE → trace.
 * <pre>{@code
 * LogbackEventCounter.install(LogEventMetrics.of(app));   // on the root logger of Logback's context
 * // shop_log_events_total{level="error"} 1.0
 * }</pre>
 */
public final class LogbackEventCounter extends AppenderBase<ILoggingEvent> {

    private final LogEventMetrics metrics;

    /** An appender counting into {@code metrics}, to attach to a logger yourself (then {@link #start()} it). */
    public LogbackEventCounter(LogEventMetrics metrics) {
        if (metrics == null) {
            throw new IllegalArgumentException("metrics is null: pass LogEventMetrics.of(app).");
        }
        this.metrics = metrics;
        setName("lucid-metrics-log-events");
    }

    /**
     * Starts an appender and attaches it to the root logger of Logback's context (the one SLF4J is bound to), so
     * that every event that passes a logger's level is counted; returns it, to detach it later.
     */
    public static LogbackEventCounter install(LogEventMetrics metrics) {
        LogbackEventCounter appender = new LogbackEventCounter(metrics);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("SLF4J is bound to " + LoggerFactory.getILoggerFactory().getClass()
                    .getName() + ", not to Logback: count with the appender of the logging library in use.");
        }
        appender.setContext(context);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return appender;
    }

    @Override
    protected void append(ILoggingEvent event) {
        metrics.count(levelOf(event.getLevel()));
    }

    /** Logback's level on the one level set; a level between two standard ones counts as the lower one. */
    static LogLevel levelOf(Level level) {
        int value = level.toInt();
        if (value >= Level.ERROR_INT) {
            return LogLevel.ERROR;
        }
        if (value >= Level.WARN_INT) {
            return LogLevel.WARN;
        }
        if (value >= Level.INFO_INT) {
            return LogLevel.INFO;
        }
        return value >= Level.DEBUG_INT ? LogLevel.DEBUG : LogLevel.TRACE;
    }
}
