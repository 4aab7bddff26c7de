package dev.lucidmetrics.core.batch;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Answers the given instants in turn, so a run's start and end are known. */
final class SteppingClock extends Clock {

    private final Deque<Instant> instants;

    SteppingClock(Instant... instants) {
        this.instants = new ArrayDeque<>(List.of(instants));
    }

    @Override
    public Instant instant() {
        return instants.pop();
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
