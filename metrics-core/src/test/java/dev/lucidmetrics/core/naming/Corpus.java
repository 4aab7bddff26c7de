package dev.lucidmetrics.core.naming;

import dev.lucidmetrics.core.support.DocSnippets;
import dev.lucidmetrics.core.naming.CorpusRegistration.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The checked-in naming corpus ({@code naming-corpus/} on the test class path, written by
 * {@code scripts/naming-corpus}): per source its exposition and the families promtool flags in it.
 */
final class Corpus {

    /** One source: its families, the names promtool flags, and the outcome of registering each family. */
    record Source(String name, Path exposition, List<TextExposition.Family> families, Set<String> flagged,
            List<Outcome> outcomes) {

        boolean promtoolClean(TextExposition.Family family) {
            return !flagged.contains(family.name());
        }
    }

    private static Map<String, Source> sources;

    private Corpus() {
    }

    /** The corpus in metrics-core's test resources: the kit runs from any backend module. */
    static Path directory() {
        Path corpus = DocSnippets.ROOT.resolve("metrics-core/src/test/resources/naming-corpus");
        if (!Files.isDirectory(corpus)) {
            throw new IllegalStateException(corpus + " is missing: run scripts/naming-corpus.");
        }
        return corpus;
    }

    /** Every source of the corpus by name, each family registered once (the result is kept for all tests). */
    static synchronized Map<String, Source> sources() {
        if (sources == null) {
            Map<String, Source> loaded = new TreeMap<>();
            try (Stream<Path> files = Files.list(directory())) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".prom")).toList()) {
                    Source source = load(file);
                    loaded.put(source.name(), source);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sources = loaded;
        }
        return sources;
    }

    static Path verdictFile(Path exposition) {
        String name = exposition.getFileName().toString();
        return exposition.resolveSibling(name.substring(0, name.length() - ".prom".length()) + ".promtool.txt");
    }

    private static Source load(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.prom$", "");
        List<TextExposition.Family> families;
        try {
            families = TextExposition.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
        Set<String> flagged = new LinkedHashSet<>();
        Path verdicts = verdictFile(file);
        if (!Files.exists(verdicts)) {
            throw new IllegalStateException(verdicts + " is missing: run scripts/naming-corpus, which writes both.");
        }
        for (String line : Files.readAllLines(verdicts, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("error")) {
                throw new IllegalStateException(verdicts + ": promtool could not read " + file.getFileName() + ": "
                        + line);
            }
            int space = line.indexOf(' ');
            flagged.add(space < 0 ? line : line.substring(0, space));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (TextExposition.Family family : families) {
            outcomes.add(CorpusRegistration.register(name, family));
        }
        return new Source(name, file, List.copyOf(families), Set.copyOf(flagged), List.copyOf(outcomes));
    }
}
