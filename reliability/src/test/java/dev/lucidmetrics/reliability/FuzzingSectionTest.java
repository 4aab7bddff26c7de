package dev.lucidmetrics.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's fuzzing section: the fuzz script's figures per target when its results file exists, else "not run". */
class FuzzingSectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private String page(Path fuzzResults) {
        JsonNode results = JSON.valueToTree(Map.of("form", "short", "fuzzing", Fuzzing.read(fuzzResults, root)));
        String md = Report.render(results);
        return md.substring(md.indexOf("## Fuzzing"));
    }

    @Test
    void withoutTheFuzzResultsFileTheSectionSaysNotRunAndWhereTheFiguresWouldComeFrom() {
        assertEquals("## Fuzzing (hostile input, scenario 4)\n\n**Fuzzing: not run.** It runs on demand"
                + " (`scripts/fuzz`), never in this runner; its figures (executions and findings per target) appear"
                + " here when `target/fuzz/results.json` exists. Its kept inputs are replayed as ordinary tests in every"
                + " Maven build.\n", page(root.resolve("target/fuzz/results.json")));
    }

    @Test
    void withTheFuzzResultsFileEveryTargetHasARowWithItsExecutionsAndFindings() throws Exception {
        Path file = root.resolve("target/fuzz/results.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"generated\": \"2026-12-01T12:35:23+00:00\", \"commit\": \"085ac05\","
                + " \"jazzer\": \"0.30.0\", \"command\": \"scripts/fuzz 30\", \"targets\": ["
                + "{\"target\": \"AccessLogFuzzTest#everyPostIsAnsweredBelow500\", \"executions\": 34002,"
                + " \"seconds\": 31, \"corpus_files\": 26, \"result\": \"pass\", \"findings\": []},"
                + "{\"target\": \"RouteFuzzTest#x\", \"executions\": 1200, \"seconds\": 30, \"corpus_files\": 3,"
                + " \"result\": \"finding\", \"findings\": [\"crash-1\"]}]}");
        String section = page(file);
        assertTrue(section.startsWith("## Fuzzing (hostile input, scenario 4)\n\n**Fuzzing: included** from"
                + " `target/fuzz/results.json` (`scripts/fuzz 30`, generated 2026-12-01T12:35:23+00:00 at commit"
                + " 085ac05, Jazzer 0.30.0), not measured by this run:\n"), section);
        assertTrue(section.contains("| AccessLogFuzzTest#everyPostIsAnsweredBelow500 | 34,002 | 31 | 26 | pass | none |"),
                section);
        assertTrue(section.contains("| RouteFuzzTest#x | 1,200 | 30 | 3 | finding | [\"crash-1\"] |"), section);
    }
}
