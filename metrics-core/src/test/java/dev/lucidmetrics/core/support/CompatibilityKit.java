package dev.lucidmetrics.core.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class of the compatibility kit: behaviour of the API that needs a backend, which every backend module
 * runs against its own backend (metrics-core's tests jar, scanned by each backend's surefire execution
 * "compatibility-kit"). metrics-core itself runs only the tests that need none.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("compatibility-kit")
public @interface CompatibilityKit {
}
