package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A process the runner started (an app or Prometheus), its output in a log file, awaited on a health URL. */
final class Proc {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    final String name;
    final Path log;
    private final Process process;

    private Proc(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code argv} with {@code env} added, appending its output to {@code log}; see {@link #awaitHealthy}. */
    static Proc launch(String name, List<String> argv, Map<String, String> env, Path log) {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        try {
            return new Proc(name, pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + argv.get(0) + "): " + e.getMessage(), e);
        }
    }

    /** Waits until {@code health} answers 200; throws with the end of the log when the process exits or time is up. */
    Proc awaitHealthy(URI health, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!ok(health)) {
            if (!alive()) {
                throw new IllegalStateException(name + " exited (" + process.exitValue() + ") before " + health
                        + " answered; the end of " + log + ":\n" + tail(20));
            }
            if (System.nanoTime() - end > 0) {
                process.destroyForcibly();
                throw new IllegalStateException(name + ": " + health + " did not answer within "
                        + deadline.toSeconds() + " s; the end of " + log + ":\n" + tail(20));
            }
            pause(Duration.ofMillis(50));
        }
        return this;
    }

    /** {@code url} answers 200 within a second. */
    static boolean ok(URI url) {
        try {
            HttpRequest get = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(1)).build();
            return HTTP.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A poll interval between checks of a condition with a deadline (never a wait for an event in itself). */
    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, as {@code kill PID} and Kubernetes send it. */
    void terminate() {
        process.destroy();
    }

    /** Sends a signal by name ({@code STOP}, {@code CONT}) with {@code kill}. */
    void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + pid() + " (" + this.name + ") failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits for the process to end; its exit code, or null if it still runs after {@code within}. */
    Integer awaitExit(Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** SIGCONT (in case it was stopped) and SIGTERM, when it still runs. */
    void stop() {
        if (alive()) {
            try {
                signal("CONT");
            } catch (RuntimeException ignored) {
                // it exited in between
            }
            terminate();
        }
    }

    /** Kills what is left (CONT first: a stopped process ignores everything but SIGKILL until it runs). */
    void kill() {
        if (alive()) {
            try {
                signal("CONT");
            } catch (RuntimeException ignored) {
                // it may have exited in between
            }
            process.destroyForcibly();
        }
    }

    String tail(int lines) {
        try {
            List<String> all = lines();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (UncheckedIOException e) {
            return "(" + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** Every line of the log so far. */
    List<String> lines() {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
