package dev.lucidmetrics.core;

import java.util.function.DoubleConsumer;

/** Measures elapsed time from its creation; {@link #close()} records it, in seconds, once. */
public final class Timer implements AutoCloseable {
    private final DoubleConsumer sink;
    private final long start = System.nanoTime();
    private boolean done;

    Timer(DoubleConsumer sink) {
        this.sink = sink;
    }

    /** Records the seconds elapsed since the timer started and returns them; later calls record nothing. */
    public double observeDuration() {
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!done) {
            done = true;
            sink.accept(seconds);
        }
        return seconds;
    }

    @Override
    public void close() {
        observeDuration();
    }
}
