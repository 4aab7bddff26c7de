package dev.lucidmetrics.core.support;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.exposition.MetricsHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * An app's exposition as the public {@link MetricsHandler} writes it, without a socket: for tests that read the
 * text (promtool, golden files) on any backend.
 */
public final class Scrapes {

    /** The {@code Accept} header that asks for OpenMetrics 1.0.0. */
    public static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0";

    private Scrapes() {
    }

    /** Every family of {@code app} in the Prometheus text format 0.0.4. */
    public static String text(AppMetrics app) {
        return scrape(app, null, "");
    }

    /** Every family of {@code app} in OpenMetrics 1.0.0. */
    public static String openMetrics(AppMetrics app) {
        return scrape(app, OPENMETRICS, "");
    }

    /** The families {@code query} selects ({@code name[]=...&name[]=...}), in the text format. */
    public static String text(AppMetrics app, String query) {
        return scrape(app, null, "?" + query);
    }

    /**
     * {@code exposition} with the samples of each family in sorted order (comment lines stay where they are): for
     * golden texts of families with many series, whose order is the backend's.
     */
    public static String samplesSorted(String exposition) {
        StringBuilder out = new StringBuilder();
        java.util.List<String> run = new java.util.ArrayList<>();
        for (String line : (exposition + "#").split("\n", -1)) {
            if (line.startsWith("#")) {
                run.sort(null);
                run.forEach(sample -> out.append(sample).append('\n'));
                run.clear();
                out.append(line).append('\n');
            } else if (!line.isEmpty()) {
                run.add(line);
            }
        }
        return out.substring(0, out.length() - 2);
    }

    private static String scrape(AppMetrics app, String accept, String query) {
        InMemoryExchange exchange = new InMemoryExchange("GET", URI.create("/metrics" + query), "/metrics");
        if (accept != null) {
            exchange.getRequestHeaders().set("Accept", accept);
        }
        try {
            MetricsHandler.builder(app).build().handle(exchange);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (exchange.status() != 200) {
            throw new AssertionError("the scrape answered " + exchange.status() + ": " + new String(exchange.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return new String(exchange.body(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
