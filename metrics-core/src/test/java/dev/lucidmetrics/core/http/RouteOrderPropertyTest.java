package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpContext;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.testing.MetricValues;
import dev.lucidmetrics.testing.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The route label does not depend on the declaration order: random template sets (mixed lengths, variables in
 * different places, the root) are declared in many orders on a real server, and every request's label is the one
 * a brute-force oracle picks by the rule docs/http.md writes down. Seeded, so a failure replays.
 */
@CompatibilityKit
class RouteOrderPropertyTest {

    private static final long SEED = 20261201L;
    private static final int TEMPLATE_SETS = 16;
    private static final int ORDERS_PER_SET = 24;
    private static final List<String> WORDS = List.of("a", "b", "img");
    private static final String NAME = "routes_requests_total";

    @Test
    void everyRequestGetsTheOraclesRouteWhateverTheDeclarationOrder() throws Exception {
        Random random = new Random(SEED);
        Set<List<String>> orders = new HashSet<>();
        int requests = 0;
        try (TestServer server = new TestServer()) {
            HttpContext context = server.context("/", TestServer.headersOnly(200));
            for (int set = 0; set < TEMPLATE_SETS; set++) {
                List<String> templates = templates(random);
                List<String> paths = paths(templates, random);
                Map<String, String> expected = new LinkedHashMap<>();
                paths.forEach(p -> expected.put(p, Oracle.route(templates, p)));
                for (int o = 0; o < ORDERS_PER_SET; o++) {
                    List<String> declared = new ArrayList<>(templates);
                    if (o == 1) {
                        Collections.reverse(declared);
                    } else if (o > 1) {
                        Collections.shuffle(declared, random);
                    }
                    orders.add(declared);
                    AppMetrics app = AppMetrics.builder("routes").build();
                    context.getFilters().clear();
                    HttpServerMetrics.builder(app).routes(declared.toArray(new String[0])).register()
                            .instrument(context);
                    MetricValues values = MetricValues.of(app);
                    for (String path : paths) {
                        assertEquals(expected.get(path), routeOf(server, values, path, requests(values)),
                                "GET " + path + " with routes declared as " + declared);
                    }
                    requests += paths.size();
                }
            }
        }
        System.out.println("route order property: " + TEMPLATE_SETS + " template sets, " + orders.size()
                + " distinct declaration orders, " + requests + " requests, seed " + SEED);
        assertTrue(orders.size() >= TEMPLATE_SETS * (ORDERS_PER_SET - 4), orders.size() + " distinct orders");
    }

    @Test
    void theOracleAgreesWithTheExamplesOfTheDocs() {
        List<String> templates = List.of("/images/{id}/{size}", "/images", "/images/{id}/raw", "/images/new",
                "/images/{id}", "/{section}/new");
        assertEquals("/images/{id}/raw", Oracle.route(templates, "/images/42/raw"));
        assertEquals("/images/{id}/{size}", Oracle.route(templates, "/images/42/large"));
        assertEquals("/images/new", Oracle.route(templates, "/images/new/"));
        assertEquals("/{section}/new", Oracle.route(templates, "/albums/new"));
        assertEquals(HttpServerMetrics.UNMATCHED, Oracle.route(templates, "/images//"));
    }

    /** The one route label the request to {@code path} was counted under. */
    private static String routeOf(TestServer server, MetricValues values, String path, Map<String, Double> before) {
        assertEquals(200, server.get(path).statusCode(), path);
        double total = before.values().stream().mapToDouble(Double::doubleValue).sum();
        Poll.until("GET " + path + " to be counted", Duration.ofSeconds(10), () -> values.sum(NAME) == total + 1);
        List<String> grown = new ArrayList<>();
        requests(values).forEach((route, n) -> {
            if (n > before.getOrDefault(route, 0.0)) {
                grown.add(route);
            }
        });
        assertEquals(1, grown.size(), "one route counted for " + path + ": " + grown);
        return grown.get(0);
    }

    private static Map<String, Double> requests(MetricValues values) {
        Map<String, Double> byRoute = new LinkedHashMap<>();
        for (String route : values.labelValues(NAME, "route")) {
            byRoute.put(route, values.sum(NAME, "route", route));
        }
        return byRoute;
    }

    /** 3 to 8 templates of 1 to 4 segments, literal or variable, sometimes the root; no two of one shape. */
    private static List<String> templates(Random random) {
        Map<String, String> byShape = new LinkedHashMap<>();
        int wanted = 3 + random.nextInt(6);
        if (random.nextInt(3) == 0) {
            byShape.put("/", "/");
        }
        while (byShape.size() < wanted) {
            StringBuilder t = new StringBuilder();
            StringBuilder shape = new StringBuilder();
            int segments = 1 + random.nextInt(4);
            for (int i = 0; i < segments; i++) {
                boolean variable = random.nextInt(5) < 2;
                String word = WORDS.get(random.nextInt(WORDS.size()));
                t.append('/').append(variable ? "{v" + i + "}" : word);
                shape.append('/').append(variable ? "{}" : word);
            }
            byShape.putIfAbsent(shape.toString(), t.toString());
        }
        return List.copyOf(byShape.values());
    }

    /**
     * Paths each template matches (variables filled with words other templates may have), some with a trailing
     * slash, and random others, empty segments included.
     */
    private static List<String> paths(List<String> templates, Random random) {
        Set<String> paths = new LinkedHashSet<>();
        for (String template : templates) {
            for (int k = 0; k < 2; k++) {
                StringBuilder p = new StringBuilder();
                for (String segment : Oracle.segments(template)) {
                    if (!segment.isEmpty() || p.length() > 0) {
                        p.append('/').append(segment.startsWith("{") ? pick(random, "a", "b", "img", "42") : segment);
                    }
                }
                String path = p.length() == 0 ? "/" : p.toString();
                paths.add(random.nextInt(3) == 0 && !path.equals("/") ? path + "/" : path);
            }
        }
        for (int k = 0; k < 4; k++) {
            StringBuilder p = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {   // "//x" would be read as a host
                p.append('/').append(i == 0 ? pick(random, "a", "b", "img", "x") : pick(random, "a", "b", "img", ""));
            }
            paths.add(p.toString());
        }
        return List.copyOf(paths);
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /**
     * The rule of docs/http.md, written out plainly: try every template, keep those that match, and return the one
     * that is more specific than each other match.
     */
    static final class Oracle {

        static String route(List<String> templates, String path) {
            List<String> matches = templates.stream().filter(t -> matches(t, path)).toList();
            if (matches.isEmpty()) {
                return HttpServerMetrics.UNMATCHED;   // the handler answers 200: not a 404
            }
            List<String> winners = matches.stream()
                    .filter(t -> matches.stream().allMatch(other -> other.equals(t) || moreSpecific(t, other)))
                    .toList();
            assertEquals(1, winners.size(), "the rule picks one of " + matches + " for " + path);
            return winners.get(0);
        }

        /** Same number of segments after one trailing slash is dropped; literals equal; variables non-empty. */
        static boolean matches(String template, String path) {
            String[] t = segments(template);
            String[] p = segments(path);
            if (t.length != p.length) {
                return false;
            }
            for (int i = 0; i < t.length; i++) {
                boolean ok = t[i].startsWith("{") ? !p[i].isEmpty() : t[i].equals(p[i]);
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Segment by segment: at the first that differs, a literal beats a variable, and of two literals the one
         * first in alphabetical order comes first; when all shared segments are the same, fewer segments first.
         */
        static boolean moreSpecific(String a, String b) {
            String[] x = segments(a);
            String[] y = segments(b);
            for (int i = 0; i < Math.min(x.length, y.length); i++) {
                boolean vx = x[i].startsWith("{");
                boolean vy = y[i].startsWith("{");
                if (vx != vy) {
                    return vy;
                }
                if (!vx && !x[i].equals(y[i])) {
                    return x[i].compareTo(y[i]) < 0;
                }
            }
            return x.length < y.length;
        }

        /** "/a/b/" and "/a/b" are the segments "", "a", "b"; "/" stays "", "". */
        static String[] segments(String path) {
            String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return p.split("/", -1);
        }
    }
}
