package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lucidmetrics.core.support.TestHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a demo as a real JVM process, from this test's class path or from its packaged jar, for SIGTERM,
 * startup-error and log tests. Stdout and stderr are read apart, line by line.
 */
public final class Processes {

    /**
     * The JVM flags the demo apps run with everywhere (the Dockerfile, scripts/lib/common.sh): TCP_NODELAY for the
     * JDK server, and none of the JVM's own log or warning lines (errors still go to stderr).
     */
    public static final List<String> JVM_FLAGS = List.of("-Dsun.net.httpserver.nodelay=true", "-Xlog:disable",
            "-Xlog:all=error:stderr", "-XX:-PrintWarnings");

    private static final Pattern URL = Pattern.compile("http://localhost:(\\d+)/");
    private static final Pattern STOPPED = Pattern.compile(": stopped in \\d+ ms; requests not yet answered: (\\d+) at"
            + " the stop, (\\d+) at exit");
    /**
     * How long a stopping process may take to exit before a test calls it hung: ten times the demos' default grace
     * (5 s), which bounds the stop itself.
     */
    public static final Duration EXIT_HANG_GUARD = Duration.ofSeconds(60);
    /** How long a JVM may take to start, or to refuse to, before a test calls it hung: ten times a loaded start. */
    public static final Duration START_HANG_GUARD = Duration.ofSeconds(30);

    private Processes() {
    }

    /** A port nothing listens on right now, for settings that need a real one (such as METRICS_PORT). */
    public static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /**
     * Starts {@code main} with {@code env} plus {@code METRICS_PORT} (a free port), {@code METRICS_HOST} and
     * {@code METRICS_PATH}, and checks that the metrics URL it prints is there and answers with its build info.
     */
    public static void assertMetricsUrlFollowsTheSettings(Class<?> main, Map<String, String> env, String buildInfo)
            throws IOException, InterruptedException {
        int metricsPort = freePort();
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putAll(Map.of("PORT", "0", "METRICS_PORT", String.valueOf(metricsPort), "METRICS_HOST", "127.0.0.1",
                "METRICS_PATH", "/internal/metrics"));
        try (Started app = startMain(main, all)) {
            assertPrintedMetricsUrlAnswers(app, URI.create("http://127.0.0.1:" + metricsPort + "/internal/metrics"),
                    buildInfo);
        }
    }

    /**
     * Runs {@code main} with {@code env} and checks that it refuses to start: exit code 2 and one ERROR line of
     * {@code Main} saying {@code message}.
     */
    public static void assertStartupRefused(Class<?> main, Map<String, String> env, String message)
            throws IOException, InterruptedException {
        Exited p = runToExit(main, env, START_HANG_GUARD);
        assertEquals(2, p.exitCode(), p.output());
        assertOneTextLine("ERROR", "Main", message, p.output());
    }

    /**
     * Runs the packaged {@code jar} with {@code LOG_FORMAT=json} and {@code env} and checks that it refuses to start:
     * exit code 2, nothing on stdout, one JSON ERROR line on stderr saying {@code message}, with no trace.
     */
    public static void assertJsonStartupRefused(Path jar, Map<String, String> env, String message)
            throws IOException, InterruptedException {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("LOG_FORMAT", "json");
        Finished run = runJarToExit(jar, all, START_HANG_GUARD);
        assertEquals(2, run.exitCode(), run.stderr().toString());
        assertEquals(List.of(), run.stdout());
        var error = JsonLogLines.one(JsonLogLines.parseEvery("stderr", run.stderr()), l -> true, "one line");
        assertEquals("ERROR", error.get("level").asText());
        assertEquals(message, error.get("message").asText());
        assertTrue(!error.has("trace_id"), "no request, no trace");
    }

    /**
     * Checks that the URL a started app printed after "metrics" is where its settings put the metrics, and that it
     * answers with the app's build info.
     */
    public static void assertPrintedMetricsUrlAnswers(Started app, URI expected, String buildInfo) {
        URI printed = app.printedUrl("metrics");
        assertEquals(expected, printed, "the printed metrics URL");
        HttpResponse<String> scrape = TestHttp.get(printed);
        assertEquals(200, scrape.statusCode(), printed + " answered " + scrape.body());
        assertTrue(scrape.body().contains(buildInfo + "{"), scrape.body());
    }

    /**
     * A started process and the port its first printed URL names; {@code close()} kills it if still running.
     * {@code output} holds the lines of both streams in the order they were read.
     */
    public record Started(Process process, int port, List<String> output, List<String> stdout,
            List<String> stderr, CompletableFuture<Void> drained) implements AutoCloseable {

        /**
         * The URL the process printed after {@code label} (as in {@code "metrics http://localhost:9400/metrics,"}) in
         * what it has printed so far: the line with its first URL, which {@code start} waited for, and any before.
         */
        public URI printedUrl(String label) {
            Pattern printed = Pattern.compile(Pattern.quote(label) + " (https?://[^,\\s)]+)");
            synchronized (output) {
                for (String line : output) {
                    Matcher m = printed.matcher(line);
                    if (m.find()) {
                        return URI.create(m.group(1));
                    }
                }
            }
            throw new AssertionError("no \"" + label + " http...\" printed: " + output);
        }

        /**
         * Sends SIGTERM and returns at once. Through the process handle: {@code Process.destroy()} would also close
         * this side of the pipes, losing whatever the process writes while it stops.
         */
        public void sigterm() {
            process.toHandle().destroy();
        }

        /** Sends SIGTERM and {@link #awaitExit}s. */
        public int sigtermAndAwaitExit(Duration within) throws InterruptedException {
            sigterm();
            return awaitExit(within);
        }

        /**
         * Sends SIGTERM, waits for the exit ({@link #EXIT_HANG_GUARD}) and fails unless the server logged its stop
         * line ({@code ...: stopped in N ms; requests not yet answered: A at the stop, 0 at exit}) with every request
         * answered. Returns the exit code.
         */
        public int sigtermAndAwaitCleanStop() throws InterruptedException {
            int code = sigtermAndAwaitExit(EXIT_HANG_GUARD);
            Matcher stopped = output.stream().map(STOPPED::matcher).filter(Matcher::find).findFirst()
                    .orElseThrow(() -> new AssertionError("no stop line (\": stopped in N ms; ...\") in " + output));
            assertEquals("0", stopped.group(2), "requests not answered at exit: " + stopped.group());
            return code;
        }

        /**
         * Fails unless the process ends {@code within}, waits until both streams are read to their end, and returns
         * the exit code.
         */
        public int awaitExit(Duration within) throws InterruptedException {
            assertTrue(process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS),
                    "still running " + within.toSeconds() + " s after SIGTERM");
            try {
                drained.get(within.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("the output of the stopped process was not read to its end", e);
            }
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    /** How a process ended: its exit code and everything it printed (stdout and stderr merged). */
    public record Exited(int exitCode, String output) {
    }

    /**
     * Fails unless {@code output} is exactly one line of {@code LOG_FORMAT=text}: a UTC time to the millisecond,
     * then {@code level logger: message}.
     */
    public static void assertOneTextLine(String level, String logger, String message, String output) {
        String line = output.strip();
        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z "
                + Pattern.quote(level + " " + logger + ": " + message)), "expected one line ending in \"" + level + " "
                + logger + ": " + message + "\" but the output was:\n" + output);
    }

    /** How a packaged jar's run ended: its exit code and the lines of each stream. */
    public record Finished(int exitCode, List<String> stdout, List<String> stderr) {
    }

    /** Runs the packaged {@code jar} to its end, for startup errors; fails if it runs longer than {@code within}. */
    public static Finished runJarToExit(Path jar, Map<String, String> env, Duration within)
            throws IOException, InterruptedException {
        Process p = jarBuilder(jar, env).start();
        List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        List<String> stderr = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> drained = CompletableFuture.allOf(read(p.getInputStream(), stdout::add),
                read(p.getErrorStream(), stderr::add));
        if (!p.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            fail("still running after " + within + "; expected it to exit");
        }
        try {
            drained.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("could not read the output of " + jar, e);
        }
        return new Finished(p.exitValue(), List.copyOf(stdout), List.copyOf(stderr));
    }

    /** Runs {@code main} to its end, for startup errors; fails (and kills it) if it runs longer than {@code within}. */
    public static Exited runToExit(Class<?> main, Map<String, String> env, Duration within)
            throws IOException, InterruptedException {
        Process p = builder(main, env).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!p.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            fail("still running after " + within + "; expected it to exit");
        }
        try {
            return new Exited(p.exitValue(), output.get(5, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("could not read the output of " + main.getName(), e);
        }
    }

    /** A process builder for {@code java <JVM_FLAGS> -cp <this class path> main}. */
    public static ProcessBuilder builder(Class<?> main, Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx64m", "-XX:TieredStopAtLevel=1"));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        return pb;
    }

    /** A process builder for {@code java <JVM_FLAGS> -jar jar}, as the images start the apps. */
    public static ProcessBuilder jarBuilder(Path jar, Map<String, String> env) {
        assertTrue(Files.isRegularFile(jar), jar + " is missing: package the module first (mvn package)");
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx64m", "-XX:TieredStopAtLevel=1"));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        return pb;
    }

    /** Starts {@code main} from the class path and waits (at most {@link #START_HANG_GUARD}) until it prints a URL. */
    public static Started startMain(Class<?> main, Map<String, String> env) throws IOException, InterruptedException {
        return start(builder(main, env), main.getName());
    }

    /** Starts the packaged {@code jar} and waits (at most {@link #START_HANG_GUARD}) until it prints a URL. */
    public static Started startJar(Path jar, Map<String, String> env) throws IOException, InterruptedException {
        return start(jarBuilder(jar, env), jar.toString());
    }

    private static Started start(ProcessBuilder builder, String what) throws IOException, InterruptedException {
        Process p = builder.start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        List<String> stderr = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Consumer<String> seen = line -> {
            output.add(line);
            Matcher m = URL.matcher(line);
            if (m.find()) {
                port.complete(Integer.parseInt(m.group(1)));
            }
        };
        CompletableFuture<Void> drained = CompletableFuture.allOf(
                read(p.getInputStream(), line -> { stdout.add(line); seen.accept(line); }),
                read(p.getErrorStream(), line -> { stderr.add(line); seen.accept(line); }));
        drained.whenComplete((ignored, error) -> port.complete(-1));
        try {
            int found = port.get(START_HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            assertTrue(found > 0, what + " printed no URL: " + output);
            return new Started(p, found, output, stdout, stderr, drained);
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            throw new AssertionError(what + " printed no URL within " + START_HANG_GUARD + ": " + output, e);
        }
    }

    /** Reads {@code in} line by line on a daemon thread; the future completes at the end of the stream. */
    private static CompletableFuture<Void> read(InputStream in, Consumer<String> lines) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.accept(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
            done.complete(null);
        });
        reader.setDaemon(true);
        reader.start();
        return done;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
