package dev.lucidmetrics.core.docs;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.executor.ExecutorMetrics;
import dev.lucidmetrics.core.logging.LogEventMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.DocSnippets;
import dev.lucidmetrics.core.support.Scrapes;
import dev.lucidmetrics.testing.MetricValues;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The thread-pool and java.util.logging sections of docs/instrumentations.md, compiled and run: the page shows each
 * snippet as written here and the exposition lines the code produces. (The Servlet, Logback and Log4j2 sections are
 * checked by the tests of the same name in metrics-servlet and metrics-logging.)
 */
@CompatibilityKit
class InstrumentationsPageTest {

    private static final String PAGE = "docs/instrumentations.md";

    private final AppMetrics app = AppMetrics.builder("shop").build();

    /** The lines of {@code families} in the text exposition, samples only, sorted. */
    static String lines(AppMetrics app, String prefix) {
        return Scrapes.text(app).lines().filter(l -> l.startsWith(prefix)).sorted()
                .collect(Collectors.joining("\n"));
    }

    @Test
    void theThreadPoolSectionShowsItsCodeAndWhatItExposes() throws Exception {
        // snippet executors
        ExecutorMetrics executors = ExecutorMetrics.of(app);
        ThreadPoolExecutor resize = executors.monitor("resize",
                new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100)));
        ScheduledThreadPoolExecutor cleanup = executors.monitor("cleanup", new ScheduledThreadPoolExecutor(1));
        ForkJoinPool search = executors.monitor("search", new ForkJoinPool(4));
        // end snippet executors
        CountDownLatch release = new CountDownLatch(1);
        try {
            CountDownLatch done = new CountDownLatch(3);
            for (int i = 0; i < 3; i++) {
                resize.execute(done::countDown);
            }
            done.await(10, TimeUnit.SECONDS);
            MetricValues.of(app).awaitValue(Duration.ofSeconds(10), 3.0, "shop_executor_completed_tasks_total",
                    "executor", "resize");
            CountDownLatch busy = new CountDownLatch(2);
            for (int i = 0; i < 2; i++) {   // both threads busy until the end of the test
                resize.execute(() -> {
                    busy.countDown();
                    awaitQuietly(release);
                });
            }
            busy.await(10, TimeUnit.SECONDS);
            for (int i = 0; i < 100; i++) {   // the queue full
                resize.execute(() -> { });
            }
            assertThrows(RejectedExecutionException.class, () -> resize.execute(() -> { }));
            String shown = lines(app, "shop_executor_").lines().filter(l -> l.contains("\"resize\""))
                    .collect(Collectors.joining("\n"));
            DocSnippets page = DocSnippets.of(PAGE, InstrumentationsPageTest.class);
            page.assertShows("executors");
            page.assertShowsSamples("the thread-pool lines", shown);
        } finally {
            release.countDown();
            resize.shutdownNow();
            cleanup.shutdownNow();
            search.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theJavaUtilLoggingSectionShowsItsCodeAndWhatItCounts() {
        Logger root = Logger.getLogger("");
        int before = root.getHandlers().length;
        // snippet jul
        LogEventMetrics.of(app).installOnRootLogger();   // java.util.logging, and System.Logger on top of it
        // end snippet jul
        Handler installed = root.getHandlers()[before];
        try {
            System.Logger log = System.getLogger("shop.checkout");
            log.log(System.Logger.Level.ERROR, "payment failed (a log line of InstrumentationsPageTest)");
            log.log(System.Logger.Level.WARNING, "retrying (a log line of InstrumentationsPageTest)");
            log.log(System.Logger.Level.INFO, "order placed (a log line of InstrumentationsPageTest)");
            log.log(System.Logger.Level.INFO, "order shipped (a log line of InstrumentationsPageTest)");
        } finally {
            root.removeHandler(installed);
        }
        DocSnippets page = DocSnippets.of(PAGE, InstrumentationsPageTest.class);
        page.assertShows("jul");
        page.assertShowsSamples("the log-event lines", lines(app, "shop_log_events_total"));
    }
}
