package dev.lucidmetrics.demo.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs {@code promtool check metrics} on an exposition; fails (never skips) when promtool is missing. */
public final class Promtool {

    public static final String PATH = "/usr/bin/promtool";

    private Promtool() {
    }

    /** Asserts that promtool finds nothing to complain about in {@code exposition}. */
    public static void assertClean(String exposition) throws IOException, InterruptedException {
        assertTrue(new File(PATH).canExecute(), PATH + " is missing: install Debian's prometheus package.");
        Process p = new ProcessBuilder(PATH, "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals("", out.trim(), "promtool check metrics found problems");
        assertEquals(0, p.exitValue(), "promtool exit code; output: " + out);
    }
}
