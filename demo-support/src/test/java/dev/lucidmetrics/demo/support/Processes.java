package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

/** Starts a demo Main as a real JVM process on this test's class path, for SIGTERM tests. */
public final class Processes {

    private static final Pattern URL = Pattern.compile("http://localhost:(\\d+)/");

    private Processes() {
    }

    /** A started process and the port its first printed URL names. */
    public record Started(Process process, int port, List<String> output) {
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
