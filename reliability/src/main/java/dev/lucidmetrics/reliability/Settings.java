package dev.lucidmetrics.reliability;

import java.time.Duration;

/**
 * The sizes of one run. The short form (CI) and the full form check the same goals; the full form with more
 * clients, for longer, with the attack at its full 100,000 values. Durations in seconds. Hostile clients: the
 * attack's length, each hostile request kind's count, the stalled readers and idle connections held, and the slow
 * clients held against each server (0: twice the threads it reads requests on, plus one).
 */
record Settings(String form, int loadClients, int loadSeconds, int attackRequests, int attackClients,
        int faultClients, int faultSeconds, int slowIotdSeconds, int shutdownClients, int shutdownWarmupSeconds,
        int hostileSeconds, int hostileRequests, int stalledReaders, int idleConnections, int slowClients) {

    static Settings of(String form) {
        switch (form) {
            case "short":
                return new Settings(form, 32, 12, 10_000, 16, 16, 4, 10, 16, 2, 12, 10, 8, 50, 0);
            case "full":
                return new Settings(form, 200, 60, 100_000, 32, 64, 15, 10, 64, 5, 60, 100, 32, 300, 300);
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

    /** How long the slow clients attack each server (clients that stop reading are given longer). */
    Duration hostileWindow() {
        return Duration.ofSeconds(hostileSeconds);
    }

    /** The slow clients held against a server that reads requests on {@code threads} threads. */
    int slowClients(int threads) {
        return slowClients > 0 ? slowClients : ServerThreads.attackers(threads);
    }
}
