package dev.lucidmetrics.clientjava;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The thread families under simpleclient_hotspot's names, with the deadlock families only when asked for (their
 * detection pauses the JVM at a safepoint on every scrape): {@code jvm_threads_current}, {@code _daemon},
 * {@code _peak}, {@code _started_total}, {@code _deadlocked}, {@code _deadlocked_monitor} and
 * {@code jvm_threads_state{state}} (every {@link Thread.State}, and {@code UNKNOWN} for threads that ended while
 * being counted).
 */
final class JvmThreads {

    private JvmThreads() {
    }

    static void register(PrometheusRegistry registry, boolean deadlockDetection) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        gauge(registry, "jvm_threads_current", "Threads of the JVM, daemon or not.", threads::getThreadCount);
        gauge(registry, "jvm_threads_daemon", "Daemon threads of the JVM.", threads::getDaemonThreadCount);
        gauge(registry, "jvm_threads_peak", "The most threads the JVM had at once.", threads::getPeakThreadCount);
        CounterWithCallback.builder().name("jvm_threads_started_total").help("Threads the JVM has started.")
                .callback(c -> c.call(threads.getTotalStartedThreadCount())).register(registry);
        if (deadlockDetection) {
            gauge(registry, "jvm_threads_deadlocked", "Threads in a deadlock on monitors or ownable synchronizers.",
                    () -> length(threads.findDeadlockedThreads()));
            gauge(registry, "jvm_threads_deadlocked_monitor", "Threads in a deadlock on monitors.",
                    () -> length(threads.findMonitorDeadlockedThreads()));
        }
        GaugeWithCallback.builder().name("jvm_threads_state").help("Threads of the JVM by state.")
                .labelNames("state").callback(c -> states(threads).forEach((state, n) -> c.call(n, state)))
                .register(registry);
    }

    private static void gauge(PrometheusRegistry registry, String name, String help,
            LongSupplier value) {
        GaugeWithCallback.builder().name(name).help(help).callback(c -> c.call(value.getAsLong())).register(registry);
    }

    private static long length(long[] ids) {
        return ids == null ? 0 : ids.length;
    }

    /** Threads per state; a thread that ends between the listing and its info counts as {@code UNKNOWN}. */
    private static Map<String, Integer> states(ThreadMXBean threads) {
        long[] ids = Arrays.stream(threads.getAllThreadIds()).filter(id -> id > 0).toArray();
        Map<Thread.State, Integer> counts = new EnumMap<>(Thread.State.class);
        for (Thread.State state : Thread.State.values()) {
            counts.put(state, 0);
        }
        int unknown = 0;
        for (ThreadInfo info : threads.getThreadInfo(ids, 0)) {
            if (info == null) {
                unknown++;
            } else {
                counts.merge(info.getThreadState(), 1, Integer::sum);
            }
        }
        Map<String, Integer> byName = new LinkedHashMap<>();
        counts.forEach((state, n) -> byName.put(state.name(), n));
        byName.put("UNKNOWN", unknown);
        return byName;
    }
}
