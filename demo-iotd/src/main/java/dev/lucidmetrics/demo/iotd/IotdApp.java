package dev.lucidmetrics.demo.iotd;

import com.sun.net.httpserver.HttpExchange;
import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.http.HttpClientMetrics;
import dev.lucidmetrics.core.jvm.JvmMetrics;
import dev.lucidmetrics.demo.support.DemoMetricsConfig;
import dev.lucidmetrics.demo.support.DemoServer;
import dev.lucidmetrics.demo.support.Responses;
import dev.lucidmetrics.demo.support.Router;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The image-of-the-day service: {@code GET /image}, the bundled images at {@code /images/{id}}, {@code /health} and
 * metrics at {@code /actuator/prometheus} (the path the seeds' Prometheus job scrapes).
 */
final class IotdApp {

    static final String METRICS_PATH = "/actuator/prometheus";

    private final AppMetrics metrics;
    private final Catalogue catalogue;
    private final ImageService images;
    private final DemoServer server;
    private final URI publicBase;

    private IotdApp(EnvConfig env, Clock clock, ExecutorService executor) {
        IotdConfig config = IotdConfig.from(env);
        DemoServer.Builder serverBuilder = DemoServer.builder("iotd").settings(env, IotdConfig.DEFAULT_PORT);
        MetricsConfig metricsConfig = DemoMetricsConfig.from(env)
                .orElse(MetricsConfig.builder().path(METRICS_PATH).build());
        this.metrics = AppMetrics.builder("iotd_api").config(metricsConfig).versionFrom(Main.class).build();
        JvmMetrics.builder().config(metricsConfig).register(metrics);
        this.catalogue = Catalogue.bundled();
        Optional<ApodSource> apod = Optional.ofNullable(config.apodKey()).map(key -> new ApodSource(
                HttpClientMetrics.builder(metrics).register().wrap(HttpClient.newBuilder()
                        .connectTimeout(config.apodTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build()),
                config.apodUrl(), key, config.apodTimeout()));
        this.images = new ImageService(metrics, catalogue, apod, config, clock, this::publicBase);
        Router router = new Router()
                .on("GET", "/image", ex -> Responses.json(ex, 200, images.current()))
                .on("GET", "/images/{id}", this::imageFile);
        this.server = serverBuilder.executor(executor).router(router, metrics)
                .metrics(metrics, metricsConfig).start();
        this.publicBase = config.publicBaseUrl() != null ? config.publicBaseUrl()
                : URI.create("http://localhost:" + server.port());
    }

    /** Starts the app with settings from {@code env}; invalid settings throw, naming the variable. */
    static IotdApp start(EnvConfig env) {
        return new IotdApp(env, Clock.systemUTC(), null);
    }

    /** Test seam: a clock for cache expiry and rotation, and the executor that runs handlers. */
    static IotdApp start(EnvConfig env, Clock clock, ExecutorService executor) {
        return new IotdApp(env, clock, executor);
    }

    private void imageFile(HttpExchange ex) throws IOException {
        byte[] svg = catalogue.file(Router.param(ex, "id"));
        if (svg == null) {
            Responses.error(ex, 404, "No such image in the catalogue.");
            return;
        }
        ex.getResponseHeaders().set("Cache-Control", "public, max-age=86400");
        Responses.bytes(ex, 200, "image/svg+xml", svg);
    }

    URI publicBase() {
        return publicBase;
    }

    AppMetrics metrics() {
        return metrics;
    }

    DemoServer server() {
        return server;
    }

    /** Stops gracefully: what the SIGTERM hook calls. */
    void stop() {
        server.stop();
    }
}
