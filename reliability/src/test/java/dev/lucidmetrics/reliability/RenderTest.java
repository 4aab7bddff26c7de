package dev.lucidmetrics.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page written again from an existing results file, with the hand-written notes after it. */
class RenderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void rendersTheSamePageFromTheResultsFileAndAppendsTheNotes() throws Exception {
        JsonNode results = JSON.valueToTree(Map.of("form", "full", "command", "scripts/reliability",
                "goals", Map.of("met", 1, "missed", 1), "scenarios", List.of(Map.of("id", "load", "title", "Load",
                        "goals", List.of(Map.of("goal", "no socket error", "met", false, "measured", "1 closed"))))));
        Path file = dir.resolve("results.json");
        JSON.writeValue(file.toFile(), results);
        Path notes = Files.writeString(dir.resolve("notes.md"), "## Reading the misses\n\nThe race.\n");
        Path page = dir.resolve("page.md");

        int status = Main.render(Main.Options.parse(new String[] {"--render", file.toString(), "--page",
                page.toString(), "--notes", notes.toString()}));

        assertEquals(0, status);
        String md = Files.readString(page);
        assertTrue(md.startsWith(Report.render(results)), md);
        assertTrue(md.endsWith("\n## Reading the misses\n\nThe race.\n"), md);
    }

    @Test
    void refusesToRenderWithoutAPageOrWithNotesThatAreNotAFile() throws Exception {
        Path results = Files.writeString(dir.resolve("results.json"), "{}");
        IllegalArgumentException noPage = assertThrows(IllegalArgumentException.class,
                () -> Main.Options.parse(new String[] {"--render", results.toString()}));
        assertEquals("--render " + results + " needs --page: where to write it", noPage.getMessage());
        IllegalArgumentException noNotes = assertThrows(IllegalArgumentException.class,
                () -> Main.Options.parse(new String[] {"--render", results.toString(), "--page", "p.md", "--notes",
                        dir.resolve("missing.md").toString()}));
        assertTrue(noNotes.getMessage().startsWith("--notes ") && noNotes.getMessage().endsWith(" is not a file"),
                noNotes.getMessage());
    }

    @Test
    void refusesToRenderAResultsFileThatIsNotThere() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(
                new String[] {"--render", dir.resolve("none.json").toString(), "--page", "p.md"}));
        assertTrue(missing.getMessage().endsWith(" is not a file: give the results file of a run, such as"
                + " docs/reliability.json"), missing.getMessage());
    }
}
