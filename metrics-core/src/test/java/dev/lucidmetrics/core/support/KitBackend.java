package dev.lucidmetrics.core.support;

import dev.lucidmetrics.core.model.HistogramKind;
import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.spi.Backend;
import dev.lucidmetrics.core.spi.ExpositionFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/** The backend the compatibility kit runs on: the one backend on the test class path. */
public final class KitBackend {

    /** The default backend, whose exposition the docs show and every other backend's samples are compared with. */
    public static final String REFERENCE = "simpleclient";

    private KitBackend() {
    }

    /** The name of the backend under test, such as {@code "simpleclient"} or {@code "client_java"}. */
    public static String name() {
        return get().name();
    }

    /**
     * Why the backend under test refuses a family the API's rules allow (docs/backends.md lists each), or null:
     * what {@link Backend#refusal} says.
     */
    public static String refusal(String name, MetricType type) {
        return get().refusal(name, type);
    }

    /** Why the backend under test cannot count histograms of {@code kind}, or null: {@link Backend#refusal(HistogramKind)}. */
    public static String refusal(HistogramKind kind) {
        return get().refusal(kind);
    }

    /** The formats the backend under test writes. */
    public static Set<ExpositionFormat> formats() {
        return get().formats();
    }

    /** The type of the registry the backend under test hands out with {@code unwrap}. */
    public static Class<?> registryType() {
        return get().registryType();
    }

    private static Backend get() {
        List<Backend> found = new ArrayList<>();
        ServiceLoader.load(Backend.class).forEach(found::add);
        if (found.size() != 1) {
            throw new IllegalStateException("the kit runs on exactly one backend; the test class path has "
                    + found.stream().map(Backend::name).toList());
        }
        return found.get(0);
    }
}
