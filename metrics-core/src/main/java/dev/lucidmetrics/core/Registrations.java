package dev.lucidmetrics.core;

import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.spi.BackendRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * What is registered in one backend registry, by name: one name has one type, one set of label names and one help
 * text, and registering it again returns the first metric. Kept per registry, not per app, so that apps sharing a
 * registry share the record (and a second {@code build()} on it finds its {@code _build_info}).
 */
final class Registrations {

    private static final Map<BackendRegistry, Registrations> BY_REGISTRY = new WeakHashMap<>();

    private final Map<String, Registered> registered = new HashMap<>();

    private Registrations() {
    }

    /** The record of {@code registry}, made on first use. */
    static Registrations of(BackendRegistry registry) {
        synchronized (BY_REGISTRY) {
            return BY_REGISTRY.computeIfAbsent(registry, r -> new Registrations());
        }
    }

    /**
     * Registers what {@code create} makes under {@code b}'s name, once: a second registration of the same name, type,
     * label names and help returns the first metric; anything else that differs is refused. A callback is
     * registered once only, since a second one would silently drop the first one's reporter.
     */
    synchronized <T> T registerOnce(MetricBuilder<?, ?> b, Supplier<T> create) {
        Registered existing = registered.get(b.name);
        boolean callback = create instanceof CallbackRegistration;
        if (existing != null && (existing.metric instanceof Callback || callback)) {
            throw new IllegalArgumentException("\"" + b.name + "\" is already registered"
                    + (existing.metric instanceof Callback ? " with a callback" : "") + ": a callback metric has its"
                    + " name to itself, registered once; keep the Callback that registerCallback(...) returned.");
        }
        if (existing != null) {
            existing.requireSame(b);
            @SuppressWarnings("unchecked")
            T metric = (T) existing.metric;
            return metric;
        }
        T metric;
        try {
            metric = create.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + b.name + "\" clashes with a metric already in the registry ("
                    + b.app.backendName() + " says: " + e.getMessage() + "): choose another name.", e);
        }
        registered.put(b.name, new Registered(b.type, List.copyOf(b.labelNames()), b.help, metric));
        return metric;
    }

    /** Marks the registration of a callback metric, which {@link #registerOnce} registers once only. */
    interface CallbackRegistration extends Supplier<Callback> {
    }

    private record Registered(MetricType type, List<String> labelNames, String help, Object metric) {

        void requireSame(MetricBuilder<?, ?> b) {
            if (type != b.type || !labelNames.equals(b.labelNames())) {
                throw new IllegalArgumentException("\"" + b.name + "\" is already registered as a "
                        + type.displayName().toLowerCase() + " with label names " + labelNames + "; it cannot also be"
                        + " a " + b.type.displayName().toLowerCase() + " with label names " + b.labelNames() + ". One"
                        + " name has one type and one set of label names: reuse the existing metric or choose another"
                        + " name.");
            }
            if (!Objects.equals(help, b.help)) {
                throw new IllegalArgumentException("\"" + b.name + "\" is already registered with the help text \""
                        + help + "\"; it cannot also have the help text \"" + b.help + "\". One name has one help"
                        + " text: reuse the existing metric, give it the same help, or choose another name.");
            }
        }
    }
}
