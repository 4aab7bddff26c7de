package dev.lucidmetrics.core.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.support.DocSnippets;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md's table of packages names every public top-level type of each API package of metrics-core, and its
 * count of public types (nested ones included) is the count of the compiled classes: the page cannot drift from the
 * code.
 */
class ApiPageTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Pattern ROW = Pattern.compile("^\\| `(dev\\.lucidmetrics\\.core[a-z.]*)` \\| metrics-core \\|"
            + " yes \\|[^|]*\\|([^|]*)\\|$", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Za-z]*)`");

    @Test
    void theTableNamesEveryPublicTopLevelTypeOfEachApiPackage() throws Exception {
        String page = Files.readString(DocSnippets.ROOT.resolve("docs/api.md"));
        Map<String, Set<String>> documented = new TreeMap<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            String cell = row.group(2).replaceAll("\\([^)]*\\)", "");   // nested types are named in parentheses
            Set<String> names = new TreeSet<>();
            Matcher name = NAME.matcher(cell);
            while (name.find()) {
                names.add(name.group(1));
            }
            documented.put(row.group(1), names);
        }
        Map<String, Set<String>> compiled = new TreeMap<>();
        for (Class<?> type : publicTypes()) {
            if (type.getEnclosingClass() == null && api(type)) {
                compiled.computeIfAbsent(type.getPackageName(), k -> new TreeSet<>()).add(type.getSimpleName());
            }
        }
        assertEquals(compiled, documented);
    }

    @Test
    void theCountOfPublicTypesIsTheCompiledOne() throws Exception {
        String page = Files.readString(DocSnippets.ROOT.resolve("docs/api.md"));
        Matcher count = Pattern.compile("(\\d+) public types in the API packages of `metrics-core`").matcher(page);
        assertTrue(count.find(), "docs/api.md states the count");
        long compiled = publicTypes().stream().filter(ApiPageTest::api).count();
        assertEquals(compiled, Long.parseLong(count.group(1)));
    }

    /** Every public type of metrics-core's main classes, nested ones included (each enclosing type public too). */
    private static Set<Class<?>> publicTypes() throws IOException, ClassNotFoundException {
        Set<Class<?>> types = new java.util.HashSet<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.endsWith("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, ApiPageTest.class.getClassLoader());
                if (visible(type)) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    /** Not the sealed internals, nor the SPI, which is for backends only. */
    private static boolean api(Class<?> type) {
        return !type.getPackageName().endsWith(".internal") && !type.getPackageName().endsWith(".spi");
    }

    private static boolean visible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
                return false;
            }
        }
        return true;
    }
}
