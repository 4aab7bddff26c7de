package dev.lucidmetrics.core.support;

import dev.lucidmetrics.core.AppMetrics;
import java.util.ServiceLoader;

/**
 * What the compatibility kit needs of a backend beyond the API: metrics made around the API, with the backend's own
 * client, in the registry behind an app (the escape hatch, {@code app.unwrap(...)}), and the text format of a family
 * no API would let through. Each backend module provides one in its tests
 * ({@code META-INF/services/dev.lucidmetrics.core.support.RawMetrics}).
 */
public interface RawMetrics {

    /** The one on the test class path. */
    static RawMetrics get() {
        for (RawMetrics raw : ServiceLoader.load(RawMetrics.class)) {
            return raw;
        }
        throw new IllegalStateException("no RawMetrics on the test class path: each backend's tests provide one");
    }

    /**
     * Registers a family of {@code type} ({@code "counter"}, {@code "gauge"}, {@code "histogram"}, {@code "summary"})
     * named exactly {@code name}, with the client's own API, into {@code app}'s registry; when label names are given,
     * one series with every label value {@code "x"} is set.
     */
    void register(AppMetrics app, String type, String name, String help, String... labelNames);

    /** Registers the client's own JVM metrics (simpleclient's {@code DefaultExports}, or its equivalent). */
    void registerClientJvmMetrics(AppMetrics app);

    /**
     * The text format 0.0.4 of one family of {@code type} named exactly {@code name}, written by the client; null
     * when the client itself refuses the name (client_java 1.x refuses {@code x_bucket}, {@code x_created}, ...).
     */
    String textOfOneFamily(String type, String name);
}
