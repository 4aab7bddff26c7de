package dev.lucidmetrics.core.jvm;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.internal.Checks;
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
 * JVM and process metrics from simpleclient_hotspot ({@code jvm_memory_bytes_used{area}}, {@code jvm_threads_current},
 * {@code jvm_gc_collection_seconds}, {@code process_cpu_seconds_total}, ...), registered once per registry.
 * <pre>{@code
 * JvmMetrics.builder().register(app);
 * // jvm_threads_current 12.0
 * // jvm_memory_bytes_used{area="heap"} 2.1E7
 * }</pre>
 * Unlike {@code DefaultExports.register}, calling this twice for one registry registers nothing the second time
 * (simpleclient adds a GC listener on every call and never removes it).
 */
public final class JvmMetrics {

    /** A family every registration adds; its presence marks a registry as done (also after DefaultExports). */
    private static final String MARKER = "jvm_threads_current";
    private static final Set<String> DEADLOCK_FAMILIES = Set.of("jvm_threads_deadlocked",
            "jvm_threads_deadlocked_monitor");

    private final boolean threadDeadlockDetection;

    private JvmMetrics(boolean threadDeadlockDetection) {
        this.threadDeadlockDetection = threadDeadlockDetection;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link JvmMetrics}. */
    public static final class Builder {
        private final MetricsConfig.Builder explicit = MetricsConfig.builder();
        private MetricsConfig config = MetricsConfig.empty();

        Builder() {
        }

        /**
         * Whether to report {@code jvm_threads_deadlocked*}: the detection pauses the JVM at a safepoint on every
         * scrape, which shows with thousands of threads. On by default, like simpleclient.
         */
        public Builder threadDeadlockDetection(boolean enabled) {
            explicit.jvmDeadlockDetection(enabled);
            return this;
        }

        /**
         * Takes {@code METRICS_JVM_DEADLOCK_DETECTION} from the settings, when set; an explicit
         * {@link #threadDeadlockDetection(boolean)} wins, whatever the order of the calls.
         */
        public Builder config(MetricsConfig config) {
            this.config = Checks.notNull("config", config, "pass MetricsConfig.fromEnvironment()");
            return this;
        }

        /**
         * Registers into the app's registry; returns false when JVM metrics were already registered there (by this
         * or by simpleclient's {@code DefaultExports}).
         */
        public boolean register(AppMetrics app) {
            CollectorRegistry registry = Checks.notNull("app", app, "pass the AppMetrics to add JVM metrics to")
                    .collectorRegistry();
            // The registry itself is the record of what was registered: no static state that outlives it.
            synchronized (JvmMetrics.class) {
                if (registry.filteredMetricFamilySamples(Set.of(MARKER)).hasMoreElements()) {
                    return false;
                }
                new JvmMetrics(explicit.build().orElse(config).jvmDeadlockDetection().orElse(true))
                        .registerInto(registry);
                return true;
            }
        }
    }

    private void registerInto(CollectorRegistry registry) {
        new StandardExports().register(registry);
        new MemoryPoolsExports().register(registry);
        new MemoryAllocationExports().register(registry);
        new BufferPoolsExports().register(registry);
        new GarbageCollectorExports().register(registry);
        new ClassLoadingExports().register(registry);
        new VersionInfoExports().register(registry);
        ThreadExports threads = new ThreadExports();
        if (threadDeadlockDetection) {
            threads.register(registry);
        } else {
            registry.register(new WithoutDeadlockDetection(threads));
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
