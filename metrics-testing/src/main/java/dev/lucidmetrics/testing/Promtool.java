package dev.lucidmetrics.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs Prometheus' own linter, {@code promtool check metrics}, on an exposition, so a test can prove the output is
 * lint-clean the way Prometheus sees it:
 * <pre>{@code
 * Promtool.assertClean(scrape);   // fails quoting promtool's findings
 * }</pre>
 * promtool comes with Prometheus (Debian: the {@code prometheus} package). When it is missing the call fails
 * saying how to install it — it never passes silently.
 */
public final class Promtool {

    /** Where Debian's {@code prometheus} package installs promtool; {@code PROMTOOL} in the environment overrides. */
    public static final Path DEFAULT_PATH = Path.of("/usr/bin/promtool");

    private Promtool() {
    }

    /** The promtool this kit runs: {@code $PROMTOOL} when set, else {@link #DEFAULT_PATH}. */
    public static Path path() {
        String override = System.getenv("PROMTOOL");
        return override == null || override.isBlank() ? DEFAULT_PATH : Path.of(override);
    }

    /** What {@code promtool check metrics} said: its exit code and its output (findings, one per line). */
    public record Result(int exitCode, String output) {
        /** True when promtool accepted the exposition: exit code 0 and no findings. */
        public boolean clean() {
            return exitCode == 0 && output.isEmpty();
        }
    }

    /**
     * {@link #path()}, checked: for tests that run other promtool commands ({@code check config},
     * {@code test rules}). Fails saying how to install it when it is not there.
     */
    public static Path executable() {
        Path promtool = path();
        if (!Files.isExecutable(promtool)) {
            throw new AssertionError(promtool + " is missing: install promtool (Debian: apt-get install prometheus),"
                    + " or point PROMTOOL at it.");
        }
        return promtool;
    }

    /** Runs {@code promtool check metrics} on {@code exposition}. */
    public static Result checkMetrics(String exposition) {
        Path promtool = executable();
        try {
            Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(p));  // no pipe deadlock
            try (OutputStream in = p.getOutputStream()) {
                in.write(exposition.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("promtool check metrics did not finish within 60 s");
            }
            return new Result(p.exitValue(), output.get(10, TimeUnit.SECONDS).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + promtool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while promtool ran", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("could not read promtool's output", e);
        }
    }

    /** Fails, quoting promtool's findings, unless {@code promtool check metrics} accepts {@code exposition}. */
    public static void assertClean(String exposition) {
        Result result = checkMetrics(exposition);
        if (!result.clean()) {
            throw new AssertionError("promtool check metrics (exit " + result.exitCode() + ") found problems:\n"
                    + result.output());
        }
    }

    private static String read(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
