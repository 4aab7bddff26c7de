package dev.lucidmetrics.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition no latch can signal (a counter recorded on a server thread, a socket closing), checking
 * with a short, growing pause until a deadline:
 * <pre>{@code
 * Poll.until("the request to be counted", Duration.ofSeconds(5), () -> values.sum("app_requests_total") == 1);
 * }</pre>
 * On timeout it throws {@link AssertionError}, which every test framework reports as a failure.
 */
public final class Poll {

    private static final long FIRST_PAUSE_NANOS = 50_000;
    private static final long LONGEST_PAUSE_NANOS = 10_000_000;

    private Poll() {
    }

    /** Returns once {@code condition} holds; fails after {@code timeout} saying what was awaited. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(timeout, condition, () -> "Timed out after " + timeout + " waiting for " + what);
    }

    /**
     * Returns once {@code condition} holds; after {@code timeout} (or when the thread is interrupted) fails with
     * the message {@code failure} gives then, which can quote the last value seen.
     */
    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> failure) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout " + timeout + " is illegal: pass a Duration of zero or more,"
                    + " such as Duration.ofSeconds(5).");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(failure.get());
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionError(failure.get() + " (the waiting thread was interrupted)");
            }
            LockSupport.parkNanos(Math.min(pause, left));
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        }
    }
}
