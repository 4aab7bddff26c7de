package dev.lucidmetrics.core.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The tests' one clock, in UTC: it answers the given instants in turn and then stays at the last one until the test
 * moves it, so a run's start and end can be given in advance and a cache's expiry reached by hand.
 * <pre>{@code
 * TestClock clock = new TestClock(start);                // start, start, ... until advanced
 * clock.advance(Duration.ofMinutes(5));                   // start + 5 min from now on
 * Clock run = new TestClock(start, end);                  // start, then end (and end after that)
 * }</pre>
 */
public final class TestClock extends Clock {

    private final Deque<Instant> next;
    private volatile Instant now;

    public TestClock(Instant first, Instant... then) {
        this.now = first;
        this.next = new ArrayDeque<>(List.of(then));
    }

    /** Moves the clock on by {@code d} from the instant it answers now (dropping instants still to come). */
    public synchronized void advance(Duration d) {
        next.clear();
        now = now.plus(d);
    }

    @Override
    public synchronized Instant instant() {
        Instant answer = now;
        if (!next.isEmpty()) {
            now = next.pop();
        }
        return answer;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
