package dev.lucidmetrics.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fuzzing figures (executions and findings per target), which the fuzz script writes to its own results file:
 * included as they are when the file exists, "not run" otherwise. Fuzzing runs on demand, never in this runner.
 */
final class Fuzzing {

    private Fuzzing() {
    }

    /** The figures in {@code file}; its path as the page shows it, relative to {@code root} when inside it. */
    static Map<String, Object> read(Path file, Path root) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", file == null ? null : shown(file, root));
        if (file == null || !Files.isRegularFile(file)) {
            m.put("status", "not run");
            return m;
        }
        try {
            JsonNode figures = new ObjectMapper().readTree(file.toFile());
            m.put("status", "included");
            m.put("results", figures);
        } catch (IOException e) {
            m.put("status", "unreadable: " + e.getMessage());
        }
        return m;
    }

    private static String shown(Path file, Path root) {
        Path f = file.toAbsolutePath().normalize();
        Path r = root.toAbsolutePath().normalize();
        return f.startsWith(r) ? r.relativize(f).toString() : file.toString();
    }
}
