package dev.lucidmetrics.testing;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.naming.NamingLint;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Assertions on an app's metrics as a whole, for its own test suite:
 * <pre>{@code
 * MetricsAssertions.assertNamingClean(app);   // every family, collectors registered around the factories included
 * }</pre>
 */
public final class MetricsAssertions {

    private MetricsAssertions() {
    }

    /** Fails, listing every finding, unless every metric of {@code app} follows the naming rules. */
    public static void assertNamingClean(AppMetrics app) {
        if (app == null) {
            throw new IllegalArgumentException("app is null: pass the AppMetrics whose names to check.");
        }
        List<NamingLint.Finding> findings = NamingLint.check(app.snapshot(), app.namespace());
        if (!findings.isEmpty()) {
            throw new AssertionError(findings.size() + " naming finding(s):\n" + findings.stream()
                    .map(NamingLint.Finding::toString).collect(Collectors.joining("\n")));
        }
    }
}
