package dev.lucidmetrics.core.exposition;

import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.internal.VirtualThreads;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executors for a JDK {@code HttpServer}, the ones {@link MetricsServer} uses: a bounded pool, or a virtual thread
 * per exchange where the JVM has them (Java 21+, found at run time so that an app compiled for 17 can use them).
 * <pre>{@code
 * server.setExecutor(ServerExecutors.virtualThreadsAvailable()
 *         ? ServerExecutors.virtualThreadPerTask("HTTP_VIRTUAL_THREADS=true")
 *         : ServerExecutors.bounded("app-http", 16));
 * }</pre>
 */
public final class ServerExecutors {

    /** Exchanges waiting for a thread of a {@link #bounded} executor before it refuses more. */
    public static final int QUEUE_CAPACITY = 64;

    private ServerExecutors() {
    }

    /**
     * {@code threads} daemon threads named {@code name-1, name-2, ...} and a queue of {@value #QUEUE_CAPACITY}: when
     * both are full it refuses, and the JDK server closes that connection, so an overload never grows memory
     * without bound. Idle threads end after a minute.
     */
    public static ThreadPoolExecutor bounded(String name, int threads) {
        return bounded(name, threads, QUEUE_CAPACITY);
    }

    /**
     * {@code threads} daemon threads named {@code name-1, name-2, ...}, started as requests come (idle ones end
     * after a minute), and a queue of {@code queue} requests waiting for one: when both are full it refuses, and the
     * JDK server closes that connection. For a server watched by {@link RequestDeadlines}, give it more threads than
     * the clients you expect at once, and a queue for the rest.
     */
    public static ThreadPoolExecutor bounded(String name, int threads, int queue) {
        Checks.atLeastOne("threads", threads, 16);
        Checks.atLeastOne("queue", queue, QUEUE_CAPACITY);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), factory, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** True when this JVM has virtual threads (Java 21+). */
    public static boolean virtualThreadsAvailable() {
        return VirtualThreads.available();
    }

    /**
     * A new virtual thread per task.
     *
     * @param setting the setting that asked for it, named in the message on a JVM older than 21
     * @throws IllegalArgumentException on a JVM older than 21
     */
    public static ExecutorService virtualThreadPerTask(String setting) {
        return VirtualThreads.perTaskExecutor(setting);
    }
}
