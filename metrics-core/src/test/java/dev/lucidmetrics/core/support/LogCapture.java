package dev.lucidmetrics.core.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The tests' one log capture: what a logger (and the loggers below it) writes through System.Logger, backed by
 * java.util.logging here, at a level and above, kept out of the console while installed. Each record is turned
 * into its line as it is published, on the thread that logged it, so a format that reads the logging thread's
 * context (a request's trace) sees it.
 * <pre>{@code
 * try (LogCapture log = new LogCapture(CardinalityGuard.class)) {         // its WARNING lines, as messages
 *     ...
 *     assertEquals(List.of("More than 5 ..."), log.warnings());
 * }
 * LogCapture all = new LogCapture("", Level.ALL, record -> format(record));  // every logger, formatted
 * }</pre>
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private record Line(Level level, String text) {
    }

    private final Logger logger;
    private final boolean parentHandlers;
    private final List<Handler> set = new ArrayList<>();
    private final Function<LogRecord, String> format;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    /** The messages {@code source}'s logger writes at WARNING and above. */
    public LogCapture(Class<?> source) {
        this(source.getName(), Level.WARNING, LogRecord::getMessage);
    }

    /**
     * The records of the logger named {@code loggerName} ({@code ""}: the root, so every logger) at {@code level}
     * and above, each as {@code format} gives it. The loggers' own levels are left alone: a record they drop is
     * not captured.
     */
    public LogCapture(String loggerName, Level level, Function<LogRecord, String> format) {
        this.logger = loggerName.isEmpty() ? LogManager.getLogManager().getLogger("") : Logger.getLogger(loggerName);
        this.format = format;
        this.parentHandlers = logger.getUseParentHandlers();
        setLevel(level);
        if (loggerName.isEmpty()) {   // the root's own handlers write to the console: off while capturing
            for (Handler h : logger.getHandlers()) {
                set.add(h);
                logger.removeHandler(h);
            }
        }
        logger.addHandler(this);
        logger.setUseParentHandlers(false);
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            lines.add(new Line(record.getLevel(), format.apply(record)));
        }
    }

    /** Every line captured so far, in order. */
    public List<String> lines() {
        return lines.stream().map(Line::text).toList();
    }

    /** The lines of records at WARNING or above captured so far, in order. */
    public List<String> warnings() {
        return lines.stream().filter(l -> l.level().intValue() >= Level.WARNING.intValue()).map(Line::text).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        set.forEach(logger::addHandler);
        logger.setUseParentHandlers(parentHandlers);
    }
}
