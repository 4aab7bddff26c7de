package dev.lucidmetrics.demo.accesslog;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.config.EnvConfig;
import dev.lucidmetrics.core.config.MetricsConfig;
import dev.lucidmetrics.core.jvm.JvmMetrics;
import dev.lucidmetrics.demo.support.DemoMetricsConfig;
import dev.lucidmetrics.demo.support.DemoServer;
import dev.lucidmetrics.demo.support.Router;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

/** The access-log service: {@code POST /access-log}, {@code GET /stats}, {@code /health}, metrics at {@code /metrics}. */
final class AccessLogApp {

    private final AppMetrics metrics;
    private final AccessLog log;
    private final DemoServer server;

    private AccessLogApp(EnvConfig env, Clock clock, ExecutorService executor, PrintStream out) {
        AccessLogConfig config = AccessLogConfig.from(env);
        DemoServer.Builder serverBuilder = DemoServer.builder("accesslog").settings(env, AccessLogConfig.DEFAULT_PORT);
        MetricsConfig metricsConfig = DemoMetricsConfig.from(env);
        this.metrics = AppMetrics.builder("access").config(metricsConfig).versionFrom(Main.class).build();
        JvmMetrics.builder().config(metricsConfig).register(metrics);
        this.log = new AccessLog(metrics, config, clock, out);
        Router router = new Router()
                .on("POST", "/access-log", log::post)
                .on("GET", "/stats", log::stats);
        this.server = serverBuilder.executor(executor).router(router, metrics)
                .metrics(metrics, metricsConfig).start();
    }

    /** Starts the app with settings from {@code env}, logging entries to stdout; invalid settings throw. */
    static AccessLogApp start(EnvConfig env) {
        return new AccessLogApp(env, Clock.systemUTC(), null, System.out);
    }

    /** Test seam: a clock for the IP window, the executor that runs handlers, where entries are written. */
    static AccessLogApp start(EnvConfig env, Clock clock, ExecutorService executor, PrintStream out) {
        return new AccessLogApp(env, clock, executor, out);
    }

    AppMetrics metrics() {
        return metrics;
    }

    AccessLog log() {
        return log;
    }

    DemoServer server() {
        return server;
    }

    /** Stops gracefully: what the SIGTERM hook calls. */
    void stop() {
        server.stop();
    }
}
