package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts a demo Main as a real JVM process on this test's class path, for SIGTERM and startup-error tests. */
public final class Processes {

    private static final Pattern URL = Pattern.compile("http://localhost:(\\d+)/");

    private Processes() {
    }

    /** A started process and the port its first printed URL names; {@code close()} kills it if still running. */
    public record Started(Process process, int port, List<String> output) implements AutoCloseable {

        /** Sends SIGTERM, fails unless the process ends {@code within}, and returns its exit code. */
        public int sigtermAndAwaitExit(Duration within) throws InterruptedException {
            process.destroy();
            assertTrue(process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS),
                    "still running " + within.toSeconds() + " s after SIGTERM");
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

    /** Runs {@code main} to its end, for startup errors; fails (and kills it) if it runs longer than {@code within}. */
    public static Exited runToExit(Class<?> main, Map<String, String> env, Duration within)
            throws IOException, InterruptedException {
        Process p = builder(main, env).start();
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

    /**
     * A process builder for {@code java -cp <this class path> main}, output and errors merged, with the JVM flags
     * the demo apps run with everywhere (scripts/run-demo, Dockerfiles): TCP_NODELAY for the JDK server.
     */
    public static ProcessBuilder builder(Class<?> main, Map<String, String> env) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-Dsun.net.httpserver.nodelay=true", "-cp",
                System.getProperty("java.class.path"), main.getName()).redirectErrorStream(true);
        pb.environment().putAll(env);
        return pb;
    }

    /** Starts {@code main} and waits (at most 20 s) until it prints a URL. */
    public static Started startMain(Class<?> main, Map<String, String> env) throws IOException, InterruptedException {
        Process p = builder(main, env).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.add(line);
                    Matcher m = URL.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            port.complete(-1);
        });
        reader.setDaemon(true);
        reader.start();
        try {
            int found = port.get(20, TimeUnit.SECONDS);
            assertTrue(found > 0, "the process printed no URL: " + output);
            return new Started(p, found, output);
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            throw new AssertionError("no URL printed within 20 s: " + output, e);
        }
    }
}
