package dev.lucidmetrics.clientjava;

import dev.lucidmetrics.core.model.HistogramKind;
import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.naming.MetricNames;
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
        return EnumSet.of(ExpositionFormat.TEXT, ExpositionFormat.OPENMETRICS, ExpositionFormat.PROTOBUF);
    }

    /** Every kind: client_java 1.x counts classic buckets, native histograms and both. */
    @Override
    public String refusal(HistogramKind kind) {
        return null;
    }

    /**
     * client_java 1.x's model refuses a family name that ends in a suffix it reserves for samples of its own
     * ({@code _created}, {@code _bucket}, {@code _info}, {@code _total}) once the type's own suffix is taken off: a
     * counter {@code x_created_total} or {@code x_info_total}, a gauge {@code x_created}. The API's rules and
     * promtool allow some of them ({@code _created} always), and simpleclient exposes them.
     */
    @Override
    public String refusal(String name, MetricType type) {
        String family = type == MetricType.INFO ? Names.withoutSuffix(name, "_info")
                : MetricNames.familyName(name, type);
        String suffix = RESERVED.keySet().stream().filter(family::endsWith).findFirst().orElse(null);
        if (suffix == null) {
            return null;
        }
        String own = family.equals(name) ? "" : " before \"" + name.substring(family.length()) + "\"";
        return "\"" + name + "\" ends in \"" + suffix + "\"" + own + ", which the client_java backend cannot expose:"
                + " client_java 1.x reserves the suffix for " + RESERVED.get(suffix) + ". Choose another last word,"
                + " or run on the simpleclient backend (dev.lucidmetrics:metrics-simpleclient).";
    }

    /** The suffixes client_java 1.x's {@code PrometheusNaming} reserves in family names, and what for. */
    private static final Map<String, String> RESERVED = Map.of("_created", "the created time of counters, histograms"
            + " and summaries", "_bucket", "histogram buckets", "_info", "info metrics", "_total", "counters");
}
