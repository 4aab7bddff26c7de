package dev.lucidmetrics.core.spi;

/** One gauge series in a backend's storage. */
public interface GaugeSeries {

    /** Adds {@code amount}, which may be negative. */
    void inc(double amount);

    /** Sets the value. */
    void set(double value);

    /** The current value. */
    double get();
}
