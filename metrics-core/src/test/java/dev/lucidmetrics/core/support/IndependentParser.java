package dev.lucidmetrics.core.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Reads OpenMetrics text back with another implementation of the format: the strict parser of the Prometheus
 * Python client (Debian's python3-prometheus-client), run by Debian's own python3. It rejects what the format
 * forbids, so a parse is also a check. Missing tools fail the test (never skip it).
 */
public final class IndependentParser {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();

    private IndependentParser() {
    }

    /** Every sample of {@code openMetrics}, as the Python parser saw it (name, labels, value, exemplar). */
    public static List<JsonNode> samples(String openMetrics) {
        if (!Files.isExecutable(PYTHON)) {
            throw new AssertionError(PYTHON + " is missing: install Debian's python3 and python3-prometheus-client.");
        }
        try (InputStream script = IndependentParser.class.getResourceAsStream("read_openmetrics.py")) {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", new String(script.readAllBytes(),
                    StandardCharsets.UTF_8)).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            try (OutputStream in = p.getOutputStream()) {
                in.write(openMetrics.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the Python OpenMetrics parser did not finish within 60 s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("the Python OpenMetrics parser refused the text (install"
                        + " python3-prometheus-client if the module is missing):\n" + err.get() + "\n" + openMetrics);
            }
            List<JsonNode> samples = new ArrayList<>();
            for (String line : out.get().split("\n")) {
                if (!line.isBlank()) {
                    samples.add(JSON.readTree(line));
                }
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
