package dev.lucidmetrics.demo.gallery;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Keeps pages from waiting on a peer that does not answer in time. After {@link #TIMEOUTS_TO_OPEN} timeouts in a row
 * the circuit opens: pages skip the peer (and show the placeholder at once), but one page every
 * {@link #TRIAL_INTERVAL} still makes the call as a trial, and the first trial the peer answers closes the circuit.
 * So a slow peer costs a page its timeout only about twice a second, and its return is noticed within half a second.
 * Any answer in time counts as an answer, an error status or a refused connection too: those do not hold pages up.
 * A call's outcome counts only in the state it began in, so a late timeout of a call made before the peer came back
 * cannot open the circuit again.
 */
final class CircuitBreaker {

    static final int TIMEOUTS_TO_OPEN = 3;
    static final Duration TRIAL_INTERVAL = Duration.ofMillis(500);

    /** A call the breaker let through; report how it ended with {@link #answered()} or {@link #timedOut()}. */
    final class Call {
        private final long epoch;

        private Call(long epoch) {
            this.epoch = epoch;
        }

        void answered() {
            outcome(epoch, false);
        }

        void timedOut() {
            outcome(epoch, true);
        }
    }

    private final LongSupplier nanoTime;
    private long epoch;
    private boolean open;
    private int timeoutsInARow;
    private long nextTrial;

    CircuitBreaker(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The call to make, or null when the circuit is open and this is not a trial: skip the peer. */
    synchronized Call tryCall() {
        if (open) {
            long now = nanoTime.getAsLong();
            if (now - nextTrial < 0) {
                return null;
            }
            nextTrial = now + TRIAL_INTERVAL.toNanos();
        }
        return new Call(epoch);
    }

    synchronized boolean isOpen() {
        return open;
    }

    private synchronized void outcome(long callEpoch, boolean timedOut) {
        if (callEpoch != epoch) {
            return;
        }
        if (open) {
            if (!timedOut) {
                open = false;
                epoch++;
                timeoutsInARow = 0;
            }
        } else if (!timedOut) {
            timeoutsInARow = 0;
        } else if (++timeoutsInARow >= TIMEOUTS_TO_OPEN) {
            open = true;
            epoch++;
            nextTrial = nanoTime.getAsLong() + TRIAL_INTERVAL.toNanos();
        }
    }
}
