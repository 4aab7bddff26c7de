package dev.lucidmetrics.core.executor;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Callback;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.internal.AppRegistries;
import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.spi.BackendRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.ToDoubleFunction;

/**
 * Thread pools of an app, each under a name, read at each scrape — nothing is added to the path of a task:
 * <pre>{@code
 * ExecutorMetrics executors = ExecutorMetrics.of(app);
 * ThreadPoolExecutor resize = executors.monitor("resize", new ThreadPoolExecutor(2, 2, 0, SECONDS, queue));
 * // shop_executor_pool_size_threads{executor="resize"} 2.0
 * // shop_executor_pool_max_threads{executor="resize"} 2.0
 * // shop_executor_active_threads{executor="resize"} 1.0
 * // shop_executor_queued_tasks{executor="resize"} 4.0
 * // shop_executor_completed_tasks_total{executor="resize"} 17.0
 * // shop_executor_rejected_tasks_total{executor="resize"} 0.0
 * }</pre>
 * A {@code ThreadPoolExecutor} (and so a {@code ScheduledThreadPoolExecutor}) gets every family; its refused tasks
 * are counted by a rejection handler put in front of the one it has, which still decides what a refusal does (set
 * your own handler before {@code monitor}). A {@code ForkJoinPool} keeps no count of completed tasks and has no
 * rejection handler: it gets the four gauges. See docs/instrumentations.md.
 */
public final class ExecutorMetrics {

    private static final Map<BackendRegistry, Map<String, ExecutorMetrics>> BY_REGISTRY = new WeakHashMap<>();

    private final ConcurrentSkipListMap<String, PoolReading> pools = new ConcurrentSkipListMap<>();
    private final Counter rejected;

    private ExecutorMetrics(AppMetrics app) {
        gauge(app, "executor_pool_size_threads", "Threads in the pool now, by executor.", PoolReading::poolSize);
        gauge(app, "executor_pool_max_threads", "The most threads the pool may run (a ForkJoinPool's parallelism),"
                + " by executor.", PoolReading::maxThreads);
        gauge(app, "executor_active_threads", "Threads running a task now, by executor.", PoolReading::active);
        gauge(app, "executor_queued_tasks", "Tasks waiting in the pool's queue for a thread, by executor.",
                PoolReading::queued);
        app.counter("executor_completed_tasks_total").help("Tasks the pool has completed, by executor.")
                .labelNames("executor").registerCallback(series -> report(series, PoolReading::completed));
        this.rejected = app.counter("executor_rejected_tasks_total").help("Tasks the pool refused (its queue full,"
                + " or shut down), by executor.").labelNames("executor").register();
    }

    /** The thread-pool metrics of {@code app}: its families are registered on the first call, once per app. */
    public static ExecutorMetrics of(AppMetrics app) {
        Checks.notNull("app", app, "pass the AppMetrics the executor metrics belong to");
        synchronized (BY_REGISTRY) {
            return BY_REGISTRY.computeIfAbsent(AppRegistries.of(app), r -> new HashMap<>())
                    .computeIfAbsent(app.namespace(), ns -> new ExecutorMetrics(app));
        }
    }

    /**
     * Reports {@code executor} under {@code name} (a short logical name: {@code "http"}, {@code "image-resize"})
     * and counts the tasks it refuses; returns it. Monitoring the same pool under the same name again does
     * nothing; another pool under a name in use is refused.
     */
    public <E extends ThreadPoolExecutor> E monitor(String name, E executor) {
        Checks.notNull("executor", executor, "pass the ThreadPoolExecutor to monitor");
        if (add(name, PoolReading.of(executor))) {
            Counter.Child refused = rejected.labels(name);
            executor.setRejectedExecutionHandler(new CountedRejections(executor.getRejectedExecutionHandler(),
                    refused, name));
        }
        return executor;
    }

    /** Reports {@code pool} under {@code name}, as {@link #monitor(String, ThreadPoolExecutor)} does; returns it. */
    public ForkJoinPool monitor(String name, ForkJoinPool pool) {
        Checks.notNull("pool", pool, "pass the ForkJoinPool to monitor");
        add(name, PoolReading.of(pool));
        return pool;
    }

    /**
     * Stops reporting the pool under {@code name} (its series leave the next scrape) and gives a
     * {@code ThreadPoolExecutor} back the rejection handler it had; nothing when no pool has that name.
     */
    public void remove(String name) {
        PoolReading gone = pools.remove(name);
        if (gone != null && gone.pool() instanceof ThreadPoolExecutor executor
                && executor.getRejectedExecutionHandler() instanceof CountedRejections counted
                && counted.name().equals(name)) {
            executor.setRejectedExecutionHandler(counted.delegate());
            rejected.remove(name);
        }
    }

    /** True when the pool was added now, false when it was already monitored under that name. */
    private boolean add(String name, PoolReading reading) {
        Checks.logicalName("executor", name, "\"http\" or \"image-resize\"");
        PoolReading before = pools.putIfAbsent(name, reading);
        if (before == null) {
            return true;
        }
        if (before.pool() == reading.pool()) {
            return false;
        }
        throw new IllegalArgumentException("Executor name \"" + name + "\" already names another pool: give each"
                + " pool its own name, or remove(\"" + name + "\") the first one.");
    }

    private void gauge(AppMetrics app, String name, String help, ToDoubleFunction<PoolReading> read) {
        app.gauge(name).help(help).labelNames("executor").registerCallback(series -> report(series, read));
    }

    private void report(Callback.Series series, ToDoubleFunction<PoolReading> read) {
        pools.forEach((name, pool) -> {
            double value = read.applyAsDouble(pool);
            if (!Double.isNaN(value)) {
                series.report(value, name);
            }
        });
    }
}
