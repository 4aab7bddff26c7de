package dev.lucidmetrics.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
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
        assertEquals(Duration.ofHours(2), env.duration("PORT", Duration.ofHours(2)));
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
    void durationsTakeAUnitOrIso8601() {
        EnvConfig env = EnvConfig.of(Map.of("TTL", "15m", "ISO", "PT2H", "MS", "250ms", "UP", "3S", "D", "1d"));
        assertEquals(Duration.ofMinutes(15), env.duration("TTL", null));
        assertEquals(Duration.ofHours(2), env.duration("ISO", null));
        assertEquals(Duration.ofMillis(250), env.duration("MS", null));
        assertEquals(Duration.ofSeconds(3), env.duration("UP", null));
        assertEquals(Duration.ofDays(1), env.duration("D", null));
    }

    @Test
    void aDurationThatIsNotPositiveOrHasNoUnitIsRefused() {
        for (String value : new String[] {"soon", "0s", "PT0S", "-PT1S", "30", "1w", "99999999999999999999d"}) {
            rejects("TTL=\"" + value + "\" is not valid: expected a positive duration such as 500ms, 30s, 15m, 2h"
                    + " or PT2H.", () -> EnvConfig.of(Map.of("TTL", value)).duration("TTL", Duration.ofSeconds(1)));
        }
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
