package dev.lucidmetrics.core.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's packages form no cycle, and the layering docs/api.md describes holds: {@code model} depends on no
 * other package of the library, {@code spi} only on it, {@code internal} only on {@code spi}, {@code naming} on
 * {@code internal} and {@code model}, {@code config} only on {@code internal}, the core on neither http,
 * exposition, jvm nor batch. Read from the compiled classes by the JDK's
 * jdeps, so it fails the build on the first cycle.
 */
class PackageCyclesTest {

    private static final String ROOT = "dev.lucidmetrics.core";
    private static final Path MAIN_CLASSES = Path.of("target", "classes");

    @Test
    void theLibraryHasNoPackageCycle() {
        PackageGraph graph = PackageGraph.of(MAIN_CLASSES, ROOT);
        assertTrue(graph.packages().containsAll(Set.of(ROOT, ROOT + ".config", ROOT + ".internal", ROOT + ".http",
                ROOT + ".exposition", ROOT + ".jvm", ROOT + ".batch", ROOT + ".model", ROOT + ".naming",
                ROOT + ".spi")),
                "jdeps saw " + graph.packages());
        assertEquals(List.of(), graph.cycles());
    }

    @Test
    void theModelTheSpiNamingConfigAndInternalAreAtTheBottom() {
        PackageGraph graph = PackageGraph.of(MAIN_CLASSES, ROOT);
        assertEquals(Set.of(), graph.dependenciesOf(ROOT + ".model"));
        assertEquals(Set.of(ROOT + ".model"), graph.dependenciesOf(ROOT + ".spi"));
        assertEquals(Set.of(ROOT + ".spi"), graph.dependenciesOf(ROOT + ".internal"));
        assertEquals(Set.of(ROOT + ".internal", ROOT + ".model"), graph.dependenciesOf(ROOT + ".naming"));
        assertEquals(Set.of(ROOT + ".internal", ROOT + ".model"), graph.dependenciesOf(ROOT + ".config"));   // HistogramKind
        assertEquals(Set.of(ROOT + ".config", ROOT + ".internal", ROOT + ".model", ROOT + ".naming", ROOT + ".spi"),
                graph.dependenciesOf(ROOT));
    }

    @Test
    void theApiHoldsNoPrometheusClient() {
        assertEquals(Set.of(), PackageGraph.dependenciesUnder(MAIN_CLASSES, "io.prometheus"),
                "metrics-core's classes must use no Prometheus client: that is a backend's job");
    }

    @Test
    void theCheckFindsACycleInASmallCyclicFixture(@TempDir Path dir) throws IOException {
        Path a = write(dir, "src/fixture/a/A.java", "package fixture.a; public class A { fixture.b.B b; }");
        Path b = write(dir, "src/fixture/b/B.java", "package fixture.b; public class B { fixture.c.C c; }");
        Path c = write(dir, "src/fixture/c/C.java", "package fixture.c; public class C { fixture.a.A a; }");
        Path d = write(dir, "src/fixture/d/D.java", "package fixture.d; public class D { fixture.a.A a; }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), a.toString(), b.toString(),
                c.toString(), d.toString()));

        List<Set<String>> cycles = PackageGraph.of(classes, "fixture").cycles();
        assertEquals(List.of(Set.of("fixture.a", "fixture.b", "fixture.c")), cycles,
                "fixture.d only depends on the cycle and is not part of it");
    }

    private static Path write(Path dir, String relative, String source) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, source);
    }
}
