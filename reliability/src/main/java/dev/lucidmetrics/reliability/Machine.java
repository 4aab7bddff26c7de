package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The machine a run measured on: CPUs, memory, OS, the JVM the apps run on, Prometheus, the load at the start. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe(String javaCommand) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("cpuModel", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        m.put("memoryMiB", memTotalMiB());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", firstLine(List.of(javaCommand, "-version")));
        m.put("prometheus", firstLine(List.of("prometheus", "--version")));
        m.put("loadAverageAtStart", loadAverages(firstLine(Path.of("/proc/loadavg"))));
        return m;
    }

    /** The 1, 5 and 15 minute load averages of a /proc/loadavg line (its last two fields are process counts). */
    static String loadAverages(String line) {
        if (line == null) {
            return null;
        }
        String[] f = line.trim().split("\\s+");
        return String.join(" ", List.of(f).subList(0, Math.min(3, f.length)));
    }

    private static Long memTotalMiB() {
        String kb = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        return kb == null ? null : Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024;
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The first line a command prints (stdout and stderr merged), or null when it cannot run. */
    static String firstLine(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
