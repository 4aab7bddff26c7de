package dev.lucidmetrics.logging;

import dev.lucidmetrics.core.logging.LogEventMetrics;
import dev.lucidmetrics.core.logging.LogLevel;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/**
 * A Log4j2 appender that counts every event it is given into {@code <ns>_log_events_total{level}} and writes
 * nothing: FATAL and ERROR → error, WARN → warn, INFO → info, DEBUG → debug, TRACE → trace.
 * <pre>{@code
 * Log4j2EventCounter.install(LogEventMetrics.of(app));   // on the root logger of the current configuration
 * // shop_log_events_total{level="error"} 1.0
 * }</pre>
 * A configuration reloaded from its file loses appenders added in code: install it again after a reload.
 */
public final class Log4j2EventCounter extends AbstractAppender {

    private final LogEventMetrics metrics;

    /** An appender counting into {@code metrics}, to add to a configuration yourself (then {@link #start()} it). */
    public Log4j2EventCounter(LogEventMetrics metrics) {
        super("lucid-metrics-log-events", null, null, true, Property.EMPTY_ARRAY);
        if (metrics == null) {
            throw new IllegalArgumentException("metrics is null: pass LogEventMetrics.of(app).");
        }
        this.metrics = metrics;
    }

    /**
     * Starts an appender and adds it to the root logger of the current Log4j2 configuration, so that every event
     * that passes a logger's level is counted; returns it.
     */
    public static Log4j2EventCounter install(LogEventMetrics metrics) {
        Log4j2EventCounter appender = new Log4j2EventCounter(metrics);
        appender.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
        return appender;
    }

    @Override
    public void append(LogEvent event) {
        metrics.count(levelOf(event.getLevel()));
    }

    /** Log4j2's level on the one level set; a custom level counts as the standard level at or below it. */
    static LogLevel levelOf(Level level) {
        int value = level.intLevel();   // smaller is more severe: FATAL 100, ERROR 200 ... TRACE 600
        if (value <= Level.ERROR.intLevel()) {
            return LogLevel.ERROR;
        }
        if (value <= Level.WARN.intLevel()) {
            return LogLevel.WARN;
        }
        if (value <= Level.INFO.intLevel()) {
            return LogLevel.INFO;
        }
        return value <= Level.DEBUG.intLevel() ? LogLevel.DEBUG : LogLevel.TRACE;
    }
}
