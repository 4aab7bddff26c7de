package dev.lucidmetrics.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.logging.LogEventMetrics;
import dev.lucidmetrics.core.logging.LogLevel;
import dev.lucidmetrics.core.support.DocSnippets;
import dev.lucidmetrics.core.support.Scrapes;
import dev.lucidmetrics.core.support.TextSamples;
import dev.lucidmetrics.testing.MetricsAssertions;
import dev.lucidmetrics.testing.Promtool;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Logback events counted on the one level set, through a real Logback context, golden exposition. */
class LogbackEventCounterTest {

    private final AppMetrics app = AppMetrics.builder("shop").build();

    @Test
    void eventsThatPassTheLoggersLevelAreCountedByLevelAndTheExpositionIsExactlyThis() {
        // snippet logback
        LogbackEventCounter.install(LogEventMetrics.of(app));   // the root logger of Logback's context
        // end snippet logback
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger logger = context.getLogger("shop.checkout");
        try {
            logger.setLevel(Level.DEBUG);
            logger.error("payment failed");
            logger.warn("retrying");
            logger.info("order placed");
            logger.debug("cart {}", 42);
            logger.trace("below DEBUG: not counted");
        } finally {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender("lucid-metrics-log-events");
        }
        assertEquals(TextSamples.canonical("""
                # HELP shop_log_events_total Log events, by level (error, warn, info, debug, trace).
                # TYPE shop_log_events_total counter
                shop_log_events_total{level="debug",} 1.0
                shop_log_events_total{level="error",} 1.0
                shop_log_events_total{level="info",} 1.0
                shop_log_events_total{level="trace",} 0.0
                shop_log_events_total{level="warn",} 1.0
                """), TextSamples.canonical(Scrapes.samplesSorted(Scrapes.text(app, "name[]=shop_log_events_total"))));
        Promtool.assertClean(Scrapes.text(app));
        MetricsAssertions.assertNamingClean(app);
    }

    @Test
    void docsInstrumentationsShowsTheLogbackSnippet() {
        DocSnippets.of("docs/instrumentations.md", LogbackEventCounterTest.class).assertShows("logback");
    }

    @Test
    void everyLogbackLevelMapsOntoTheOneLevelSet() {
        assertEquals(LogLevel.ERROR, LogbackEventCounter.levelOf(Level.ERROR));
        assertEquals(LogLevel.WARN, LogbackEventCounter.levelOf(Level.WARN));
        assertEquals(LogLevel.INFO, LogbackEventCounter.levelOf(Level.INFO));
        assertEquals(LogLevel.DEBUG, LogbackEventCounter.levelOf(Level.DEBUG));
        assertEquals(LogLevel.TRACE, LogbackEventCounter.levelOf(Level.TRACE));
        assertEquals(LogLevel.TRACE, LogbackEventCounter.levelOf(Level.ALL));
    }
}
