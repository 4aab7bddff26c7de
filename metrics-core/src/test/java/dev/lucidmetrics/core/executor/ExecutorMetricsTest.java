package dev.lucidmetrics.core.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.TextSamples;
import dev.lucidmetrics.core.support.Scrapes;
import dev.lucidmetrics.testing.MetricValues;
import dev.lucidmetrics.testing.MetricsAssertions;
import dev.lucidmetrics.testing.Promtool;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Thread pools registered by name: read at each scrape, refusals counted, names checked, golden exposition. */
@CompatibilityKit
class ExecutorMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final AppMetrics app = AppMetrics.builder("shop").build();
    private final MetricValues values = MetricValues.of(app);
    private final CountDownLatch release = new CountDownLatch(1);
    private ThreadPoolExecutor pool;

    @AfterEach
    void stop() {
        release.countDown();
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private Runnable blocked(CountDownLatch started) {
        return () -> {
            started.countDown();
            await(release);
        };
    }

    @Test
    void aThreadPoolShowsItsThreadsItsQueueAndItsCompletedTasksAtEachScrape() throws Exception {
        pool = ExecutorMetrics.of(app).monitor("resize", new ThreadPoolExecutor(1, 3, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>()));
        CountDownLatch started = new CountDownLatch(1);
        pool.execute(blocked(started));
        pool.execute(() -> { });
        pool.execute(() -> { });
        await(started);
        assertEquals(1.0, values.get("shop_executor_pool_size_threads", "executor", "resize"));
        assertEquals(3.0, values.get("shop_executor_pool_max_threads", "executor", "resize"));
        assertEquals(1.0, values.get("shop_executor_active_threads", "executor", "resize"));
        assertEquals(2.0, values.get("shop_executor_queued_tasks", "executor", "resize"));
        assertEquals(0.0, values.get("shop_executor_completed_tasks_total", "executor", "resize"));
        release.countDown();
        values.awaitValue(WAIT, 3.0, "shop_executor_completed_tasks_total", "executor", "resize");
        values.awaitValue(WAIT, 0.0, "shop_executor_active_threads", "executor", "resize");
        assertEquals(0.0, values.get("shop_executor_queued_tasks", "executor", "resize"));
    }

    @Test
    void refusedTasksAreCountedAndThePoolsOwnHandlerStillDecides() throws Exception {
        pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(1));
        ExecutorMetrics.of(app).monitor("mail", pool);
        CountDownLatch started = new CountDownLatch(1);
        pool.execute(blocked(started));
        await(started);
        pool.execute(() -> { });   // fills the queue of one
        assertEquals(0.0, values.get("shop_executor_rejected_tasks_total", "executor", "mail"));
        assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));   // AbortPolicy, as before
        assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
        assertEquals(2.0, values.get("shop_executor_rejected_tasks_total", "executor", "mail"));
        assertEquals(1.0, values.get("shop_executor_queued_tasks", "executor", "mail"));
    }

    @Test
    void aScheduledPoolCountsTasksRefusedAfterShutdownAndShowsDelayedTasksAsQueued() {
        ScheduledThreadPoolExecutor scheduler = ExecutorMetrics.of(app).monitor("scheduler",
                new ScheduledThreadPoolExecutor(1));
        pool = scheduler;
        scheduler.schedule(() -> { }, 1, TimeUnit.HOURS);
        assertEquals(1.0, values.get("shop_executor_queued_tasks", "executor", "scheduler"));
        scheduler.shutdownNow();
        assertThrows(RejectedExecutionException.class, () -> scheduler.schedule(() -> { }, 1, TimeUnit.SECONDS));
        assertEquals(1.0, values.get("shop_executor_rejected_tasks_total", "executor", "scheduler"));
    }

    @Test
    void aForkJoinPoolShowsItsThreadsAndQueueButNoCompletedOrRefusedTasks() throws Exception {
        ForkJoinPool forkJoin = ExecutorMetrics.of(app).monitor("search", new ForkJoinPool(2));
        try {
            CountDownLatch started = new CountDownLatch(1);
            forkJoin.execute(blocked(started));
            await(started);
            assertEquals(2.0, values.get("shop_executor_pool_max_threads", "executor", "search"));
            assertEquals(1.0, values.get("shop_executor_active_threads", "executor", "search"));
            assertTrue(values.get("shop_executor_pool_size_threads", "executor", "search") >= 1.0);
            assertEquals(0.0, values.get("shop_executor_queued_tasks", "executor", "search"));
            assertFalse(values.exists("shop_executor_completed_tasks_total", "executor", "search"));
            assertFalse(values.exists("shop_executor_rejected_tasks_total", "executor", "search"));
        } finally {
            release.countDown();
            forkJoin.shutdownNow();
        }
    }

    @Test
    void theMetricsAreOnePerAppAndEachPoolHasOneName() {
        pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
        ExecutorMetrics executors = ExecutorMetrics.of(app);
        assertSame(executors, ExecutorMetrics.of(app));
        executors.monitor("http", pool);
        RejectedExecutionHandler counting = pool.getRejectedExecutionHandler();
        executors.monitor("http", pool);   // again: nothing changes
        assertSame(counting, pool.getRejectedExecutionHandler());
        ThreadPoolExecutor other = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
        try {
            IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                    () -> executors.monitor("http", other));
            assertEquals("Executor name \"http\" already names another pool: give each pool its own name, or"
                    + " remove(\"http\") the first one.", twice.getMessage());
        } finally {
            other.shutdownNow();
        }
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> executors.monitor("/api/users/42", pool));
        assertEquals("Executor \"/api/users/42\" is not a logical executor name: use a short name such as \"http\" or"
                + " \"image-resize\" (lower-case letters, digits, '.', '_', '-'; at most 63 characters), never a URL"
                + " or a value from a request.", bad.getMessage());
    }

    @Test
    void aRemovedPoolLeavesTheScrapeAndGetsItsOwnHandlerBack() {
        RejectedExecutionHandler own = new ThreadPoolExecutor.DiscardPolicy();
        pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), own);
        ExecutorMetrics executors = ExecutorMetrics.of(app);
        executors.monitor("http", pool);
        assertTrue(values.exists("shop_executor_queued_tasks", "executor", "http"));
        executors.remove("http");
        assertSame(own, pool.getRejectedExecutionHandler());
        assertFalse(values.exists("shop_executor_queued_tasks", "executor", "http"));
        assertFalse(values.exists("shop_executor_rejected_tasks_total", "executor", "http"));
        executors.remove("http");   // again: nothing
    }

    @Test
    void theExpositionIsExactlyThisAndPassesOurNamingRulesAndPromtool() throws Exception {
        pool = ExecutorMetrics.of(app).monitor("resize", new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(1)));
        CountDownLatch started = new CountDownLatch(2);
        pool.execute(blocked(started));
        pool.execute(blocked(started));
        await(started);
        pool.execute(() -> { });
        assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
        String text = Scrapes.text(app, "name[]=shop_executor_pool_size_threads&name[]=shop_executor_pool_max_threads"
                + "&name[]=shop_executor_active_threads&name[]=shop_executor_queued_tasks"
                + "&name[]=shop_executor_completed_tasks_total&name[]=shop_executor_rejected_tasks_total");
        assertEquals(TextSamples.canonical("""
                # HELP shop_executor_active_threads Threads running a task now, by executor.
                # TYPE shop_executor_active_threads gauge
                shop_executor_active_threads{executor="resize",} 2.0
                # HELP shop_executor_completed_tasks_total Tasks the pool has completed, by executor.
                # TYPE shop_executor_completed_tasks_total counter
                shop_executor_completed_tasks_total{executor="resize",} 0.0
                # HELP shop_executor_pool_max_threads The most threads the pool may run (a ForkJoinPool's parallelism), by executor.
                # TYPE shop_executor_pool_max_threads gauge
                shop_executor_pool_max_threads{executor="resize",} 2.0
                # HELP shop_executor_pool_size_threads Threads in the pool now, by executor.
                # TYPE shop_executor_pool_size_threads gauge
                shop_executor_pool_size_threads{executor="resize",} 2.0
                # HELP shop_executor_queued_tasks Tasks waiting in the pool's queue for a thread, by executor.
                # TYPE shop_executor_queued_tasks gauge
                shop_executor_queued_tasks{executor="resize",} 1.0
                # HELP shop_executor_rejected_tasks_total Tasks the pool refused (its queue full, or shut down), by executor.
                # TYPE shop_executor_rejected_tasks_total counter
                shop_executor_rejected_tasks_total{executor="resize",} 1.0
                """), TextSamples.canonical(text));
        Promtool.assertClean(Scrapes.text(app));
        MetricsAssertions.assertNamingClean(app);
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("waited 10 s for a task");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
