package dev.lucidmetrics.reliability;

import java.time.Duration;

/**
 * The sizes of one run. The short form (CI) and the full form check the same goals; the full form with more
 * clients, for longer, with the attack at its full 100,000 values. Durations in seconds.
 */
record Settings(String form, int loadClients, int loadSeconds, int attackRequests, int attackClients,
        int faultClients, int faultSeconds, int slowIotdSeconds, int shutdownClients, int shutdownWarmupSeconds) {

    static Settings of(String form) {
        switch (form) {
            case "short":
                return new Settings(form, 32, 12, 10_000, 16, 16, 4, 10, 16, 2);
            case "full":
                return new Settings(form, 200, 60, 100_000, 32, 64, 15, 10, 64, 5);
            default:
                throw new IllegalArgumentException("form \"" + form + "\" is unknown: use short or full.");
        }
    }

    Duration loadDuration() {
        return Duration.ofSeconds(loadSeconds);
    }

    Duration faultDuration() {
        return Duration.ofSeconds(faultSeconds);
    }

    Duration slowIotd() {
        return Duration.ofSeconds(slowIotdSeconds);
    }

    Duration shutdownWarmup() {
        return Duration.ofSeconds(shutdownWarmupSeconds);
    }
}
