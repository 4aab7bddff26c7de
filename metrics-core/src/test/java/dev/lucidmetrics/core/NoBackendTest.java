package dev.lucidmetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** metrics-core alone holds the API: an app built with no backend on the class path is told which one to add. */
class NoBackendTest {

    @Test
    void buildingAnAppWithoutABackendNamesTheArtifactsToAdd() {
        assertEquals("No metrics backend is on the class path: add dev.lucidmetrics:metrics-simpleclient (simpleclient"
                + " 0.16, the default) or dev.lucidmetrics:metrics-client-java (client_java 1.x) as a dependency. Since"
                + " 0.3 metrics-core holds the API only; a backend artifact brings it along.",
                assertThrows(IllegalStateException.class, () -> AppMetrics.builder("shop").build()).getMessage());
    }

    @Test
    void namingABackendThatIsNotThereSaysWhichArtifactBringsIt() {
        assertEquals("No metrics backend is on the class path: add dev.lucidmetrics:metrics-simpleclient (simpleclient"
                + " 0.16, the default) or dev.lucidmetrics:metrics-client-java (client_java 1.x) as a dependency. Since"
                + " 0.3 metrics-core holds the API only; a backend artifact brings it along.",
                assertThrows(IllegalStateException.class, () -> AppMetrics.builder("shop").backend("client_java")
                        .build()).getMessage());
    }
}
