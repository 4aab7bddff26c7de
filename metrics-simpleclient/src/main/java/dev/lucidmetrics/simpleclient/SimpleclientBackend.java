package dev.lucidmetrics.simpleclient;

import dev.lucidmetrics.core.model.HistogramKind;
import dev.lucidmetrics.core.spi.Backend;
import dev.lucidmetrics.core.spi.BackendRegistry;
import dev.lucidmetrics.core.spi.ExpositionFormat;
import io.prometheus.client.CollectorRegistry;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The backend of Lucid Metrics on the official Prometheus simpleclient 0.16, found by {@code AppMetrics} through
 * {@code META-INF/services}. Applications never name this class: they add the {@code metrics-simpleclient}
 * dependency, and {@code app.unwrap(CollectorRegistry.class)} hands out the registry behind an app.
 */
public final class SimpleclientBackend implements Backend {

    private static final Map<CollectorRegistry, SimpleclientRegistry> ADOPTED = new WeakHashMap<>();

    /** For {@link java.util.ServiceLoader}. */
    public SimpleclientBackend() {
    }

    @Override
    public String name() {
        return "simpleclient";
    }

    @Override
    public String artifact() {
        return "dev.lucidmetrics:metrics-simpleclient";
    }

    @Override
    public Class<?> registryType() {
        return CollectorRegistry.class;
    }

    @Override
    public BackendRegistry newRegistry() {
        return adopt(new CollectorRegistry(true));   // unwrapped and built on again, it is the same registry
    }

    @Override
    public BackendRegistry adopt(Object nativeRegistry) {
        CollectorRegistry registry = (CollectorRegistry) nativeRegistry;
        synchronized (ADOPTED) {
            return ADOPTED.computeIfAbsent(registry, r -> new SimpleclientRegistry(this, r));
        }
    }

    @Override
    public Set<ExpositionFormat> formats() {
        return EnumSet.of(ExpositionFormat.TEXT, ExpositionFormat.OPENMETRICS);
    }

    /** Classic buckets only: simpleclient 0.16 predates native histograms and their protobuf exposition. */
    @Override
    public String refusal(HistogramKind kind) {
        if (!kind.hasNative()) {
            return null;
        }
        return "the simpleclient backend (" + artifact() + ") counts classic buckets only: simpleclient 0.16 has no"
                + " native histograms. Switch the dependency to dev.lucidmetrics:metrics-client-java (the client_java"
                + " 1.x backend; docs/backends.md), or keep classic buckets.";
    }
}
