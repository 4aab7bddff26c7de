package dev.lucidmetrics.core.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lucidmetrics.core.naming.Corpus.Source;
import dev.lucidmetrics.core.naming.CorpusRegistration.Outcome;
import dev.lucidmetrics.core.naming.CorpusRegistration.Status;
import dev.lucidmetrics.core.support.Binaries;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.testing.Promtool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The naming rules against the names real servers expose (the corpus {@code scripts/naming-corpus} writes): every
 * typed family is registered through the public factories, and the refusals are held against what promtool says.
 * Two expectation files next to this class list today's known disagreements with promtool, one line per family;
 * the test fails when the refusals differ from them in either direction, so the lists can only shrink on purpose.
 */
@CompatibilityKit
class NamingCorpusTest {

    /** At least this many families per source (about 80% of the recorded counts): an empty corpus cannot pass. */
    private static final Map<String, Integer> MINIMUM_FAMILIES = Map.of("prometheus", 150, "alertmanager", 60,
            "pushgateway", 35, "node_exporter", 200, "docker_engine", 60, "demo_gallery", 35, "demo_iotd", 35,
            "demo_accesslog", 35);

    /**
     * The strict rules, the closed list of docs/naming.md: kinds that may refuse a name promtool accepts, each for
     * the reason given there. Units are strict only as the words {@link #STRICT_UNIT} matches.
     */
    static final Set<String> STRICT_KINDS = Set.of("not-snake-case", "label-not-snake-case", "label-dunder",
            "info-suffix", "too-many-labels");
    static final Pattern STRICT_UNIT = Pattern.compile("unit\\((millis|micros|nanos|percent|(mebi|exa|exbi)[a-z]+)\\)");

    /**
     * True when only strict rules refuse: promtool accepting such a name is no disagreement. A backend's refusal
     * (a name its client cannot expose, docs/backends.md) counts as strict.
     */
    static boolean strictOnly(List<String> kinds) {
        return kinds.stream().allMatch(k -> STRICT_KINDS.contains(k) || STRICT_UNIT.matcher(k).matches()
                || backendKind(k));
    }

    /** A refusal by the backend's client, not by the library's naming rules: docs/naming.md counts leave it out. */
    static boolean backendKind(String kind) {
        return kind.startsWith(RefusalKinds.BACKEND_RESERVED);
    }

    /** Refused by the library's own rules (not only by the backend's client). */
    private static boolean refusedByTheRules(Outcome o) {
        return o.status() == Status.REFUSED && !o.kinds().stream().allMatch(NamingCorpusTest::backendKind);
    }

    @Test
    void everySourceHasAtLeastItsMinimumOfFamilies() {
        Map<String, Source> sources = Corpus.sources();
        List<String> problems = new ArrayList<>();
        MINIMUM_FAMILIES.forEach((name, minimum) -> {
            Source source = sources.get(name);
            if (source == null) {
                problems.add(name + ".prom is missing from " + Corpus.directory());
            } else if (source.families().size() < minimum) {
                problems.add(name + " has " + source.families().size() + " families, fewer than " + minimum);
            }
        });
        sources.keySet().stream().filter(name -> !MINIMUM_FAMILIES.containsKey(name))
                .forEach(name -> problems.add(name + ".prom has no minimum: add one to MINIMUM_FAMILIES"));
        assertEquals(List.of(), problems, "regenerate the corpus with scripts/naming-corpus");
    }

    @Test
    void theStoredVerdictsAreWhatPromtoolSaysAboutEachFile() throws Exception {
        String promtool = Promtool.executable().toString();
        for (Source source : Corpus.sources().values()) {
            Process p = new ProcessBuilder(promtool, "check", "metrics").redirectInput(source.exposition().toFile())
                    .redirectErrorStream(true).start();
            String said;
            try (InputStream out = p.getInputStream()) {
                said = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool did not finish on " + source.exposition());
            String stored = Files.readString(Corpus.verdictFile(source.exposition()), StandardCharsets.UTF_8);
            assertEquals(stored, said, source.name() + ": the stored verdicts are not what " + promtool + " says;"
                    + " regenerate the corpus with scripts/naming-corpus (it records the promtool version)");
            Set<String> families = source.families().stream().map(TextExposition.Family::name).collect(Collectors.toSet());
            for (String flagged : source.flagged()) {
                assertTrue(families.contains(flagged), source.name() + ": promtool flags " + flagged
                        + ", which the corpus parser did not find as a family");
            }
        }
    }

    @Test
    void everyRefusalIsOfAKnownKind() {
        List<String> unknown = new ArrayList<>();
        for (Outcome outcome : outcomes(o -> o.status() == Status.REFUSED)) {
            if (outcome.kinds().stream().anyMatch(k -> k.startsWith(RefusalKinds.UNKNOWN))) {
                unknown.add(outcome.source() + " " + outcome.family().name() + ": " + outcome.message());
            }
        }
        assertEquals(List.of(), unknown, "refusals no kind in RefusalKinds explains (a new rule or a reworded"
                + " message: give it a kind there, then decide whether the corpus should meet it)");
    }

    @Test
    void promtoolCleanFamiliesAreRefusedOnlyByStrictRulesOrAsListedInExpectedRefusals() throws IOException {
        Set<String> actual = lines(outcomes(o -> o.status() == Status.REFUSED && clean(o)
                && !strictOnly(o.kinds())));
        assertSameLines("expected-refusals.txt", actual, "refused although promtool accepts them, by a rule that"
                + " is not strict (fix the rule, or make it strict with a documented reason)");
    }

    @Test
    void familiesPromtoolFlagsAreRefusedExceptAsListedInExpectedLintMisses() throws IOException {
        Set<String> actual = new TreeSet<>();
        for (Outcome o : outcomes(o -> !clean(o) && (o.status() == Status.ACCEPTED
                || o.status() == Status.BUILT_BY_THE_BUILDER))) {
            actual.add(o.source() + " " + o.family().name() + " accepted");
        }
        assertSameLines("expected-lint-misses.txt", actual, "accepted although promtool flags them (the rules"
                + " must refuse everything promtool flags)");
    }

    /** The counts per source and per refusal kind: docs/naming.md shows this very text between its markers. */
    @Test
    void theNamingDocsShowTheMeasuredCounts() throws IOException {
        String table = countsTable();
        Path written = Path.of("target", "naming-corpus-counts.md");
        Files.createDirectories(written.getParent());
        Files.writeString(written, table, StandardCharsets.UTF_8);
        String docs = Files.readString(NAMING_DOCS, StandardCharsets.UTF_8);
        int start = docs.indexOf(COUNTS_START);
        int end = docs.indexOf(COUNTS_END);
        assertTrue(start >= 0 && end > start, NAMING_DOCS + " has no " + COUNTS_START + " … " + COUNTS_END
                + " block");
        assertEquals(table, docs.substring(start + COUNTS_START.length() + 1, end), NAMING_DOCS + " shows other"
                + " counts than the corpus gives: paste metrics-core/" + written + " between its markers");
    }

    private static final Path NAMING_DOCS = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."),
            "docs", "naming.md");
    private static final String COUNTS_START = "<!-- corpus counts: written by NamingCorpusTest -->";
    private static final String COUNTS_END = "<!-- end of corpus counts -->";

    /** The markdown tables of the counts, per source and per refusal kind. */
    static String countsTable() {
        StringBuilder out = new StringBuilder("| source | families | typed | accepted | refused | of them"
                + " promtool-clean | flagged by promtool |\n|---|---:|---:|---:|---:|---:|---:|\n");
        Map<String, int[]> kinds = new TreeMap<>();
        int[] total = new int[6];
        for (Source source : Corpus.sources().values()) {
            int[] row = {source.families().size(), 0, 0, 0, 0, source.flagged().size()};
            for (Outcome o : source.outcomes()) {
                row[1] += o.status() == Status.SKIPPED_UNTYPED ? 0 : 1;
                row[2] += o.status() == Status.ACCEPTED || o.status() == Status.BUILT_BY_THE_BUILDER
                        || o.status() == Status.REFUSED && !refusedByTheRules(o) ? 1 : 0;
                if (refusedByTheRules(o)) {
                    row[3]++;
                    row[4] += clean(o) ? 1 : 0;
                    for (String kind : o.kinds().stream().filter(k -> !backendKind(k)).toList()) {
                        int[] k = kinds.computeIfAbsent(kind, x -> new int[2]);
                        k[0]++;
                        k[1] += clean(o) ? 1 : 0;
                    }
                }
            }
            out.append(String.format("| %s | %d | %d | %d | %d | %d | %d |%n", source.name(), row[0], row[1], row[2],
                    row[3], row[4], row[5]));
            for (int i = 0; i < row.length; i++) {
                total[i] += row[i];
            }
        }
        out.append(String.format("| **all** | %d | %d | %d | %d | %d | %d |%n%n", total[0], total[1], total[2],
                total[3], total[4], total[5]));
        out.append("| refusal kind | findings | of promtool-clean families | rule |\n|---|---:|---:|---|\n");
        kinds.forEach((kind, n) -> out.append(String.format("| `%s` | %d | %d | %s |%n", kind, n[0], n[1],
                strictOnly(List.of(kind)) ? "strict list" : "promtool's")));
        return out.toString();
    }

    private static boolean clean(Outcome o) {
        return Corpus.sources().get(o.source()).promtoolClean(o.family());
    }

    private static List<Outcome> outcomes(Predicate<Outcome> filter) {
        return Corpus.sources().values().stream().flatMap(s -> s.outcomes().stream()).filter(filter).toList();
    }

    private static Set<String> lines(List<Outcome> outcomes) {
        return outcomes.stream().map(Outcome::line).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertSameLines(String file, Set<String> actual, String what) throws IOException {
        Set<String> expected = new TreeSet<>();
        try (InputStream in = NamingCorpusTest.class.getResourceAsStream(file)) {
            if (in == null) {
                fail(file + " is missing next to " + NamingCorpusTest.class.getName());
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    expected.add(line.trim());
                }
            }
        }
        Set<String> added = new TreeSet<>(actual);
        added.removeAll(expected);
        Set<String> gone = new TreeSet<>(expected);
        gone.removeAll(actual);
        if (!added.isEmpty() || !gone.isEmpty()) {
            fail("Families " + what + ", compared with " + file + ":\n"
                    + "  new (not in the file):\n    " + String.join("\n    ", added) + "\n"
                    + "  no longer so (remove from the file):\n    " + String.join("\n    ", gone) + "\n"
                    + "  the whole list as it is now:\n" + String.join("\n", actual));
        }
    }
}
