package dev.lucidmetrics.core.exposition;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One request of a JDK {@code HttpServer} as {@link RequestDeadlines} watches it: handed to the executor (its first
 * byte had arrived), reading its head on a thread, handled (its head arrived), done, or closed by the watchdog.
 * The watchdog interrupts the thread only under this object's lock and only while the request is still reading or
 * handled; {@link #finish} clears that interrupt under the same lock, so it can never reach the thread's next task.
 */
final class Watch {

    static final int QUEUED = 0;
    static final int READING = 1;
    static final int HANDLING = 2;
    static final int DONE = 3;
    static final int CLOSED = 4;

    /** When the server handed the request to the executor: the head's clock starts there. */
    final long handed = System.nanoTime();
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private volatile long started;
    private volatile long handling;
    private Thread thread;   // guarded by this
    private boolean interrupted;   // guarded by this

    /** The request is on {@code thread} now, reading its head. */
    synchronized void start(Thread thread) {
        this.thread = thread;
        this.started = System.nanoTime();
        state.set(READING);
    }

    /** The head arrived: true unless the watchdog closed the request first. */
    boolean headArrived() {
        if (state.compareAndSet(READING, HANDLING)) {
            handling = System.nanoTime();
            return true;
        }
        return state.get() == HANDLING;
    }

    int state() {
        return state.get();
    }

    long started() {
        return started;
    }

    long handling() {
        return handling;
    }

    /**
     * Interrupts the request's thread if it is still in {@code from}, counting it in {@code closed} first: the
     * interrupt closes the connection, and whoever sees it closed must find it counted.
     */
    synchronized void close(int from, AtomicLong closed) {
        if (!state.compareAndSet(from, CLOSED)) {
            return;
        }
        closed.incrementAndGet();
        interrupted = true;
        thread.interrupt();
    }

    /** The task ended: no interrupt of the watchdog's can reach this thread any more, and none is left on it. */
    synchronized void finish() {
        state.set(DONE);
        if (interrupted) {
            Thread.interrupted();
        }
        thread = null;
    }
}
