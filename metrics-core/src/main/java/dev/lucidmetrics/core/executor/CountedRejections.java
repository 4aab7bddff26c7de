package dev.lucidmetrics.core.executor;

import dev.lucidmetrics.core.Counter;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The rejection handler {@link ExecutorMetrics#monitor(String, ThreadPoolExecutor)} puts in front of the pool's own:
 * counts each refused task, then hands it to the handler the pool had, which decides as before (abort, run in the
 * caller, discard).
 */
final class CountedRejections implements RejectedExecutionHandler {

    private final RejectedExecutionHandler delegate;
    private final Counter.Child rejected;
    private final String name;

    CountedRejections(RejectedExecutionHandler delegate, Counter.Child rejected, String name) {
        this.delegate = delegate;
        this.rejected = rejected;
        this.name = name;
    }

    @Override
    public void rejectedExecution(Runnable task, ThreadPoolExecutor executor) {
        rejected.inc();
        delegate.rejectedExecution(task, executor);
    }

    /** The handler the pool had before it was monitored. */
    RejectedExecutionHandler delegate() {
        return delegate;
    }

    /** The name it counts under. */
    String name() {
        return name;
    }
}
