package dev.lucidmetrics.bench;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Counter;
import dev.lucidmetrics.core.Histogram;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The same four meters in each implementation the hot-path benchmarks compare: an unlabelled counter, a counter with
 * three labels and one cached child of it, and an unlabelled histogram with the library's default buckets. Each is
 * built the way its own documentation shows:
 * <ul>
 *   <li>{@code lucid}: the library;</li>
 *   <li>{@code raw}: simpleclient 0.16 (exemplars at their default);</li>
 *   <li>{@code micrometer}: Micrometer's Prometheus registry (the histogram a {@code DistributionSummary} whose SLO
 *       boundaries are the same buckets);</li>
 *   <li>{@code clientjava}: client_java 1.x ({@code prometheus-metrics-core}, exemplars at their default); its
 *       histogram is {@code classicOnly()} with the same buckets, so every implementation keeps the same series (the
 *       1.x default would add a native histogram on top).</li>
 * </ul>
 */
final class Meters {
    static final double[] BUCKETS = Histogram.defaultBuckets();

    final Counter lucidCounter;
    final Counter lucidLabelled;
    final Counter.Child lucidChild;
    final Histogram lucidHistogram;

    final io.prometheus.client.Counter rawCounter;
    final io.prometheus.client.Counter rawLabelled;
    final io.prometheus.client.Counter.Child rawChild;
    final io.prometheus.client.Histogram rawHistogram;

    final PrometheusMeterRegistry micrometer;
    final io.micrometer.core.instrument.Counter micrometerCounter;
    final io.micrometer.core.instrument.Counter micrometerChild;
    final DistributionSummary micrometerHistogram;

    final io.prometheus.metrics.core.metrics.Counter clientjavaCounter;
    final io.prometheus.metrics.core.metrics.Counter clientjavaLabelled;
    final CounterDataPoint clientjavaChild;
    final io.prometheus.metrics.core.metrics.Histogram clientjavaHistogram;

    Meters() {
        AppMetrics app = AppMetrics.builder("bench").backend("simpleclient").build();
        lucidCounter = app.counter("events_total").help("Events.").register();
        lucidLabelled = app.counter("requests_total").help("Requests.").labelNames("method", "route", "code")
                .register();
        lucidChild = lucidLabelled.labels("GET", "/image", "200");
        lucidHistogram = app.histogram("duration_seconds").help("Durations.").register();

        CollectorRegistry raw = new CollectorRegistry();
        rawCounter = io.prometheus.client.Counter.build("raw_events_total", "Events.").register(raw);
        rawLabelled = io.prometheus.client.Counter.build("raw_requests_total", "Requests.")
                .labelNames("method", "route", "code").register(raw);
        rawChild = rawLabelled.labels("GET", "/image", "200");
        rawHistogram = io.prometheus.client.Histogram.build("raw_duration_seconds", "Durations.").buckets(BUCKETS)
                .register(raw);

        micrometer = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        micrometerCounter = micrometer.counter("events");
        micrometerChild = micrometer.counter("requests", "method", "GET", "route", "/image", "code", "200");
        micrometerHistogram = DistributionSummary.builder("duration").baseUnit("seconds")
                .serviceLevelObjectives(BUCKETS).register(micrometer);

        PrometheusRegistry cj = new PrometheusRegistry();
        clientjavaCounter = io.prometheus.metrics.core.metrics.Counter.builder().name("cj_events_total")
                .help("Events.").register(cj);
        clientjavaLabelled = io.prometheus.metrics.core.metrics.Counter.builder().name("cj_requests_total")
                .help("Requests.").labelNames("method", "route", "code").register(cj);
        clientjavaChild = clientjavaLabelled.labelValues("GET", "/image", "200");
        clientjavaHistogram = io.prometheus.metrics.core.metrics.Histogram.builder().name("cj_duration_seconds")
                .help("Durations.").classicOnly().classicUpperBounds(BUCKETS).register(cj);
    }
}
