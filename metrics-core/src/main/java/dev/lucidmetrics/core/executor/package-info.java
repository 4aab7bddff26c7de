/**
 * Thread-pool metrics: a {@code ThreadPoolExecutor}, {@code ScheduledThreadPoolExecutor} or {@code ForkJoinPool}
 * registered by name, read at each scrape ({@link dev.lucidmetrics.core.executor.ExecutorMetrics}).
 */
package dev.lucidmetrics.core.executor;
