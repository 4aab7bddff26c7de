package dev.lucidmetrics.core.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.TextSamples;
import dev.lucidmetrics.core.support.Scrapes;
import dev.lucidmetrics.testing.MetricValues;
import dev.lucidmetrics.testing.MetricsAssertions;
import dev.lucidmetrics.testing.Promtool;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** java.util.logging records counted by the one level set, every series there from the start, golden exposition. */
@CompatibilityKit
class LogEventMetricsTest {

    private final AppMetrics app = AppMetrics.builder("shop").build();
    private final MetricValues values = MetricValues.of(app);

    /** A logger of its own at ALL, writing nowhere but to {@code handler}. */
    private static Logger loggerWith(Handler handler, String name) {
        Logger logger = Logger.getLogger(LogEventMetricsTest.class.getName() + "." + name);
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        return logger;
    }

    private Map<String, Double> counts() {
        Map<String, Double> counts = new TreeMap<>();
        for (LogLevel level : LogLevel.values()) {
            counts.put(level.label(), values.get("shop_log_events_total", "level", level.label()));
        }
        return counts;
    }

    @Test
    void everyJulLevelCountsAsOneOfTheFiveLevels() {
        Handler handler = LogEventMetrics.of(app).julHandler();
        Logger logger = loggerWith(handler, "levels");
        try {
            for (Level level : new Level[] {Level.SEVERE, Level.WARNING, Level.INFO, Level.CONFIG, Level.FINE,
                    Level.FINER, Level.FINEST}) {
                logger.log(level, "one {0}", level);
            }
            assertEquals(Map.of("error", 1.0, "warn", 1.0, "info", 2.0, "debug", 1.0, "trace", 2.0), counts());
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void aCustomLevelCountsAsTheStandardLevelAtOrBelowIt() {
        assertEquals(LogLevel.WARN, LogLevel.of(new Level("NOTICE", 950) { }));
        assertEquals(LogLevel.ERROR, LogLevel.of(new Level("FATAL", 1100) { }));
        assertEquals(LogLevel.TRACE, LogLevel.of(Level.ALL));
        assertEquals(LogLevel.DEBUG, LogLevel.of(new Level("VERBOSE", 600) { }));
    }

    @Test
    void everyLevelHasItsSeriesAtZeroBeforeTheFirstEvent() {
        LogEventMetrics.of(app);
        assertEquals(Map.of("error", 0.0, "warn", 0.0, "info", 0.0, "debug", 0.0, "trace", 0.0), counts());
    }

    @Test
    void aHandlerLevelAboveARecordLeavesItUncounted() {
        Handler handler = LogEventMetrics.of(app).julHandler();
        handler.setLevel(Level.WARNING);
        Logger logger = loggerWith(handler, "filtered");
        try {
            logger.info("not counted");
            logger.severe("counted");
            assertEquals(Map.of("error", 1.0, "warn", 0.0, "info", 0.0, "debug", 0.0, "trace", 0.0), counts());
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void systemLoggerEventsAreCountedByTheHandlerOnTheRootLogger() {
        Handler handler = LogEventMetrics.of(app).installOnRootLogger();
        try {
            System.Logger logger = System.getLogger(LogEventMetricsTest.class.getName() + ".system");
            logger.log(System.Logger.Level.ERROR, "disk full");
            logger.log(System.Logger.Level.WARNING, "disk nearly full");
            logger.log(System.Logger.Level.DEBUG, "below the root logger's INFO: neither written nor counted");
            assertEquals(1.0, values.get("shop_log_events_total", "level", "error"));
            assertEquals(1.0, values.get("shop_log_events_total", "level", "warn"));
            assertEquals(0.0, values.get("shop_log_events_total", "level", "debug"));
        } finally {
            Logger.getLogger("").removeHandler(handler);
        }
    }

    @Test
    void theExpositionIsExactlyThisAndPassesOurNamingRulesAndPromtool() {
        Handler handler = LogEventMetrics.of(app).julHandler();
        Logger logger = loggerWith(handler, "golden");
        try {
            logger.severe("payment failed");
            logger.warning("retrying");
            logger.info("started");
            logger.config("port 8080");
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(TextSamples.canonical("""
                # HELP shop_log_events_total Log events, by level (error, warn, info, debug, trace).
                # TYPE shop_log_events_total counter
                shop_log_events_total{level="debug",} 0.0
                shop_log_events_total{level="error",} 1.0
                shop_log_events_total{level="info",} 2.0
                shop_log_events_total{level="trace",} 0.0
                shop_log_events_total{level="warn",} 1.0
                """), TextSamples.canonical(Scrapes.samplesSorted(Scrapes.text(app, "name[]=shop_log_events_total"))));
        Promtool.assertClean(Scrapes.text(app));
        MetricsAssertions.assertNamingClean(app);
    }
}
