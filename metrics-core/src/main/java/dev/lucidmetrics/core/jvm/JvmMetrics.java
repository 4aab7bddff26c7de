package dev.lucidmetrics.core.jvm;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.internal.AppRegistries;
import dev.lucidmetrics.core.internal.Checks;
import dev.lucidmetrics.core.spi.JvmOptions;

/**
 * JVM and process metrics under the names of simpleclient_hotspot, on every backend
 * ({@code jvm_memory_bytes_used{area}}, {@code jvm_threads_current}, {@code jvm_gc_collection_seconds},
 * {@code process_cpu_seconds_total}, ...), registered once per registry.
 * <pre>{@code
 * JvmMetrics.builder().register(app);
 * // jvm_threads_current 12.0
 * // jvm_memory_bytes_used{area="heap"} 2.1E7
 * }</pre>
 * Calling this twice for one registry registers nothing the second time (simpleclient's {@code DefaultExports} adds a
 * GC listener on every call and never removes it).
 */
public final class JvmMetrics {

    private JvmMetrics() {
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
         * Registers into the app's registry; returns false when JVM metrics were already registered there (by this,
         * or around the API by the backend's own client, such as simpleclient's {@code DefaultExports}).
         */
        public boolean register(AppMetrics app) {
            Checks.notNull("app", app, "pass the AppMetrics to add JVM metrics to");
            boolean deadlockDetection = explicit.build().orElse(config).jvmDeadlockDetection().orElse(true);
            return AppRegistries.of(app).registerJvmMetrics(new JvmOptions(deadlockDetection));
        }
    }
}
