package dev.lucidmetrics.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.ScrapeServer;
import dev.lucidmetrics.core.support.TextSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An info metric's facts: fixed at start-up, or declared once and set (and replaced) at run time. */
@CompatibilityKit
class InfoTest {

    private final AppMetrics app = AppMetrics.builder("shop").build();

    /** The sample lines of {@code family}, in the canonical form every backend's text reads as. */
    private static List<String> lines(String scrape, String family) {
        return TextSamples.lines(scrape, family);
    }

    @Test
    void labelledInfoHasNoSeriesUntilSetAndOneSeriesAfter() {
        Info os = app.info("os_info").help("The OS the app runs on.").labelNames("name", "version").register();
        try (ScrapeServer server = ScrapeServer.serving(app)) {
            assertEquals(List.of(), lines(server.text(), "shop_os_info{"));
            os.set("Debian GNU/Linux", "12");
            assertEquals(List.of("shop_os_info{name=\"Debian GNU/Linux\",version=\"12\"} 1.0"),
                    lines(server.text(), "shop_os_info{"));
            os.set("Debian GNU/Linux", "13");
            assertEquals(List.of("shop_os_info{name=\"Debian GNU/Linux\",version=\"13\"} 1.0"),
                    lines(server.text(), "shop_os_info{"), "the new facts replace the old: one series");
        }
    }

    @Test
    void fixedInfoIsThereFromRegistration() {
        app.info("edition_info").help("The edition.").label("edition", "community").register();
        try (ScrapeServer server = ScrapeServer.serving(app)) {
            assertEquals(List.of("shop_edition_info{edition=\"community\"} 1.0"),
                    lines(server.text(), "shop_edition_info{"));
        }
    }

    @Test
    void setChecksItsValuesAndIsForDeclaredLabelsOnly() {
        Info os = app.info("os_info").help("OS.").labelNames("name", "version").register();
        assertEquals("Info \"shop_os_info\" takes 2 non-null label values [name, version] but got [Debian].",
                assertThrows(IllegalArgumentException.class, () -> os.set("Debian")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> os.set("Debian", null));
        Info fixed = app.info("edition_info").help("Edition.").label("edition", "community").register();
        assertEquals("Info \"shop_edition_info\" has fixed labels from label(name, value): build it with"
                + " labelNames(...) to set values at run time.",
                assertThrows(IllegalStateException.class, () -> fixed.set("x")).getMessage());
        assertEquals("Info \"shop_mixed_info\" has both label(name, value) facts [edition] and labelNames(...) [os]:"
                + " use one or the other.", assertThrows(IllegalStateException.class, () -> app.info("mixed_info")
                        .help("Mixed.").label("edition", "x").labelNames("os").register()).getMessage());
    }

    @Test
    void declaredInfoLabelNamesFollowTheNamingRules() {
        assertEquals("Label name \"osName\" of \"shop_os_info\" is not snake_case (lower-case letters, digits and"
                + " single underscores, starting with a letter): rename it to \"os_name\".",
                assertThrows(IllegalArgumentException.class, () -> app.info("os_info").help("OS.")
                        .labelNames("osName").register()).getMessage());
    }
}
