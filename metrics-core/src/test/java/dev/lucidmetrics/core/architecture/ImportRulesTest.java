package dev.lucidmetrics.core.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No module of the build but metrics-core uses a package of metrics-core that is not on the allow-list of
 * {@link ImportRules}: the internals are sealed. The test kit, the demos, the examples and the benchmarks get by on
 * the API.
 */
class ImportRulesTest {

    @Test
    void noOtherModuleUsesASealedPackage() {
        List<Path> modules = ImportRules.modules(Path.of(".."));
        assertEquals(true, modules.size() >= 8, "the check must see the whole build, saw " + modules);
        assertEquals(List.of(), ImportRules.check(Path.of("..")));
    }

    @Test
    void theCheckFailsOnAFixtureThatImportsAnInternalClass(@TempDir Path root) throws IOException {
        write(root, "metrics-core/src/main/java/dev/lucidmetrics/core/internal/Checks.java",
                "package dev.lucidmetrics.core.internal; public final class Checks { }");
        write(root, "demo/src/main/java/x/Uses.java", "package x;\nimport dev.lucidmetrics.core.AppMetrics;\n"
                + "import dev.lucidmetrics.core.internal.Checks;\nclass Uses { }");
        write(root, "demo/src/test/java/x/UsesHelpers.java", "package x;\n"
                + "class UsesHelpers { dev.lucidmetrics.core.support.TestHttp http; }");
        write(root, "kit/src/main/java/y/Qualified.java", "package y;\nclass Qualified {\n"
                + "    Object o = dev.lucidmetrics.core.spi.Backend.class;\n}");
        write(root, "kit/src/main/java/y/Helpers.java", "package y;\n"
                + "class Helpers { dev.lucidmetrics.core.support.TestHttp http; }");
        List<String> found = ImportRules.check(root).stream()
                .map(v -> v.module() + ":" + v.file().getFileName() + ":" + v.line() + " " + v.pkg()).toList();
        assertEquals(List.of("demo:Uses.java:3 dev.lucidmetrics.core.internal",
                "kit:Helpers.java:2 dev.lucidmetrics.core.support",
                "kit:Qualified.java:3 dev.lucidmetrics.core.spi"), found,
                "internal and an unlisted package are refused, test helpers outside tests too; the API and test"
                        + " helpers in tests pass");
    }

    private static void write(Path root, String relative, String source) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path module = root.resolve(relative.substring(0, relative.indexOf("/src/")));
        if (!Files.exists(module.resolve("pom.xml"))) {
            Files.writeString(module.resolve("pom.xml"), "<project/>");
        }
    }
}
