package dev.lucidmetrics.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class EnvConfigTest {

    private static void rejects(String message, Executable read) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, read).getMessage());
    }

    @Test
    void unsetAndBlankValuesFallBackToTheDefault() {
        EnvConfig env = EnvConfig.of(Map.of("PORT", "  "));
        assertEquals(8010, env.port("PORT", 8010));
        assertNull(env.raw("PORT"));
        assertEquals("x", env.string("NAME", "x"));
    }

    @Test
    void validValuesAreParsed() {
        EnvConfig env = EnvConfig.of(Map.of("PORT", "9400", "ON", "yes", "P", "/actuator/prometheus", "S", " a "));
        assertEquals(9400, env.port("PORT", 1));
        assertEquals(true, env.bool("ON", false));
        assertEquals("/actuator/prometheus", env.path("P", "/metrics"));
        assertEquals("a", env.string("S", null));
    }

    @Test
    void invalidValuesNameTheVariableAndTheAcceptedForm() {
        EnvConfig env = EnvConfig.of(Map.of("PORT", "80a", "ON", "maybe", "P", "metrics"));
        rejects("PORT=\"80a\" is not valid: expected a port number from 0 to 65535, such as PORT=8080.",
                () -> env.port("PORT", 8010));
        rejects("ON=\"maybe\" is not valid: expected true or false.", () -> env.bool("ON", false));
        rejects("P \"metrics\" must start with '/', as in \"/metrics\".", () -> env.path("P", "/metrics"));
    }

    @Test
    void anAppsOwnParserFailsTheSameWay() {
        assertEquals("RETRIES=\"many\" is not valid: expected a whole number such as 3.",
                EnvConfig.bad("RETRIES", "many", "a whole number such as 3").getMessage());
    }
}
