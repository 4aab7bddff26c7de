package dev.lucidmetrics.core.exposition;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The metrics server's executor: {@code threads} daemon threads and a bounded queue. When both are full the executor
 * refuses and the JDK server closes that connection, so an overload never grows memory without bound.
 */
final class ServerThreads {

    static final int QUEUE_CAPACITY = 64;

    private ServerThreads() {
    }

    static ThreadPoolExecutor create(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "lucid-metrics-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), factory, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
