package dev.lucidmetrics.core.internal;

import dev.lucidmetrics.core.spi.BackendRegistry;
import java.util.function.Function;

/**
 * Hands the library's own packages (exposition, jvm, batch) an app's backend registry, which the API keeps out of
 * its public face: {@code AppMetrics} installs the one accessor when its class is initialised, which happens before
 * any app exists. Internal.
 */
public final class AppRegistries {

    private static volatile Function<Object, BackendRegistry> accessor;

    private AppRegistries() {
    }

    /** Installs the accessor; called once, by {@code AppMetrics}. */
    public static void install(Function<Object, BackendRegistry> registryOfApp) {
        synchronized (AppRegistries.class) {
            if (accessor != null) {
                throw new IllegalStateException("the accessor of app registries is installed once, by AppMetrics");
            }
            accessor = registryOfApp;
        }
    }

    /** The backend registry of {@code app}, an {@code AppMetrics}. */
    public static BackendRegistry of(Object app) {
        return accessor.apply(app);
    }
}
