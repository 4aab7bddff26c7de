package dev.lucidmetrics.core.architecture;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

/**
 * The package dependencies of compiled classes as the JDK's own {@code jdeps} reports them
 * ({@code jdeps -verbose:package}), restricted to packages under a prefix, and the cycles among them.
 */
final class PackageGraph {

    private final Map<String, Set<String>> edges;

    private PackageGraph(Map<String, Set<String>> edges) {
        this.edges = edges;
    }

    /** Runs jdeps on {@code classes} (a directory or jar) and keeps the edges between packages under {@code prefix}. */
    static PackageGraph of(Path classes, String prefix) {
        String out = jdeps(classes);
        Map<String, Set<String>> edges = new TreeMap<>();
        for (String line : out.split("\n")) {
            String[] words = line.trim().split("\\s+");
            // "   a.b.c   -> a.b.d   classes"
            if (words.length >= 3 && words[1].equals("->") && words[0].startsWith(prefix)
                    && words[2].startsWith(prefix)) {
                edges.computeIfAbsent(words[0], k -> new TreeSet<>());
                if (!words[0].equals(words[2])) {
                    edges.get(words[0]).add(words[2]);
                }
            }
        }
        if (edges.isEmpty()) {
            throw new IllegalStateException("jdeps found no package under " + prefix + " in " + classes
                    + ": is it compiled?\n" + out);
        }
        return new PackageGraph(edges);
    }

    /** Every package under {@code prefix} that the classes in {@code classes} depend on, by jdeps. */
    static Set<String> dependenciesUnder(Path classes, String prefix) {
        Set<String> found = new TreeSet<>();
        for (String line : jdeps(classes).split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 3 && words[1].equals("->") && words[2].startsWith(prefix)) {
                found.add(words[2]);
            }
        }
        return found;
    }

    /** jdeps' package dependencies of {@code classes}: "   a.b -> c.d   where" lines. */
    private static String jdeps(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("this JDK has no jdeps (module jdk.jdeps)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none",
                classes.toString());
        if (rc != 0) {
            throw new IllegalStateException("jdeps exited with " + rc + ": " + err + out);
        }
        return out.toString();
    }

    /** The packages {@code pkg} depends on (without itself). */
    Set<String> dependenciesOf(String pkg) {
        return edges.getOrDefault(pkg, Set.of());
    }

    /** Every package that depends on, or is depended on by, a package under the prefix. */
    Set<String> packages() {
        Set<String> all = new TreeSet<>(edges.keySet());
        edges.values().forEach(all::addAll);
        return all;
    }

    /** Every strongly connected component of more than one package: each is a cycle (Tarjan's algorithm). */
    List<Set<String>> cycles() {
        Tarjan t = new Tarjan();
        for (String p : edges.keySet()) {
            if (!t.index.containsKey(p)) {
                t.visit(p);
            }
        }
        return t.components;
    }

    private final class Tarjan {
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> low = new HashMap<>();
        final Deque<String> stack = new ArrayDeque<>();
        final List<Set<String>> components = new ArrayList<>();
        int next;

        void visit(String p) {
            index.put(p, next);
            low.put(p, next);
            next++;
            stack.push(p);
            for (String q : dependenciesOf(p)) {
                if (!index.containsKey(q)) {
                    visit(q);
                    low.put(p, Math.min(low.get(p), low.get(q)));
                } else if (stack.contains(q)) {
                    low.put(p, Math.min(low.get(p), index.get(q)));
                }
            }
            if (low.get(p).equals(index.get(p))) {
                Set<String> component = new TreeSet<>();
                String q;
                do {
                    q = stack.pop();
                    component.add(q);
                } while (!q.equals(p));
                if (component.size() > 1) {
                    components.add(component);
                }
            }
        }
    }
}
