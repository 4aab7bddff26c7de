package dev.lucidmetrics.core.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.model.FamilySnapshot;
import dev.lucidmetrics.core.model.SampleSnapshot;
import dev.lucidmetrics.core.naming.MetricNames;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.testing.MetricValues;
import dev.lucidmetrics.testing.Poll;
import java.io.IOException;
import java.time.Duration;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The JVM and process families every backend registers are simpleclient_hotspot 0.16's, name by name, type by type,
 * label by label: what the dashboards, the recording rules and {@code JvmHeapHigh} read. The reference,
 * {@code hotspot-families.txt}, is what simpleclient_hotspot 0.16 registers on HotSpot/Linux; the values of the
 * labels whose values are fixed ({@code area}, {@code state}) are part of it.
 */
@CompatibilityKit
class JvmFamiliesTest {

    /** Labels whose values the contract fixes; the others ({@code gc}, {@code pool}) name what the JVM has. */
    private static final Set<String> FIXED_VALUES = Set.of("area", "state");

    @Test
    void theJvmFamiliesAreSimpleclientHotspotsNameByNameTypeByTypeLabelByLabel() {
        AppMetrics app = AppMetrics.builder("shop").build();
        JvmMetrics.builder().register(app);
        awaitAGarbageCollection(app);
        List<String> actual = new ArrayList<>();
        for (FamilySnapshot family : app.snapshot()) {
            if (family.name().startsWith("jvm_") || family.name().startsWith("process_")) {
                actual.add(describe(family));
            }
        }
        assertEquals(String.join("\n", reference()), String.join("\n", actual.stream().sorted().toList()),
                "the JVM families differ from simpleclient_hotspot 0.16's (hotspot-families.txt)");
    }

    /**
     * The allocation counter has series (and so label names) only after a collection has been reported: ask for one
     * and poll until it is there, 10 s at most.
     */
    private static void awaitAGarbageCollection(AppMetrics app) {
        System.gc();
        Poll.until("a garbage collection reported to jvm_memory_pool_allocated_bytes_total", Duration.ofSeconds(10),
                () -> MetricValues.of(app).sum("jvm_memory_pool_allocated_bytes_total") > 0);
    }

    /** {@code name type label,label} and, for labels with fixed values, {@code label=v1|v2}. */
    private static String describe(FamilySnapshot family) {
        Set<String> labels = new TreeSet<>();
        Map<String, Set<String>> values = new java.util.TreeMap<>();
        String sampleLabel = MetricNames.sampleLabel(family.type());
        for (SampleSnapshot s : family.samples()) {
            s.labels().forEach((name, value) -> {
                if (!name.equals(sampleLabel)) {
                    labels.add(name);
                    if (FIXED_VALUES.contains(name)) {
                        values.computeIfAbsent(name, k -> new TreeSet<>()).add(value);
                    }
                }
            });
        }
        StringBuilder line = new StringBuilder(family.name() + " " + family.type().name().toLowerCase() + " "
                + (labels.isEmpty() ? "-" : String.join(",", labels)));
        values.forEach((name, v) -> line.append(" ").append(name).append("=").append(String.join("|", v)));
        return line.toString();
    }

    private static List<String> reference() {
        try (InputStream in = JvmFamiliesTest.class.getResourceAsStream("hotspot-families.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
