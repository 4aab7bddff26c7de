package dev.lucidmetrics.simpleclient;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Predicate;
import io.prometheus.client.hotspot.BufferPoolsExports;
import io.prometheus.client.hotspot.ClassLoadingExports;
import io.prometheus.client.hotspot.GarbageCollectorExports;
import io.prometheus.client.hotspot.MemoryAllocationExports;
import io.prometheus.client.hotspot.MemoryPoolsExports;
import io.prometheus.client.hotspot.StandardExports;
import io.prometheus.client.hotspot.ThreadExports;
import io.prometheus.client.hotspot.VersionInfoExports;
import java.util.List;
import java.util.Set;

/**
 * simpleclient_hotspot's JVM and process families, registered once per registry: the registry itself is the record
 * (a family every registration adds marks it done, also after {@code DefaultExports}), so no static state outlives
 * it, and simpleclient's GC listener is added once.
 */
final class HotspotExports {

    private static final String MARKER = "jvm_threads_current";
    private static final Set<String> DEADLOCK_FAMILIES = Set.of("jvm_threads_deadlocked",
            "jvm_threads_deadlocked_monitor");

    private HotspotExports() {
    }

    static boolean registerOnce(CollectorRegistry registry, boolean deadlockDetection) {
        synchronized (HotspotExports.class) {
            if (registry.filteredMetricFamilySamples(Set.of(MARKER)).hasMoreElements()) {
                return false;
            }
            new StandardExports().register(registry);
            new MemoryPoolsExports().register(registry);
            new MemoryAllocationExports().register(registry);
            new BufferPoolsExports().register(registry);
            new GarbageCollectorExports().register(registry);
            new ClassLoadingExports().register(registry);
            new VersionInfoExports().register(registry);
            ThreadExports threads = new ThreadExports();
            if (deadlockDetection) {
                threads.register(registry);
            } else {
                registry.register(new WithoutDeadlockDetection(threads));
            }
            return true;
        }
    }

    /** Asks ThreadExports not to compute the deadlock families, which it then skips. */
    private static final class WithoutDeadlockDetection extends Collector {
        private final ThreadExports delegate;

        WithoutDeadlockDetection(ThreadExports delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<MetricFamilySamples> collect() {
            return collect(null);
        }

        @Override
        public List<MetricFamilySamples> collect(Predicate<String> filter) {
            return delegate.collect(name -> !DEADLOCK_FAMILIES.contains(name) && (filter == null || filter.test(name)));
        }
    }
}
