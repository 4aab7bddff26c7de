package dev.lucidmetrics.core;

import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.KitBackend;
import dev.lucidmetrics.testing.MetricValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One precedence for build facts, whatever the order of the builder calls: explicit, then environment, then jar. */
@CompatibilityKit
class AppMetricsConfigTest {

    /** A class from a jar whose manifest has an Implementation-Version (JUnit's own). */
    private static final Class<?> FROM_A_JAR = Test.class;
    private static final String JAR_VERSION = FROM_A_JAR.getPackage().getImplementationVersion();

    private static MetricsConfig env(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return MetricsConfig.from(EnvConfig.of(m));
    }

    @Test
    void anExplicitVersionBeatsTheEnvironmentWhichBeatsTheManifest() {
        assertNotNull(JAR_VERSION, "precondition: JUnit's jar manifest names its version");
        MetricsConfig withVersion = env("APP_VERSION", "2.0.0-env", "APP_REVISION", "env-rev");

        AppMetrics explicit = AppMetrics.builder("one").version("3.0.0").versionFrom(FROM_A_JAR).config(withVersion)
                .revision("abc").build();
        assertEquals("3.0.0", explicit.version());
        assertEquals("abc", explicit.revision());

        AppMetrics explicitFirst = AppMetrics.builder("two").config(withVersion).version("3.0.0").build();
        assertEquals("3.0.0", explicitFirst.version());

        AppMetrics fromEnv = AppMetrics.builder("three").versionFrom(FROM_A_JAR).config(withVersion).build();
        assertEquals("2.0.0-env", fromEnv.version());
        assertEquals("env-rev", fromEnv.revision());

        AppMetrics envBeforeManifestCall = AppMetrics.builder("four").config(withVersion).versionFrom(FROM_A_JAR).build();
        assertEquals("2.0.0-env", envBeforeManifestCall.version());

        AppMetrics fromManifest = AppMetrics.builder("five").config(env()).versionFrom(FROM_A_JAR).build();
        assertEquals(JAR_VERSION, fromManifest.version());
        assertEquals("unknown", fromManifest.revision());

        // A class of a package only the tests hold: dev.lucidmetrics.core itself is split between metrics-core's jar and
        // the tests jar, and its Package takes the manifest of whichever jar a class was first loaded from (a backend's
        // own test whose method signature names AppMetrics loads it from metrics-core's jar during discovery).
        AppMetrics nothing = AppMetrics.builder("six").config(env()).versionFrom(KitBackend.class).build();
        assertEquals("unknown", nothing.version(), "a test class has no Implementation-Version, from a directory or"
                + " from the tests jar");
    }

    @Test
    void theBackendIsTheExplicitOneThenMetricsBackendThenTheOnlyOneOnTheClassPath() {
        String here = KitBackend.name();
        AppMetrics chosen = AppMetrics.builder("one").config(env("METRICS_BACKEND", here)).build();
        assertTrue(KitBackend.registryType().isInstance(chosen.unwrap(Object.class)), "METRICS_BACKEND=" + here);
        AppMetrics explicit = AppMetrics.builder("two").config(env("METRICS_BACKEND", "nope")).backend(here).build();
        assertEquals("two", explicit.namespace(), "an explicit backend(...) beats METRICS_BACKEND");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AppMetrics.builder("three").config(env("METRICS_BACKEND", "nope")).build());
        assertTrue(e.getMessage().startsWith("METRICS_BACKEND=\"nope\": Backend \"nope\" is not on the class"
                + " path; " + here + " from "), "a bad setting is named with what is there: " + e.getMessage());
    }

    @Test
    void theResolvedFactsAreTheBuildInfoLabels() {
        AppMetrics app = AppMetrics.builder("shop").config(env("APP_VERSION", "2.1.0", "APP_REVISION", "abc123"))
                .build();
        assertEquals(1.0, MetricValues.of(app).get("shop_build_info", "version", "2.1.0", "revision", "abc123",
                "java_version", System.getProperty("java.version")));
    }
}
