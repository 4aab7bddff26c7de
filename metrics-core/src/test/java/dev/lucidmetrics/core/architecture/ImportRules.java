package dev.lucidmetrics.core.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which packages of metrics-core the other modules of the build may use: an allow-list, so that a package is sealed
 * unless it is listed (a new package starts sealed). Every reference counts, an import or a fully qualified name,
 * in main and test sources alike. Read from the sources, so the check needs no other module compiled.
 */
final class ImportRules {

    /** The packages every module may use: the API. */
    static final Set<String> API = Set.of("dev.lucidmetrics.core", "dev.lucidmetrics.core.batch",
            "dev.lucidmetrics.core.config", "dev.lucidmetrics.core.exposition", "dev.lucidmetrics.core.http",
            "dev.lucidmetrics.core.jvm", "dev.lucidmetrics.core.model", "dev.lucidmetrics.core.naming",
            "dev.lucidmetrics.core.executor", "dev.lucidmetrics.core.logging", "dev.lucidmetrics.core.otlp");

    /** The project's shared test helpers (metrics-core's tests jar): other modules' tests may use them, never main. */
    static final Set<String> TEST_HELPERS = Set.of("dev.lucidmetrics.core.support");

    /** Packages some modules may use besides the API, by module folder: the backends implement the SPI. */
    static final Map<String, Set<String>> MORE_BY_MODULE = Map.of(
            "metrics-simpleclient", Set.of("dev.lucidmetrics.core.spi"),
            "metrics-client-java", Set.of("dev.lucidmetrics.core.spi"));

    /** The module that owns every package under the prefix, and may use all of them. */
    static final String OWNER = "metrics-core";

    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.lucidmetrics\\.core(\\.[a-z][a-z0-9_]*)*");

    private ImportRules() {
    }

    /** One use of a sealed package: where, and which package. */
    record Violation(String module, Path file, int line, String pkg) {
        @Override
        public String toString() {
            return module + ": " + file + ":" + line + " uses " + pkg + ", which only " + OWNER
                    + " may use (allowed elsewhere: " + new TreeSet<>(API) + ")";
        }
    }

    /** Every use of a sealed package by the modules (folders with a pom.xml and a src) under {@code root}. */
    static List<Violation> check(Path root) {
        List<Violation> violations = new ArrayList<>();
        for (Path module : modules(root)) {
            String name = root.relativize(module).toString();
            if (name.equals(OWNER)) {
                continue;
            }
            Set<String> allowed = new TreeSet<>(API);
            allowed.addAll(MORE_BY_MODULE.getOrDefault(name, Set.of()));
            Set<String> inTests = new TreeSet<>(allowed);
            inTests.addAll(TEST_HELPERS);
            for (Path file : javaFiles(module.resolve("src"))) {
                boolean test = module.resolve("src").relativize(file).startsWith("test");
                scan(name, file, test ? inTests : allowed, violations);
            }
        }
        return violations;
    }

    /** Every folder under {@code root} holding a pom.xml and a src folder, at any depth (such as examples/todo). */
    static List<Path> modules(Path root) {
        try (Stream<Path> poms = Files.walk(root, 4)) {
            return poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .map(Path::getParent)
                    .filter(dir -> Files.isDirectory(dir.resolve("src")))
                    .filter(dir -> !dir.toString().contains("/target/") && !dir.toString().contains("/node_modules/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path src) {
        try (Stream<Path> files = Files.walk(src)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void scan(String module, Path file, Set<String> allowed, List<Violation> violations) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = REFERENCE.matcher(lines.get(i));
            while (m.find()) {
                String pkg = m.group();
                if (!allowed.contains(pkg)) {
                    violations.add(new Violation(module, file, i + 1, pkg));
                }
            }
        }
    }
}
