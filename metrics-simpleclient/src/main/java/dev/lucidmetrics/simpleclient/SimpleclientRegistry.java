package dev.lucidmetrics.simpleclient;

import dev.lucidmetrics.core.model.MetricSnapshots;
import dev.lucidmetrics.core.spi.Backend;
import dev.lucidmetrics.core.spi.BackendRegistry;
import dev.lucidmetrics.core.spi.CallbackSource;
import dev.lucidmetrics.core.spi.CounterSeries;
import dev.lucidmetrics.core.spi.ExpositionFormat;
import dev.lucidmetrics.core.spi.FamilySpec;
import dev.lucidmetrics.core.spi.GaugeSeries;
import dev.lucidmetrics.core.spi.HistogramSeries;
import dev.lucidmetrics.core.spi.HistogramSpec;
import dev.lucidmetrics.core.spi.InfoSeries;
import dev.lucidmetrics.core.spi.JvmOptions;
import dev.lucidmetrics.core.spi.PushTarget;
import dev.lucidmetrics.core.spi.Quantile;
import dev.lucidmetrics.core.spi.ScrapeOptions;
import dev.lucidmetrics.core.spi.SeriesFamily;
import dev.lucidmetrics.core.spi.SeriesSource;
import dev.lucidmetrics.core.spi.SummarySeries;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import io.prometheus.client.Summary;
import io.prometheus.client.exemplars.ExemplarConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Supplier;

/** A simpleclient {@link CollectorRegistry} behind the API: families, exposition, JVM metrics and the push. */
final class SimpleclientRegistry implements BackendRegistry {

    private final Backend backend;
    private final CollectorRegistry registry;

    SimpleclientRegistry(Backend backend, CollectorRegistry registry) {
        this.backend = backend;
        this.registry = registry;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    /**
     * Our own counter storage (simpleclient's would look up a {@code ThreadLocal} per increment). Sampled exemplars
     * come from simpleclient's sampler, which finds a trace only when OpenTelemetry is on the class path; without
     * it none is asked for, since sampling on every call costs several times the increment.
     */
    @Override
    public Supplier<CounterSeries> counter(FamilySpec family, boolean sampledExemplars,
            SeriesSource<CounterSeries> source) {
        CounterCollector collector = new CounterCollector(family, sampledExemplars
                && ExemplarConfig.isExemplarsEnabled() ? ExemplarConfig.getCounterExemplarSampler() : null, source);
        collector.register(registry);
        return collector;
    }

    @Override
    public SeriesFamily<GaugeSeries> gauge(FamilySpec family) {
        Gauge gauge = Gauge.build().name(family.name()).help(family.help()).labelNames(family.labelNameArray())
                .register(registry);
        return new ChildFamily<>(gauge, Series::of);
    }

    @Override
    public SeriesFamily<HistogramSeries> histogram(FamilySpec family, HistogramSpec histogram) {
        String refusal = backend().refusal(histogram.kind());
        if (refusal != null) {   // the API refuses it first; a backend never counts what it cannot expose
            throw new IllegalArgumentException("Histogram \"" + family.name() + "\": " + refusal);
        }
        Histogram.Builder b = Histogram.build().name(family.name()).help(family.help())
                .labelNames(family.labelNameArray()).buckets(histogram.buckets());
        Histogram collector = (histogram.sampledExemplars() ? b.withExemplars() : b.withoutExemplars())
                .register(registry);
        return new ChildFamily<>(collector, Series::of);
    }

    @Override
    public SeriesFamily<SummarySeries> summary(FamilySpec family, List<Quantile> quantiles) {
        Summary.Builder b = Summary.build().name(family.name()).help(family.help())
                .labelNames(family.labelNameArray());
        for (Quantile q : quantiles) {
            b.quantile(q.quantile(), q.error());
        }
        return new ChildFamily<>(b.register(registry), Series::of);
    }

    @Override
    public InfoSeries info(FamilySpec family) {
        return new InfoGauge(Gauge.build().name(family.name()).help(family.help())
                .labelNames(family.labelNameArray()).register(registry));
    }

    @Override
    public void callback(FamilySpec family, CallbackSource source) {
        new CallbackCollector(family, source).register(registry);
    }

    @Override
    public boolean registerJvmMetrics(JvmOptions options) {
        return HotspotExports.registerOnce(registry, options.deadlockDetection());
    }

    @Override
    public void scrape(ExpositionFormat format, ScrapeOptions options, OutputStream out) throws IOException {
        Families.write(registry, format, options, out);
    }

    @Override
    public MetricSnapshots snapshot() {
        return Families.snapshot(registry);
    }

    @Override
    public void pushAdd(PushTarget target) throws IOException {
        Push.pushAdd(registry, target);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (!type.isInstance(registry)) {
            throw new IllegalArgumentException("unwrap(" + type.getName() + ") asks for a registry this app does not"
                    + " have: it runs on the " + backend.name() + " backend (" + backend.artifact() + "), whose"
                    + " registry is " + CollectorRegistry.class.getName() + ".");
        }
        return type.cast(registry);
    }
}
