package dev.lucidmetrics.core.exposition;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One request of a JDK {@code HttpServer} as {@link RequestDeadlines} watches it: handed to the executor (its first
 * byte had arrived), reading its head on a thread, handled (its head arrived), done, or closed by the watchdog.
 * Each state comes with the time it began, swapped in together ({@link Phase}): the watchdog never sees a state
 * with the clock of the one before it. The watchdog interrupts the thread only under this object's lock and only
 * while the request is still reading or handled; {@link #finish} clears that interrupt under the same lock, so it
 * can never reach the thread's next task.
 */
final class Watch {

    static final int QUEUED = 0;
    static final int READING = 1;
    static final int HANDLING = 2;
    static final int DONE = 3;
    static final int CLOSED = 4;

    /** A state and when it began ({@link System#nanoTime()}). */
    record Phase(int state, long since) {
    }

    /** When the server handed the request to the executor: the head's clock starts there. */
    final long handed = System.nanoTime();
    private final AtomicReference<Phase> phase = new AtomicReference<>(new Phase(QUEUED, handed));
    private Thread thread;   // guarded by this
    private boolean interrupted;   // guarded by this

    /** The request is on {@code thread} now, reading its head. */
    synchronized void start(Thread thread) {
        this.thread = thread;
        phase.set(new Phase(READING, System.nanoTime()));
    }

    /** The head arrived: true unless the watchdog closed the request first. */
    boolean headArrived() {
        Phase seen = phase.get();
        if (seen.state() == READING && phase.compareAndSet(seen, new Phase(HANDLING, System.nanoTime()))) {
            return true;
        }
        return phase.get().state() == HANDLING;
    }

    /** The state and when it began, read together. */
    Phase phase() {
        return phase.get();
    }

    /**
     * Interrupts the request's thread if it is still in {@code seen} (the phase the watchdog judged), counting it in
     * {@code closed} first: the interrupt closes the connection, and whoever sees it closed must find it counted.
     */
    synchronized void close(Phase seen, AtomicLong closed) {
        if (!phase.compareAndSet(seen, new Phase(CLOSED, System.nanoTime()))) {
            return;
        }
        closed.incrementAndGet();
        interrupted = true;
        thread.interrupt();
    }

    /** The task ended: no interrupt of the watchdog's can reach this thread any more, and none is left on it. */
    synchronized void finish() {
        phase.set(new Phase(DONE, System.nanoTime()));
        if (interrupted) {
            Thread.interrupted();
        }
        thread = null;
    }
}
