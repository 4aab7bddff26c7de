package dev.lucidmetrics.clientjava;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lucidmetrics.core.support.Binaries;
import dev.lucidmetrics.core.support.TestHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Debian's Prometheus 2.42 started by a test on a free loopback port (never the stack's contract ports), scraping
 * one target every second, with the flags given (such as {@code --enable-feature=native-histograms}); its TSDB and
 * log live in the test's directory. Closing it stops the process.
 */
final class RealPrometheus implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_DEADLINE = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;

    private RealPrometheus(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Prometheus scraping {@code http://127.0.0.1:<targetPort>/metrics}; returns once it is ready. */
    static RealPrometheus scraping(int targetPort, Path dir, String... flags) throws IOException {
        Path binary = Binaries.require("prometheus", "prometheus");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("prometheus.yml"), String.join("\n",
                "global:", "  scrape_interval: 1s", "  scrape_timeout: 1s", "scrape_configs:", "  - job_name: app",
                "    static_configs:", "      - targets: ['127.0.0.1:" + targetPort + "']", ""));
        Path log = dir.resolve("prometheus.log");
        List<String> command = new java.util.ArrayList<>(List.of(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port));
        command.addAll(List.of(flags));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        RealPrometheus prometheus = new RealPrometheus(process, port, log);
        try {
            prometheus.await("ready", r -> r != null && r.statusCode() == 200, "/-/ready");
        } catch (RuntimeException | AssertionError e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    /** The {@code data.result} of an instant query. */
    JsonNode query(String promql) {
        HttpResponse<String> r = TestHttp.get(port, "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        try {
            JsonNode body = JSON.readTree(r.body());
            if (!"success".equals(body.path("status").asText())) {
                throw new AssertionError(promql + " failed: " + r.body());
            }
            return body.path("data").path("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single value of an instant query whose result is one sample, once {@code until} holds; fails at 60 s. */
    double valueOnce(String promql, java.util.function.DoublePredicate until) {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = query(promql);
            if (last.size() == 1) {
                double v = Double.parseDouble(last.get(0).path("value").get(1).asText());
                if (until.test(v)) {
                    return v;
                }
            }
            pause();
        }
        throw new AssertionError(promql + " did not answer as expected within " + START_DEADLINE + "; last: " + last
                + "\nPrometheus log:\n" + tail());
    }

    private void await(String what, Predicate<HttpResponse<String>> ok, String path) {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("prometheus exited (" + process.exitValue() + ") before " + what + ":\n"
                        + tail());
            }
            HttpResponse<String> r;
            try {
                r = TestHttp.get(port, path);
            } catch (UncheckedIOException notYet) {
                r = null;
            }
            if (ok.test(r)) {
                return;
            }
            pause();
        }
        throw new AssertionError("prometheus not " + what + " within " + START_DEADLINE + ":\n" + tail());
    }

    /** A short wait between polls, bounded by the callers' deadlines. */
    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
