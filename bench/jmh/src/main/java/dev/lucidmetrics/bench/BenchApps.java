package dev.lucidmetrics.bench;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.MetricsConfig;

/**
 * The one place a benchmark picks the library's backend. benchmarks.jar holds both (metrics-simpleclient and
 * metrics-client-java), so every app is built on a named one: JMH states take it as {@code @Param backend}
 * ({@link #BACKENDS}), the load drivers and {@link HeapPerSeries} from {@code METRICS_BACKEND} — the library's own
 * setting, whose absence on a class path with two backends stops the program with the library's message.
 */
final class BenchApps {
    /** The backends, by the names {@code AppMetrics.Builder.backend} takes; JMH's {@code @Param} lists repeat them. */
    static final String SIMPLECLIENT = "simpleclient";
    static final String CLIENT_JAVA = "client_java";

    private BenchApps() {
    }

    /** A builder on {@code backend} ("simpleclient" or "client_java"). */
    static AppMetrics.Builder on(String namespace, String backend) {
        return AppMetrics.builder(namespace).backend(backend);
    }

    /** A builder on the backend {@code METRICS_BACKEND} names. */
    static AppMetrics.Builder fromEnvironment(String namespace) {
        return AppMetrics.builder(namespace).config(MetricsConfig.fromEnvironment());
    }
}
