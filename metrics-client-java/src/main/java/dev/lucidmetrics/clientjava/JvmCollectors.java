package dev.lucidmetrics.clientjava;

import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryPoolAllocationMetrics;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The JVM and process families of simpleclient_hotspot 0.16 — the names the dashboards, recording rules and alerts
 * read — on client_java, registered once per registry. client_java 1.x kept five of simpleclient_hotspot's groups
 * under the same names, types and labels (process, class loading, GC, buffer pools, pool allocation): those are its
 * own instrumentation. It renamed the memory families ({@code jvm_memory_used_bytes} for
 * {@code jvm_memory_bytes_used}) and {@code jvm_info} ({@code jvm_runtime_info}), and cannot leave out the deadlock
 * families: those are this module's collectors on the same MXBeans ({@link JvmMemory}, {@link JvmThreads}).
 */
final class JvmCollectors {

    /** A family every registration adds, this one's or client_java's own {@code JvmMetrics}: its mark. */
    private static final String MARKER = "jvm_threads_current";

    private JvmCollectors() {
    }

    static boolean registerOnce(PrometheusRegistry registry, boolean deadlockDetection) {
        synchronized (JvmCollectors.class) {
            if (registry.scrape(MARKER::equals).size() > 0) {
                return false;
            }
            ProcessMetrics.builder().register(registry);
            JvmMemory.register(registry);
            JvmMemoryPoolAllocationMetrics.builder().register(registry);
            JvmBufferPoolMetrics.builder().register(registry);
            JvmGarbageCollectorMetrics.builder().register(registry);
            JvmClassLoadingMetrics.builder().register(registry);
            JvmThreads.register(registry, deadlockDetection);
            Info jvm = Info.builder().name("jvm_info").help("The JVM's version, vendor and runtime name.")
                    .labelNames("version", "vendor", "runtime").register(registry);
            jvm.setLabelValues(System.getProperty("java.runtime.version", "unknown"),
                    System.getProperty("java.vm.vendor", "unknown"),
                    System.getProperty("java.runtime.name", "unknown"));
            return true;
        }
    }
}
