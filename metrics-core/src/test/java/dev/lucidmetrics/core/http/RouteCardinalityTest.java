package dev.lucidmetrics.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.internal.CardinalityGuard;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.LogCapture;
import dev.lucidmetrics.testing.MetricValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Random paths from the outside world never become route values beyond the cap and the sentinels. */
@CompatibilityKit
class RouteCardinalityTest {

    private static final String REQUESTS = "app_requests_total";
    private static final Set<String> SENTINELS = Set.of("NOT_FOUND", "UNMATCHED", "OVERFLOW");

    private static String randomPath(SplittableRandom random) {
        StringBuilder path = new StringBuilder();
        int depth = 1 + random.nextInt(4);
        for (int i = 0; i < depth; i++) {
            path.append('/').append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36), 0, 1 + random.nextInt(8));
        }
        return random.nextInt(10) == 0 ? path + "/" : path.toString();
    }

    /** Sends {@code count} requests from four client threads, path chosen by {@code pathFor(random)}. */
    private static void hammer(TestServer server, int count, java.util.function.Function<SplittableRandom, String> pathFor)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                SplittableRandom random = new SplittableRandom(42 + c);
                done.add(clients.submit(() -> {
                    for (int i = 0; i < count / 4; i++) {
                        server.get(pathFor.apply(random));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void tenThousandRandomPathsUnderTooManyContextsStayWithinTheCapPlusSentinels() throws Exception {
        AppMetrics app = AppMetrics.builder("app").build();
        MetricValues values = MetricValues.of(app);
        int cap = 5;
        try (TestServer server = new TestServer(); LogCapture log = new LogCapture(CardinalityGuard.class)) {
            HttpServerMetrics http = HttpServerMetrics.builder(app).maxRoutes(cap).register();
            http.instrument(server.context("/", TestServer.headersOnly(404)));
            for (int i = 0; i < 20; i++) {
                http.instrument(server.context("/c" + i, TestServer.headersOnly(200)));
            }
            hammer(server, 10_000, random -> random.nextBoolean() ? "/c" + random.nextInt(20) + randomPath(random)
                    : randomPath(random));
            TestServer.awaitAtLeast(10_000, () -> values.sum(REQUESTS), REQUESTS);

            List<String> routes = TestServer.countedValues(values, REQUESTS, "route");
            assertTrue(routes.size() <= cap + SENTINELS.size(), routes::toString);
            assertEquals(cap + 1, routes.size(), routes::toString);
            assertTrue(routes.contains("OVERFLOW"), routes::toString);
            for (String route : routes) {
                assertTrue(SENTINELS.contains(route) || route.equals("/") || route.matches("/c\\d+"), route);
            }
            assertEquals(1, log.warnings().size(), log.warnings()::toString);
            assertTrue(log.warnings().get(0).startsWith("More than 5 distinct route values of \"app_requests_total\""),
                    log.warnings().get(0));
        }
    }

    @Test
    void randomPathsUnderDeclaredTemplatesYieldOnlyTemplatesAndSentinels() throws Exception {
        AppMetrics app = AppMetrics.builder("app").build();
        MetricValues values = MetricValues.of(app);
        Set<String> templates = Set.of("/", "/{page}", "/images/{id}", "/users/{user}/albums/{album}");
        try (TestServer server = new TestServer()) {
            HttpServerMetrics.builder(app).routes(templates.toArray(new String[0])).register()
                    .instrument(server.context("/", exchange -> TestServer.headersOnly(
                            exchange.getRequestURI().getPath().length() % 2 == 0 ? 404 : 200).handle(exchange)));
            hammer(server, 2_000, RouteCardinalityTest::randomPath);
            TestServer.awaitAtLeast(2_000, () -> values.sum(REQUESTS), REQUESTS);
            for (String route : TestServer.countedValues(values, REQUESTS, "route")) {
                assertTrue(templates.contains(route) || SENTINELS.contains(route), route);
            }
            assertTrue(values.sum(REQUESTS, "route", "NOT_FOUND") > 0);
            assertTrue(values.sum(REQUESTS, "route", "UNMATCHED") > 0);
            assertTrue(values.sum(REQUESTS, "route", "/{page}") > 0);
        }
    }
}
