package dev.lucidmetrics.clientjava;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The memory families under simpleclient_hotspot's names: {@code jvm_memory_bytes_*{area}} for heap and non-heap,
 * {@code jvm_memory_pool_bytes_*{pool}} and {@code jvm_memory_pool_collection_*_bytes{pool}} per pool, and the
 * finalizer queue. Each reads the MXBeans at scrape time.
 */
final class JvmMemory {

    private JvmMemory() {
    }

    static void register(PrometheusRegistry registry) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        GaugeWithCallback.builder().name("jvm_memory_objects_pending_finalization")
                .help("Objects waiting in the finalizer queue.")
                .callback(c -> c.call(memory.getObjectPendingFinalizationCount())).register(registry);
        area(registry, "used", "Used bytes of a JVM memory area.", memory, MemoryUsage::getUsed);
        area(registry, "committed", "Committed bytes of a JVM memory area.", memory, MemoryUsage::getCommitted);
        area(registry, "max", "Maximum bytes of a JVM memory area (-1 when undefined).", memory, MemoryUsage::getMax);
        area(registry, "init", "Initial bytes of a JVM memory area.", memory, MemoryUsage::getInit);
        pool(registry, "jvm_memory_pool_bytes_used", "Used bytes of a JVM memory pool.", pools,
                MemoryPoolMXBean::getUsage, MemoryUsage::getUsed);
        pool(registry, "jvm_memory_pool_bytes_committed", "Committed bytes of a JVM memory pool.", pools,
                MemoryPoolMXBean::getUsage, MemoryUsage::getCommitted);
        pool(registry, "jvm_memory_pool_bytes_max", "Maximum bytes of a JVM memory pool (-1 when undefined).", pools,
                MemoryPoolMXBean::getUsage, MemoryUsage::getMax);
        pool(registry, "jvm_memory_pool_bytes_init", "Initial bytes of a JVM memory pool.", pools,
                MemoryPoolMXBean::getUsage, MemoryUsage::getInit);
        pool(registry, "jvm_memory_pool_collection_used_bytes", "Used bytes of a JVM memory pool after the last"
                + " collection.", pools, MemoryPoolMXBean::getCollectionUsage, MemoryUsage::getUsed);
        pool(registry, "jvm_memory_pool_collection_committed_bytes", "Committed bytes of a JVM memory pool after the"
                + " last collection.", pools, MemoryPoolMXBean::getCollectionUsage, MemoryUsage::getCommitted);
        pool(registry, "jvm_memory_pool_collection_max_bytes", "Maximum bytes of a JVM memory pool after the last"
                + " collection.", pools, MemoryPoolMXBean::getCollectionUsage, MemoryUsage::getMax);
        pool(registry, "jvm_memory_pool_collection_init_bytes", "Initial bytes of a JVM memory pool after the last"
                + " collection.", pools, MemoryPoolMXBean::getCollectionUsage, MemoryUsage::getInit);
    }

    private static void area(PrometheusRegistry registry, String what, String help, MemoryMXBean memory,
            ToLongFunction<MemoryUsage> value) {
        GaugeWithCallback.builder().name("jvm_memory_bytes_" + what).help(help).labelNames("area")
                .callback(c -> {
                    c.call(value.applyAsLong(memory.getHeapMemoryUsage()), "heap");
                    c.call(value.applyAsLong(memory.getNonHeapMemoryUsage()), "nonheap");
                }).register(registry);
    }

    private static void pool(PrometheusRegistry registry, String name, String help, List<MemoryPoolMXBean> pools,
            Function<MemoryPoolMXBean, MemoryUsage> usage, ToLongFunction<MemoryUsage> value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames("pool")
                .callback(c -> {
                    for (MemoryPoolMXBean pool : pools) {
                        MemoryUsage u = usage.apply(pool);
                        if (u != null) {
                            c.call(value.applyAsLong(u), pool.getName());
                        }
                    }
                }).register(registry);
    }
}
