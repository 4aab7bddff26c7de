package dev.lucidmetrics.core.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a page's code blocks honest: each snippet is real code in a test, between
 * {@code // snippet NAME} and {@code // end snippet NAME} comments, and the page must show it as one block,
 * indentation aside. Output the code produces, and whole files, are checked the same way with {@link #assertShowsText}.
 */
public final class DocSnippets {

    /** The repository root (Maven sets it for the reactor; a module build falls back to the parent folder). */
    public static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."));

    private final String page;
    private final String pageText;
    private final String source;

    private DocSnippets(String page, String pageText, String source) {
        this.page = page;
        this.pageText = pageText;
        this.source = source;
    }

    /**
     * {@code page} (relative to the repository root) against the snippets of the test class {@code test}, whose
     * source is read from the module's {@code src/test/java}.
     */
    public static DocSnippets of(String page, Class<?> test) {
        return new DocSnippets(page, read(ROOT.resolve(page)), read(testSource(test)));
    }

    /**
     * {@code page} against the snippets of source files of the module under test (paths relative to the module),
     * such as an example's main code (examples/jetty's README).
     */
    public static DocSnippets ofSources(String page, String... sources) {
        StringBuilder text = new StringBuilder();
        for (String source : sources) {
            text.append(read(Path.of(source))).append('\n');
        }
        return new DocSnippets(page, read(ROOT.resolve(page)), text.toString());
    }

    /**
     * The source of a test class of the build: metrics-core's (the compatibility kit, run from any backend module)
     * or the module under test's own.
     */
    public static Path testSource(Class<?> test) {
        String file = test.getName().replace('.', '/') + ".java";
        Path kit = ROOT.resolve("metrics-core/src/test/java").resolve(file);
        return Files.exists(kit) ? kit : Path.of("src/test/java", file);
    }

    /**
     * Like {@link #assertShowsText}, for exposition lines: the page shows the default backend's bytes, and what
     * {@code text} means must be there on every backend: the same samples ({@link TextSamples}, labels in any order,
     * {@code 1} and {@code 1.0} alike) as one block of as many lines, in any order (the order of the series, and of
     * lines sorted as text, is the backend's).
     */
    public void assertShowsSamples(String what, String text) {
        List<String> want = canonicalLines(normalise(text).replaceAll("^\n+|\n+$", ""));
        List<String> page = canonicalLines(normalise(pageText));
        List<String> sorted = want.stream().sorted().toList();
        for (int i = 0; i + want.size() <= page.size(); i++) {
            if (page.subList(i, i + want.size()).stream().sorted().toList().equals(sorted)) {
                return;
            }
        }
        throw new AssertionError(this.page + " must show " + what + " (its samples, in any order) as:\n"
                + String.join("\n", want));
    }

    /** Each line in {@link TextSamples}' canonical form, or as it is where it is prose or code. */
    private static List<String> canonicalLines(String text) {
        return text.lines().map(line -> {
            try {
                return TextSamples.canonical(line);
            } catch (IllegalArgumentException | IndexOutOfBoundsException notASample) {
                return line;
            }
        }).toList();
    }

    /**
     * Fails unless the page shows {@code text} (what a command printed, a file) as whole lines of one block,
     * indentation aside; {@code what} names it in the failure.
     */
    public void assertShowsText(String what, String text) {
        String want = normalise(text).replaceAll("^\n+|\n+$", "");
        assertTrue(("\n" + normalise(pageText) + "\n").contains("\n" + want + "\n"), page + " must show " + what
                + " as:\n" + want);
    }

    /** Fails unless the page shows the snippet {@code name} as a contiguous block. */
    public void assertShows(String name) {
        String snippet = snippet(name);
        assertTrue(normalise(pageText).contains(snippet), page + " must show the snippet \"" + name + "\" as:\n"
                + snippet);
    }

    /** The snippet's lines, dedented, joined by newlines. */
    public String snippet(String name) {
        Matcher m = Pattern.compile("// snippet " + Pattern.quote(name) + "\\n(.*?)\\n\\s*// end snippet "
                + Pattern.quote(name) + "\\n", Pattern.DOTALL).matcher(source);
        if (!m.find()) {
            throw new AssertionError("no snippet \"" + name + "\" in the test source");
        }
        return normalise(m.group(1));
    }

    /** Every line without the indentation common to all, trailing spaces dropped. */
    private static String normalise(String text) {
        List<String> lines = text.lines().map(String::stripTrailing).toList();
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
