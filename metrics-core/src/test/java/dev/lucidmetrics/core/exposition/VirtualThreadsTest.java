package dev.lucidmetrics.core.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.TestHttp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The metrics server serves scrapes on virtual threads when asked, on Java 21+; on an older JVM the setting is
 * refused at start-up, naming it. Both branches run: CI runs this class on Java 17 and on Java 25.
 */
@CompatibilityKit
class VirtualThreadsTest {

    private static final boolean JAVA_21 = Runtime.version().feature() >= 21;

    /** Thread.isVirtual() by reflection: the library and its tests are compiled for Java 17. */
    private static boolean isVirtual(Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** Where the latest scrape of {@code app} ran, recorded by a callback. */
    private static AtomicReference<Thread> threadOfEachScrape(AppMetrics app) {
        AtomicReference<Thread> scrapedOn = new AtomicReference<>();
        app.gauge("scrape_thread_seen").help("Records the thread of each scrape.").registerCallback(() -> {
            scrapedOn.set(Thread.currentThread());
            return 1;
        });
        return scrapedOn;
    }

    @Test
    void scrapesRunOnVirtualThreadsOnJava21OrTheSettingIsRefused() {
        AppMetrics app = AppMetrics.builder("shop").build();
        AtomicReference<Thread> scrapedOn = threadOfEachScrape(app);
        MetricsServer.Builder builder = MetricsServer.builder(app).host("127.0.0.1").port(0).virtualThreads(true);
        if (!JAVA_21) {
            assertTrue(assertThrows(IllegalArgumentException.class, builder::start).getMessage().startsWith(
                    "virtualThreads(true) asks for virtual threads, which need Java 21 or newer; this JVM is "));
            return;
        }
        try (MetricsServer server = builder.start()) {
            assertEquals(200, TestHttp.get(server.port(), "/metrics").statusCode());
            assertTrue(isVirtual(scrapedOn.get()), "scraped on " + scrapedOn.get());
        }
    }

    @Test
    void theEnvironmentSettingIsCheckedAgainstTheJvmAtStartUp() {
        Map<String, String> env = Map.of("METRICS_VIRTUAL_THREADS", "true", "METRICS_PORT", "9400");
        if (!JAVA_21) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> MetricsConfig.from(EnvConfig.of(env)))
                    .getMessage().startsWith("METRICS_VIRTUAL_THREADS=true asks for virtual threads, which need Java 21"
                            + " or newer; this JVM is "));
            return;
        }
        assertEquals(Optional.of(true), MetricsConfig.from(EnvConfig.of(env)).virtualThreads());
    }

    @Test
    void platformThreadsStayTheDefault() {
        AppMetrics app = AppMetrics.builder("shop").build();
        AtomicReference<Thread> scrapedOn = threadOfEachScrape(app);
        try (MetricsServer server = MetricsServer.builder(app).host("127.0.0.1").port(0).start()) {
            assertEquals(200, TestHttp.get(server.port(), "/metrics").statusCode());
            assertTrue(scrapedOn.get().getName().startsWith("lucid-metrics-http-"), scrapedOn.get().getName());
        }
    }
}
