package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Paths the fuzzer found (see {@link RouteFuzzTest}), each labelled by the templates it really matches. */
class HostileRoutesTest {

    @Test
    void aPathThatDoesNotStartWithASlashMatchesNoTemplate() {
        Routes routes = new Routes(List.of("/", "/images/{id}"), 100, "t");
        for (String path : List.of("(//", "x/", "x/images/7", "images/7")) {
            assertEquals(HttpServerMetrics.NOT_FOUND, routes.label(routes.match(path), "/", 404), path);
        }
        assertEquals("/images/{id}", routes.label(routes.match("/images/7"), "/", 200));
    }
}
