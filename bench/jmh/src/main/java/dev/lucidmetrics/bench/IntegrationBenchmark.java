package dev.lucidmetrics.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.executor.ExecutorMetrics;
import dev.lucidmetrics.core.logging.LogEventMetrics;
import dev.lucidmetrics.logging.LogbackEventCounter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the integrations add per call, against the same call uninstrumented ({@code _bare}); the library's methods
 * ({@code _lucid}) run once per backend ({@link Lucid}). Cases:
 * <ul>
 *   <li>{@code executorTask}: one no-op task submitted to a one-thread {@code ThreadPoolExecutor} and waited for,
 *       the pool unmonitored or monitored by {@link ExecutorMetrics} (its rejection handler in front);</li>
 *   <li>{@code logbackEvent}: one {@code warn} through a Logback logger whose appender discards the event, alone or
 *       with {@link LogbackEventCounter} beside it;</li>
 *   <li>{@code julEvent}: the same through a {@code java.util.logging} logger, with or without
 *       {@link LogEventMetrics#julHandler()}.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IntegrationBenchmark {
    private static final Runnable NOOP = () -> { };

    ThreadPoolExecutor pool;
    Logger logback;
    java.util.logging.Logger jul;

    /** The instrumented pool and loggers, on one backend. */
    @State(Scope.Benchmark)
    public static class Lucid {
        @Param({BenchApps.SIMPLECLIENT, BenchApps.CLIENT_JAVA})
        public String backend;

        ThreadPoolExecutor pool;
        Logger logback;
        java.util.logging.Logger jul;

        @Setup
        public void setUp() {
            AppMetrics app = BenchApps.on("bench", backend).build();
            pool = ExecutorMetrics.of(app).monitor("bench", onePool());
            LogEventMetrics events = LogEventMetrics.of(app);
            logback = logbackLogger("lucid-" + backend);
            LogbackEventCounter counter = new LogbackEventCounter(events);
            counter.setContext(logback.getLoggerContext());
            counter.start();
            logback.addAppender(counter);
            jul = julLogger("lucid-" + backend);
            jul.addHandler(events.julHandler());
        }

        @TearDown
        public void tearDown() {
            pool.shutdownNow();
        }
    }

    @Setup
    public void setUp() {
        pool = onePool();
        logback = logbackLogger("bare");
        jul = julLogger("bare");
    }

    @TearDown
    public void tearDown() {
        pool.shutdownNow();
    }

    static ThreadPoolExecutor onePool() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    }

    /** A logger of a context of its own, with an appender that discards every event. */
    static Logger logbackLogger(String name) {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("bench." + name);
        AppenderBase<ILoggingEvent> discard = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
            }
        };
        discard.setContext(context);
        discard.start();
        logger.addAppender(discard);
        logger.setAdditive(false);
        return logger;
    }

    /** A JUL logger that does not pass events to the root's console handler, with a handler that discards them. */
    static java.util.logging.Logger julLogger(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("bench.jul." + name);
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return logger;
    }

    @Benchmark
    public Object executorTask_bare() throws InterruptedException, ExecutionException {
        return pool.submit(NOOP).get();
    }

    @Benchmark
    public Object executorTask_lucid(Lucid l) throws InterruptedException, ExecutionException {
        return l.pool.submit(NOOP).get();
    }

    @Benchmark
    public void logbackEvent_bare() {
        logback.warn("disk {} almost full", "/var");
    }

    @Benchmark
    public void logbackEvent_lucid(Lucid l) {
        l.logback.warn("disk {} almost full", "/var");
    }

    @Benchmark
    public void julEvent_bare() {
        jul.log(Level.WARNING, "disk {0} almost full", "/var");
    }

    @Benchmark
    public void julEvent_lucid(Lucid l) {
        l.jul.log(Level.WARNING, "disk {0} almost full", "/var");
    }
}
