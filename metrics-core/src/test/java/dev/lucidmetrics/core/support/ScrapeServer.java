package dev.lucidmetrics.core.support;

import com.sun.net.httpserver.HttpServer;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.exposition.MetricsHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;

/** An app's metrics served by a real {@link MetricsHandler} on a loopback port, for tests that scrape for real. */
public final class ScrapeServer implements AutoCloseable {

    /**
     * The Accept header of Prometheus 2.42 run with {@code --enable-feature=native-histograms}: protobuf first
     * (recorded from a real 2.42 by metrics-client-java's RealPrometheusNativeTest, which checks it stays so).
     */
    public static final String PROMETHEUS_2_42_NATIVE_ACCEPT = "application/vnd.google.protobuf;"
            + "proto=io.prometheus.client.MetricFamily;encoding=delimited,application/openmetrics-text;version=1.0.0;"
            + "q=0.8,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    /** The Accept header Prometheus 2.42 sends (measured). */
    public static final String PROMETHEUS_2_42_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private final HttpServer server;

    private ScrapeServer(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code handler} (mounted with its health path) until closed. */
    public static ScrapeServer serving(MetricsHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            handler.mount(server);
            server.start();
            return new ScrapeServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code app}'s metrics at {@code /metrics}. */
    public static ScrapeServer serving(AppMetrics app) {
        return serving(MetricsHandler.builder(app).build());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code GET pathAndQuery} with the given headers. */
    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        return TestHttp.get(port(), pathAndQuery, headers);
    }

    /** One scrape of {@code /metrics} in the Prometheus text format; fails unless it answers 200. */
    public String text() {
        return ok(get("/metrics"));
    }

    /** One scrape of {@code /metrics} as Prometheus 2.42 asks for it (OpenMetrics); fails unless it answers 200. */
    public String openMetrics() {
        return ok(get("/metrics", "Accept", PROMETHEUS_2_42_ACCEPT));
    }

    private static String ok(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new AssertionError("scrape answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
