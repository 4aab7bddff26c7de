package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The public face of the template syntax, as a router uses it: parse, order, match with the variables' values. */
class RouteTemplateTest {

    @Test
    void aMatchGivesTheValueOfEachVariableAndForgivesOneTrailingSlash() {
        RouteTemplate t = RouteTemplate.parse("/users/{user}/albums/{album}");
        assertEquals(Optional.of(Map.of("user", "7", "album", "42")), t.match("/users/7/albums/42"));
        assertEquals(Optional.of(Map.of("user", "7", "album", "42")), t.match("/users/7/albums/42/"));
        assertEquals(Optional.of(Map.of()), RouteTemplate.parse("/images/new").match("/images/new"));
        assertEquals(Optional.empty(), t.match("/users/7/albums/"), "a variable never matches an empty segment");
        assertEquals(Optional.empty(), t.match("/users/7/albums/42/x"));
        assertEquals(Optional.empty(), t.match("users/7/albums/42"));
        assertEquals(Optional.empty(), t.match(null));
    }

    @Test
    void parseAllOrdersMostSpecificFirstWhateverTheDeclarationOrder() {
        List<String> texts = RouteTemplate.parseAll(List.of("/{section}/new", "/images/{id}", "/images/new", "/"))
                .stream().map(RouteTemplate::text).toList();
        assertEquals(List.of("/", "/images/new", "/images/{id}", "/{section}/new"), texts);
    }

    @Test
    void templatesThatMatchTheSamePathsAreRefusedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RouteTemplate.parseAll(List.of("/images/{id}", "/images/{name}/")));
        assertEquals("Route templates \"/images/{id}\" and \"/images/{name}/\" match the same paths (a trailing slash"
                + " and variable names do not tell routes apart): declare only one of them.", e.getMessage());
    }

    @Test
    void aVariableIsOneWholeSegmentNamedLikeAnIdentifier() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RouteTemplate.parse("/images/{image id}"));
        assertEquals("Route template \"/images/{image id}\" contains a space: use a plain path such as \"/metrics\","
                + " without query, fragment, escapes or spaces.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RouteTemplate.parse("/images/{1}"));
        assertEquals("Route template \"/images/{1}\" is invalid: segment \"{1}\" must be either literal text or one"
                + " whole variable such as {id}. Declare templates like \"/images/{id}\" or"
                + " \"/users/{user}/albums/{album}\".", e.getMessage());
    }
}
