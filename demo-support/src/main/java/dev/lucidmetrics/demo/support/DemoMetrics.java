package dev.lucidmetrics.demo.support;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.EnvConfig;
import dev.lucidmetrics.core.JvmMetrics;

/** The metrics every demo app starts with: build info and JVM metrics in a registry of its own. */
public final class DemoMetrics {

    private DemoMetrics() {
    }

    /**
     * An app under {@code namespace} whose {@code <namespace>_build_info} carries the version from
     * {@code APP_VERSION}, else the jar manifest of {@code mainClass}, and the revision from {@code APP_REVISION};
     * JVM metrics (simpleclient_hotspot) are registered too.
     */
    public static AppMetrics create(String namespace, EnvConfig env, Class<?> mainClass) {
        AppMetrics.Builder b = AppMetrics.builder(namespace).versionFrom(mainClass);
        String version = env.raw("APP_VERSION");
        if (version != null) {
            b.version(version);
        }
        String revision = env.raw("APP_REVISION");
        if (revision != null) {
            b.revision(revision);
        }
        AppMetrics app = b.build();
        JvmMetrics.builder().register(app);
        return app;
    }
}
