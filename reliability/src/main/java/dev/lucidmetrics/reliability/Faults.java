package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults of the dependencies scenario, one after another while the gallery is under load: iotd stopped (SIGTERM,
 * then started again), iotd slow (the proxy delays what the gallery sends it), every access-log replica paused
 * (SIGSTOP, then SIGCONT) and Prometheus restarted on the same data. Each fault lasts the fault duration; its
 * "return" is the moment the dependency is back (healthy, prompt, running, ready). After each return the load runs
 * on for a settle period before the next fault.
 */
final class Faults {

    static final Duration SETTLE = Duration.ofSeconds(2);

    /**
     * One fault: when it began, when the dependency returned, when the settle period after it ended (nanoTime), and
     * the recovery a probe measured (null: none measured, or not within the settle period).
     */
    record Phase(String name, String fault, long start, long returned, long end, Double recoveryMs) {
    }

    /** Measures a recovery: armed just before the dependency returns, then awaited (it bounds its own wait). */
    interface Probe {
        void arm() throws IOException, InterruptedException;

        /** Milliseconds from {@code returned} (nanoTime) to the recovery, or null when it did not come in time. */
        Double sinceReturnMs(long returned) throws IOException, InterruptedException;
    }

    private final Topology topology;
    private final Settings settings;
    private final List<Phase> phases = new ArrayList<>();

    Faults(Topology topology, Settings settings) {
        this.topology = topology;
        this.settings = settings;
    }

    List<Phase> phases() {
        return phases;
    }

    /** The load alone, for a baseline. */
    void baseline() {
        long start = System.nanoTime();
        hold(start, settings.faultDuration());
        long now = System.nanoTime();
        phases.add(new Phase("baseline", "none", start, now, now, null));
    }

    void iotdStopped(Probe probe) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Proc iotd = topology.proc(Topology.IOTD);
        iotd.terminate();
        if (iotd.awaitExit(Topology.GRACE.plusSeconds(10)) == null) {
            throw new IllegalStateException("iotd still runs " + Topology.GRACE.plusSeconds(10) + " after SIGTERM");
        }
        hold(start, settings.faultDuration());
        probe.arm();
        topology.start(Topology.IOTD);
        settle("iotd stopped", "SIGTERM to iotd, started again after " + settings.faultSeconds() + " s", start,
                probe);
    }

    void iotdSlow(Probe probe) throws IOException, InterruptedException {
        long start = System.nanoTime();
        topology.proxy().delay(settings.slowIotd());
        hold(start, settings.faultDuration());
        probe.arm();
        topology.proxy().delay(Duration.ZERO);
        settle("iotd slow", "iotd answering after " + settings.slowIotdSeconds() + " s (the proxy in front of it"
                + " holds every request that long)", start, probe);
    }

    void accessLogPaused(Probe probe) throws IOException, InterruptedException {
        long start = System.nanoTime();
        topology.accessLogs().forEach(a -> topology.proc(a).signal("STOP"));
        hold(start, settings.faultDuration());
        probe.arm();
        topology.accessLogs().forEach(a -> topology.proc(a).signal("CONT"));
        settle("access-log paused", "SIGSTOP to every access-log replica, SIGCONT after " + settings.faultSeconds()
                + " s", start, probe);
    }

    void prometheusRestarted(Probe probe) throws InterruptedException, IOException {
        long start = System.nanoTime();
        Proc prometheus = topology.proc(Topology.PROMETHEUS);
        prometheus.terminate();
        if (prometheus.awaitExit(Duration.ofSeconds(60)) == null) {
            throw new IllegalStateException("Prometheus still runs 60 s after SIGTERM");
        }
        probe.arm();
        topology.start(Topology.PROMETHEUS);
        settle("Prometheus restarted", "SIGTERM to Prometheus, started again at once on the same data", start, probe);
    }

    private void settle(String name, String fault, long start, Probe probe) throws IOException, InterruptedException {
        long returned = System.nanoTime();
        Double recovery = probe.sinceReturnMs(returned);
        hold(returned, SETTLE);
        phases.add(new Phase(name, fault, start, returned, System.nanoTime(), recovery));
    }

    /** Lets the load run until {@code from + d}: the length of a fault, a schedule rather than a wait for an event. */
    private static void hold(long from, Duration d) {
        long until = from + d.toNanos();
        while (System.nanoTime() - until < 0) {
            Proc.pause(Duration.ofMillis(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000))));
        }
    }
}
