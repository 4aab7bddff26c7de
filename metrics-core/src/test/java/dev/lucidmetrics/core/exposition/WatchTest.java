package dev.lucidmetrics.core.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A request's phases as the watchdog reads them from its own thread while the request's thread moves them on. The
 * watchdog closes a request whose handling has run past the response timeout: if it could see "handling" with a
 * clock that had not yet been set, it would close a request the moment its head arrived (a gallery page lost under
 * load in the reliability run: its connection closed with no response, its iotd call cut short).
 */
class WatchTest {

    private static final int ROUNDS = 200_000;

    private volatile Watch current;
    private volatile boolean done;

    @Test
    void theWatchdogNeverSeesHandlingWithoutTheTimeItBegan() throws Exception {
        AtomicLong handlingSeen = new AtomicLong();
        AtomicLong withoutItsTime = new AtomicLong();
        Thread watchdog = new Thread(() -> {
            while (!done) {
                Watch w = current;
                if (w == null) {
                    continue;
                }
                Watch.Phase phase = w.phase();
                if (phase.state() == Watch.HANDLING) {
                    handlingSeen.incrementAndGet();
                    if (phase.since() - w.handed < 0) {
                        withoutItsTime.incrementAndGet();
                    }
                }
            }
        });
        watchdog.start();
        try {
            for (int i = 0; i < ROUNDS; i++) {
                Watch w = new Watch();
                w.start(Thread.currentThread());
                current = w;
                assertTrue(w.headArrived());
            }
        } finally {
            done = true;
            watchdog.join();
        }
        assertTrue(handlingSeen.get() > 0, "the watchdog thread never ran while requests were handled");
        assertEquals(0, withoutItsTime.get(), "of " + handlingSeen.get() + " looks at a request being handled");
    }

    @Test
    void aRequestClosedWhileReadingItsHeadIsNeverHandled() {
        Watch w = new Watch();
        w.start(Thread.currentThread());
        AtomicLong closed = new AtomicLong();
        w.close(w.phase(), closed);
        assertFalse(w.headArrived());
        assertEquals(1, closed.get());
        assertTrue(Thread.interrupted(), "the close interrupts the blocked read");
        w.finish();
    }

    @Test
    void aCloseJudgedOnAnEarlierPhaseLeavesTheRequestAlone() {
        Watch w = new Watch();
        w.start(Thread.currentThread());
        Watch.Phase judged = w.phase();
        assertTrue(w.headArrived());
        AtomicLong closed = new AtomicLong();
        w.close(judged, closed);
        assertEquals(Watch.HANDLING, w.phase().state());
        assertEquals(0, closed.get());
        assertFalse(Thread.interrupted());
        w.finish();
    }
}
