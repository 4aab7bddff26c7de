package dev.lucidmetrics.core.executor;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * What one monitored pool reports at a scrape, read from the pool itself: nothing is counted on the task path.
 * {@link #completed()} is NaN where the pool keeps no such count ({@code ForkJoinPool}).
 */
interface PoolReading {

    /** The pool this reads, to tell a second registration of it from another pool under the same name. */
    Object pool();

    double poolSize();

    double maxThreads();

    double active();

    double queued();

    double completed();

    static PoolReading of(ThreadPoolExecutor pool) {
        return new PoolReading() {
            public Object pool() {
                return pool;
            }

            public double poolSize() {
                return pool.getPoolSize();
            }

            public double maxThreads() {
                return pool.getMaximumPoolSize();
            }

            public double active() {
                return pool.getActiveCount();
            }

            public double queued() {
                return pool.getQueue().size();
            }

            public double completed() {
                return pool.getCompletedTaskCount();
            }
        };
    }

    /** Queued: the tasks in the workers' queues plus the submissions not yet taken by a worker. */
    static PoolReading of(ForkJoinPool pool) {
        return new PoolReading() {
            public Object pool() {
                return pool;
            }

            public double poolSize() {
                return pool.getPoolSize();
            }

            public double maxThreads() {
                return pool.getParallelism();
            }

            public double active() {
                return pool.getActiveThreadCount();
            }

            public double queued() {
                return pool.getQueuedTaskCount() + pool.getQueuedSubmissionCount();
            }

            public double completed() {
                return Double.NaN;
            }
        };
    }
}
