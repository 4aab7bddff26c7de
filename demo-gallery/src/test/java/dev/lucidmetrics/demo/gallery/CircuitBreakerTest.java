package dev.lucidmetrics.demo.gallery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final CircuitBreaker breaker = new CircuitBreaker(clock::get);
    private static final long TRIAL = CircuitBreaker.TRIAL_INTERVAL.toNanos();

    private void open() {
        List<CircuitBreaker.Call> calls = new ArrayList<>();
        for (int i = 0; i < CircuitBreaker.TIMEOUTS_TO_OPEN; i++) {
            calls.add(breaker.tryCall());
        }
        calls.forEach(CircuitBreaker.Call::timedOut);
        assertTrue(breaker.isOpen());
    }

    @Test
    void staysClosedWhileTimeoutsAreInterruptedByAnswers() {
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < CircuitBreaker.TIMEOUTS_TO_OPEN - 1; i++) {
                breaker.tryCall().timedOut();
            }
            breaker.tryCall().answered();
        }
        assertFalse(breaker.isOpen());
    }

    @Test
    void openSkipsCallsButLetsOneTrialThroughEachInterval() {
        open();
        assertNull(breaker.tryCall());
        clock.addAndGet(TRIAL - 1);
        assertNull(breaker.tryCall(), "not before the interval");
        clock.addAndGet(1);
        CircuitBreaker.Call trial = breaker.tryCall();
        assertNotNull(trial);
        assertNull(breaker.tryCall(), "one trial per interval");
        trial.timedOut();
        assertTrue(breaker.isOpen(), "a trial that timed out keeps it open");
        clock.addAndGet(TRIAL);
        assertNotNull(breaker.tryCall(), "the next interval's trial, even with the last one's outcome pending");
    }

    @Test
    void anyTimelyAnswerToATrialClosesIt() {
        open();
        clock.addAndGet(TRIAL);
        breaker.tryCall().answered();   // an error status or a refused connection counts: it did not hold the page
        assertFalse(breaker.isOpen());
        assertNotNull(breaker.tryCall());
        assertNotNull(breaker.tryCall());
    }

    @Test
    void lateTimeoutsOfCallsMadeBeforeTheStateChangedAreIgnored() {
        List<CircuitBreaker.Call> old = new ArrayList<>();
        for (int i = 0; i < CircuitBreaker.TIMEOUTS_TO_OPEN * 2; i++) {
            old.add(breaker.tryCall());
        }
        old.subList(0, CircuitBreaker.TIMEOUTS_TO_OPEN).forEach(CircuitBreaker.Call::timedOut);
        assertTrue(breaker.isOpen());
        clock.addAndGet(TRIAL);
        List<CircuitBreaker.Call> trials = new ArrayList<>();
        for (int i = 0; i < CircuitBreaker.TIMEOUTS_TO_OPEN; i++) {
            trials.add(breaker.tryCall());
            clock.addAndGet(TRIAL);
        }
        trials.get(trials.size() - 1).answered();
        assertFalse(breaker.isOpen());
        old.subList(CircuitBreaker.TIMEOUTS_TO_OPEN, old.size()).forEach(CircuitBreaker.Call::timedOut);
        trials.subList(0, trials.size() - 1).forEach(CircuitBreaker.Call::timedOut);
        assertFalse(breaker.isOpen(), "timeouts of calls begun before the peer came back do not open it again");
    }
}
