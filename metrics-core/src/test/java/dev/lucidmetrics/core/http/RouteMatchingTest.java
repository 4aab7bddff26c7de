package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.internal.CardinalityGuard;
import dev.lucidmetrics.core.support.LogCapture;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteMatchingTest {

    private static String route(Routes routes, String path, int status) {
        return routes.label(routes.match(path), "/", status);
    }

    @Test
    void templatesWithSeveralVariablesMatchWholeSegments() {
        Routes routes = new Routes(List.of("/users/{user}/albums/{album}", "/images/{id}"), 100, "t");
        assertEquals("/users/{user}/albums/{album}", route(routes, "/users/7/albums/42", 200));
        assertEquals("/images/{id}", route(routes, "/images/cat.png", 200));
        assertEquals(HttpServerMetrics.NOT_FOUND, route(routes, "/users/7/albums", 404));
        assertEquals(HttpServerMetrics.NOT_FOUND, route(routes, "/images/1/2", 404));
    }

    @Test
    void oneTrailingSlashIsIgnoredOnPathAndTemplateAndTheDeclaredTemplateIsTheLabel() {
        Routes routes = new Routes(List.of("/images/{id}", "/access-log/", "/"), 100, "t");
        assertEquals("/images/{id}", route(routes, "/images/42/", 200));
        assertEquals("/access-log/", route(routes, "/access-log", 201));
        assertEquals("/access-log/", route(routes, "/access-log/", 201));
        assertEquals("/", route(routes, "/", 200));
        assertEquals(HttpServerMetrics.UNMATCHED, route(routes, "/images/42//", 400));
    }

    @Test
    void emptySegmentsNeverFillAVariable() {
        Routes routes = new Routes(List.of("/images/{id}", "/{page}"), 100, "t");
        assertEquals(HttpServerMetrics.NOT_FOUND, route(routes, "/images//", 404));
        assertEquals(HttpServerMetrics.NOT_FOUND, route(routes, "//x", 404));
        assertNull(routes.match("/"));
    }

    @Test
    void literalSegmentsBeatVariablesWhateverTheDeclarationOrder() {
        Routes routes = new Routes(List.of("/images/{id}", "/{section}/new", "/images/new"), 100, "t");
        assertEquals("/images/new", route(routes, "/images/new", 200));
        assertEquals("/images/{id}", route(routes, "/images/7", 200));
        assertEquals("/{section}/new", route(routes, "/albums/new", 200));
    }

    @Test
    void templatesOfDifferentLengthsGiveOneLabelInEveryDeclarationOrder() {
        List<List<String>> orders = List.of(
                List.of("/images/{id}/{size}", "/images", "/images/{id}/raw"),
                List.of("/images/{id}/{size}", "/images/{id}/raw", "/images"),
                List.of("/images", "/images/{id}/{size}", "/images/{id}/raw"),
                List.of("/images", "/images/{id}/raw", "/images/{id}/{size}"),
                List.of("/images/{id}/raw", "/images/{id}/{size}", "/images"),
                List.of("/images/{id}/raw", "/images", "/images/{id}/{size}"));
        for (List<String> order : orders) {
            Routes routes = new Routes(order, 100, "t");
            assertEquals("/images/{id}/raw", route(routes, "/images/42/raw", 200), order.toString());
            assertEquals("/images/{id}/{size}", route(routes, "/images/42/large", 200), order.toString());
            assertEquals("/images", route(routes, "/images/", 200), order.toString());
        }
    }

    @Test
    void unmatchedPathsCollapseToOneRouteValuePerSentinel() {
        Routes routes = new Routes(List.of("/images/{id}"), 100, "t");
        assertEquals(HttpServerMetrics.NOT_FOUND, route(routes, "/wp-admin.php", 404));
        assertEquals(HttpServerMetrics.NOT_FOUND, route(routes, "/etc/passwd", 404));
        assertEquals(HttpServerMetrics.UNMATCHED, route(routes, "/old-page", 301));
        assertEquals(HttpServerMetrics.UNMATCHED, route(routes, "/x", 500));
    }

    @Test
    void withoutTemplatesTheContextPathIsTheRouteForEveryStatus() {
        Routes routes = new Routes(List.of(), 100, "t");
        assertNull(routes.match("/anything/at/all"));
        assertEquals("/api", routes.label(null, "/api", 200));
        assertEquals("/api", routes.label(null, "/api", 404));
    }

    @Test
    void routeValuesPastTheCapCollapseIntoOverflowWithOneWarning() {
        try (LogCapture log = new LogCapture(CardinalityGuard.class)) {
            Routes routes = new Routes(List.of(), 2, "app_requests_total");
            assertEquals("/a", routes.label(null, "/a", 200));
            assertEquals("/b", routes.label(null, "/b", 200));
            assertEquals(CardinalityGuard.OVERFLOW, routes.label(null, "/c", 200));
            assertEquals(CardinalityGuard.OVERFLOW, routes.label(null, "/d", 200));
            assertEquals("/a", routes.label(null, "/a", 200));
            assertEquals(1, log.warnings().size(), log.warnings().toString());
            assertTrue(log.warnings().get(0).contains("route values of \"app_requests_total\""), log.warnings().get(0));
        }
    }

    @Test
    void templatesThatMatchTheSamePathsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Routes(List.of("/images/{id}", "/images/{name}/"), 100, "t"));
        assertEquals("Route templates \"/images/{id}\" and \"/images/{name}/\" match the same paths (a trailing slash"
                + " and variable names do not tell routes apart): declare only one of them.", e.getMessage());
    }

    @Test
    void moreTemplatesThanTheRouteCapIsAStartupError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Routes(List.of("/a", "/b", "/c"), 2, "t"));
        assertEquals("routes(...) declares 3 templates but maxRoutes(2) admits only 2 route values: raise"
                + " maxRoutes(3) or merge templates with variables such as \"/images/{id}\".", e.getMessage());
    }

    @Test
    void malformedTemplatesAreRejectedNamingTheRule() {
        assertEquals("Route template \"images/{id}\" must start with '/', as in \"/images/{id}\".",
                assertThrows(IllegalArgumentException.class, () -> RouteTemplate.parse("images/{id}")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RouteTemplate.parse("/img-{id}.png"))
                .getMessage().contains("segment \"img-{id}.png\" must be either literal text or one whole variable"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RouteTemplate.parse("/a//b"))
                .getMessage().contains("contains \"//\": use single slashes, as in \"/a/b\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RouteTemplate.parse("/static/*"))
                .getMessage().contains("it must not contain a wildcard '*'"));
    }

    @Test
    void standardMethodsKeepTheirNameAndEveryOtherBecomesOther() {
        for (String m : List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT")) {
            assertEquals(m, HttpMethods.normalise(m));
        }
        assertEquals("OTHER", HttpMethods.normalise("BREW"));
        assertEquals("OTHER", HttpMethods.normalise("get"));
        assertEquals("OTHER", HttpMethods.normalise("PROPFIND"));
    }

    @Test
    void exclusionsMatchExactPathsWithOrWithoutTrailingSlashAndPrefixes() {
        PathExclusions ex = new PathExclusions(List.of("/metrics", "/health", "/static/*"));
        assertTrue(ex.excludes("/metrics"));
        assertTrue(ex.excludes("/metrics/"));
        assertTrue(ex.excludes("/static/css/site.css"));
        assertFalse(ex.excludes("/static"));
        assertFalse(ex.excludes("/metrics/extra"));
        assertFalse(ex.excludes("/healthz"));
    }
}
