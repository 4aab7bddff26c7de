package dev.lucidmetrics.core.spi;

import dev.lucidmetrics.core.model.HistogramKind;
import dev.lucidmetrics.core.model.MetricType;
import java.util.Set;

/**
 * A Prometheus client line behind the Lucid Metrics API, found with {@link java.util.ServiceLoader}. For backend
 * implementations only.
 */
public interface Backend {

    /** The short name users choose it by, such as {@code "simpleclient"} or {@code "client_java"}. */
    String name();

    /** The Maven coordinates that bring this backend, such as {@code dev.lucidmetrics:metrics-simpleclient}. */
    String artifact();

    /** The type of this backend's own registry, which {@code AppMetrics.unwrap(...)} hands out. */
    Class<?> registryType();

    /** A new, empty registry. */
    BackendRegistry newRegistry();

    /**
     * A registry over {@code nativeRegistry}, an instance of {@link #registryType()} the application already has;
     * the same native registry always gives the same {@code BackendRegistry}, so that two apps built on it share
     * their bookkeeping.
     */
    BackendRegistry adopt(Object nativeRegistry);

    /** The formats {@link BackendRegistry#scrape} writes. */
    Set<ExpositionFormat> formats();

    /**
     * Why this backend's client cannot expose a family of {@code type} named {@code name} (its full name, as
     * {@link FamilySpec#name()}) although the API's naming rules allow it — one finding in the API's style: the name
     * quoted, the reason, what to do — or null when it can. The API refuses such a name at registration with this
     * finding beside its own. None by default.
     */
    default String refusal(String name, MetricType type) {
        return null;
    }

    /**
     * Why this backend cannot count histograms of {@code kind} — the reason and the backend to switch to — or null
     * when it can. The API refuses such a histogram, or an app whose default kind it is, at start-up with this reason
     * after the setting or the call that asked for it. Only {@link HistogramKind#CLASSIC} by default.
     */
    default String refusal(HistogramKind kind) {
        return kind.hasNative() ? "the " + name() + " backend (" + artifact() + ") counts classic buckets only."
                : null;
    }
}
