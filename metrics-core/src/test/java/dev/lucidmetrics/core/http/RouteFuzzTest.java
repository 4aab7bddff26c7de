package dev.lucidmetrics.core.http;

import dev.lucidmetrics.core.model.SampleSnapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpHandler;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.internal.CardinalityGuard;
import dev.lucidmetrics.core.support.BoundedFuzzTest;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.InMemoryExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hostile paths and templates through {@link HttpServerMetrics}. Any request path (any characters, empty segments,
 * no path at all) is labelled with a declared template it matches, or with a sentinel when it matches none, never
 * with the raw path; any template text given to {@code routes(...)} is accepted, or refused by an
 * {@link IllegalArgumentException} quoting it. An accepted template labels a request for its own text.
 */
@CompatibilityKit
class RouteFuzzTest {

    private static final List<String> TEMPLATES = List.of("/", "/images/{id}", "/images/new", "/{section}/new",
            "/users/{user}/albums/{album}", "/access-log/", "/metrics/{x}");
    private static final Set<String> SENTINELS = Set.of(HttpServerMetrics.NOT_FOUND, HttpServerMetrics.UNMATCHED);
    private static final int[] STATUSES = {200, 204, 301, 404, 500};
    private static final String REQUESTS = "fuzz_requests_total";

    private static final AppMetrics APP = AppMetrics.builder("fuzz").build();
    private static final HttpServerMetrics HTTP = HttpServerMetrics.builder(APP)
            .routes(TEMPLATES.toArray(new String[0])).register();

    @BoundedFuzzTest
    void everyPathIsLabelledWithAMatchingTemplateOrASentinel(FuzzedDataProvider data) throws IOException {
        String method = data.consumeBoolean() ? "GET" : data.consumeString(10);
        int status = STATUSES[data.consumeInt(0, STATUSES.length - 1)];
        boolean raw = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        URI uri = uri(text, raw);
        String path = uri.getPath();

        Map<String, Double> before = countsByRoute(APP);
        serve(HTTP.filter(), new InMemoryExchange(method, uri, "/"), status);
        Map<String, Double> after = countsByRoute(APP);

        Set<String> changed = new HashSet<>();
        after.forEach((route, n) -> {
            if (n > before.getOrDefault(route, 0.0)) {
                changed.add(route);
            }
        });
        if (HTTP.recorder().excludes(path)) {
            assertEquals(Set.of(), changed, "an excluded path was counted: " + path);
            return;
        }
        assertEquals(1, changed.size(), "one request, one route value; got " + changed + " for " + path);
        String route = changed.iterator().next();
        List<String> matching = TEMPLATES.stream().filter(t -> matches(t, path)).toList();
        if (matching.isEmpty()) {
            String expected = status == 404 ? HttpServerMetrics.NOT_FOUND : HttpServerMetrics.UNMATCHED;
            assertEquals(expected, route, "path " + path + " matches no template");
        } else {
            assertTrue(matching.contains(route), "path " + path + " labelled " + route + ", matches " + matching);
        }
        for (String value : after.keySet()) {
            assertTrue(TEMPLATES.contains(value) || SENTINELS.contains(value), "route value " + value);
        }
    }

    @BoundedFuzzTest
    void anyTemplateIsAcceptedOrRefusedQuotingIt(FuzzedDataProvider data) throws IOException {
        int n = data.consumeInt(1, 4);
        List<String> templates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            templates.add(data.consumeInt(0, 15) == 0 ? null : data.consumeString(40));
        }
        AppMetrics app = AppMetrics.builder("fuzz").build();
        HttpServerMetrics http;
        try {
            http = HttpServerMetrics.builder(app).withoutDefaultExclusions()
                    .routes(templates.toArray(new String[0])).register();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            if (templates.stream().noneMatch(t -> message.contains("\"" + t + "\""))) {
                fail("the message quotes none of " + templates + ": " + message, e);
            }
            return;
        }
        // Accepted: a request for a template's own text is labelled with a template (its own or one as specific).
        String own = templates.get(0);
        serve(http.filter(), new InMemoryExchange("GET", uri(own, false), "/"), 200);
        Map<String, Double> counts = countsByRoute(app);
        assertEquals(1, counts.size(), "one request, one route value: " + counts);
        String route = counts.keySet().iterator().next();
        assertTrue(templates.contains(route) && matches(route, own), own + " labelled " + route);
    }

    /** The reference rule: same number of segments after one trailing slash; literals equal, variables non-empty. */
    private static boolean matches(String template, String path) {
        if (path == null) {
            return false;
        }
        String[] t = trimSlash(template).split("/", -1);
        String[] p = trimSlash(path).split("/", -1);
        if (t.length != p.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            boolean variable = t[i].length() > 2 && t[i].startsWith("{") && t[i].endsWith("}");
            if (variable ? p[i].isEmpty() : !t[i].equals(p[i])) {
                return false;
            }
        }
        return true;
    }

    private static String trimSlash(String s) {
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** {@code text} as a request target when it parses as one ({@code raw}), else as a path, escaped as needed. */
    private static URI uri(String text, boolean raw) {
        try {
            return raw ? new URI(text) : new URI(null, null, text.startsWith("/") ? text : "/" + text, null);
        } catch (URISyntaxException e) {
            return raw ? uri(text, false) : URI.create("/");
        }
    }

    private static void serve(Filter filter, InMemoryExchange exchange, int status) throws IOException {
        HttpHandler handler = ex -> {
            try (ex) {
                ex.sendResponseHeaders(status, -1);
            }
        };
        new Filter.Chain(List.of(filter), handler).doFilter(exchange);
    }

    /** Requests by route value, from one collection of the request counter only (the registry holds much more). */
    private static Map<String, Double> countsByRoute(AppMetrics app) {
        Map<String, Double> counts = new HashMap<>();
        for (SampleSnapshot sample : app.snapshot().samples(REQUESTS)) {
            counts.merge(sample.labels().get("route"), sample.value(), Double::sum);
        }
        counts.remove(CardinalityGuard.OVERFLOW);
        return counts;
    }
}
