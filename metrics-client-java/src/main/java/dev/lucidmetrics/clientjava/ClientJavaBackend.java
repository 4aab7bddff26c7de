package dev.lucidmetrics.clientjava;

import dev.lucidmetrics.core.spi.Backend;
import dev.lucidmetrics.core.spi.BackendRegistry;
import dev.lucidmetrics.core.spi.ExpositionFormat;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The backend of Lucid Metrics on the Prometheus client_java 1.x, found by {@code AppMetrics} through
 * {@code META-INF/services}. Applications never name this class: they add the {@code metrics-client-java}
 * dependency, and {@code app.unwrap(PrometheusRegistry.class)} hands out the registry behind an app.
 */
public final class ClientJavaBackend implements Backend {

    private static final Map<PrometheusRegistry, ClientJavaRegistry> ADOPTED = new WeakHashMap<>();

    /** For {@link java.util.ServiceLoader}. */
    public ClientJavaBackend() {
    }

    @Override
    public String name() {
        return "client_java";
    }

    @Override
    public String artifact() {
        return "dev.lucidmetrics:metrics-client-java";
    }

    @Override
    public Class<?> registryType() {
        return PrometheusRegistry.class;
    }

    @Override
    public BackendRegistry newRegistry() {
        return adopt(new PrometheusRegistry());   // unwrapped and built on again, it is the same registry
    }

    @Override
    public BackendRegistry adopt(Object nativeRegistry) {
        PrometheusRegistry registry = (PrometheusRegistry) nativeRegistry;
        synchronized (ADOPTED) {
            return ADOPTED.computeIfAbsent(registry, r -> new ClientJavaRegistry(this, r));
        }
    }

    @Override
    public Set<ExpositionFormat> formats() {
        return EnumSet.of(ExpositionFormat.TEXT, ExpositionFormat.OPENMETRICS);
    }
}
