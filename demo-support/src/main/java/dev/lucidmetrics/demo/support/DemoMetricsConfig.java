package dev.lucidmetrics.demo.support;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;

/**
 * The demos' metrics settings: the library's, read from the environment, with the backend to run on when
 * {@code METRICS_BACKEND} is unset. Each demo carries both backends (metrics-simpleclient and metrics-client-java),
 * so {@code BACKEND=client_java make demo}, or {@code METRICS_BACKEND=client_java} on a container, switches without
 * a rebuild; otherwise the demos run on simpleclient, the documented default.
 */
public final class DemoMetricsConfig {

    /**
     * The backend the demos run on unless {@code METRICS_BACKEND} names another: simpleclient, or the system property
     * {@code lucid.demo.backend} (demo-support's test run on client_java sets it, its class path having that one).
     */
    public static final String DEFAULT_BACKEND = System.getProperty("lucid.demo.backend", "simpleclient");

    private DemoMetricsConfig() {
    }

    /** {@code MetricsConfig.from(env)}, on {@link #DEFAULT_BACKEND} unless {@code METRICS_BACKEND} is set. */
    public static MetricsConfig from(EnvConfig env) {
        return MetricsConfig.from(env).orElse(MetricsConfig.builder().backend(DEFAULT_BACKEND).build());
    }
}
