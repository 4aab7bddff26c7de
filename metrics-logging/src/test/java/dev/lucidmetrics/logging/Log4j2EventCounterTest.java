package dev.lucidmetrics.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.logging.LogEventMetrics;
import dev.lucidmetrics.core.logging.LogLevel;
import dev.lucidmetrics.core.support.DocSnippets;
import dev.lucidmetrics.core.support.Scrapes;
import dev.lucidmetrics.core.support.TextSamples;
import dev.lucidmetrics.testing.MetricsAssertions;
import dev.lucidmetrics.testing.Promtool;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

/** Log4j2 events counted on the one level set, through a real Log4j2 context, golden exposition. */
class Log4j2EventCounterTest {

    private final AppMetrics app = AppMetrics.builder("shop").build();

    @Test
    void eventsThatPassTheLoggersLevelAreCountedByLevelAndTheExpositionIsExactlyThis() {
        // snippet log4j2
        Log4j2EventCounter.install(LogEventMetrics.of(app));    // the root logger of the current configuration
        // end snippet log4j2
        Logger logger = LogManager.getLogger("shop.checkout");
        Configurator.setLevel("shop.checkout", Level.DEBUG);
        try {
            logger.fatal("out of memory");
            logger.error("payment failed");
            logger.warn("retrying");
            logger.info("order placed");
            logger.debug("cart {}", 42);
            logger.trace("below DEBUG: not counted");
        } finally {
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            context.getConfiguration().getRootLogger().removeAppender("lucid-metrics-log-events");
            context.updateLoggers();
        }
        assertEquals(TextSamples.canonical("""
                # HELP shop_log_events_total Log events, by level (error, warn, info, debug, trace).
                # TYPE shop_log_events_total counter
                shop_log_events_total{level="debug",} 1.0
                shop_log_events_total{level="error",} 2.0
                shop_log_events_total{level="info",} 1.0
                shop_log_events_total{level="trace",} 0.0
                shop_log_events_total{level="warn",} 1.0
                """), TextSamples.canonical(Scrapes.samplesSorted(Scrapes.text(app, "name[]=shop_log_events_total"))));
        Promtool.assertClean(Scrapes.text(app));
        MetricsAssertions.assertNamingClean(app);
    }

    @Test
    void docsInstrumentationsShowsTheLog4j2Snippet() {
        DocSnippets.of("docs/instrumentations.md", Log4j2EventCounterTest.class).assertShows("log4j2");
    }

    @Test
    void everyLog4j2LevelMapsOntoTheOneLevelSetFatalAsError() {
        assertEquals(LogLevel.ERROR, Log4j2EventCounter.levelOf(Level.FATAL));
        assertEquals(LogLevel.ERROR, Log4j2EventCounter.levelOf(Level.ERROR));
        assertEquals(LogLevel.WARN, Log4j2EventCounter.levelOf(Level.WARN));
        assertEquals(LogLevel.INFO, Log4j2EventCounter.levelOf(Level.INFO));
        assertEquals(LogLevel.DEBUG, Log4j2EventCounter.levelOf(Level.DEBUG));
        assertEquals(LogLevel.TRACE, Log4j2EventCounter.levelOf(Level.TRACE));
        assertEquals(LogLevel.INFO, Log4j2EventCounter.levelOf(Level.forName("NOTICE", 350)));   // between WARN and INFO
    }
}
