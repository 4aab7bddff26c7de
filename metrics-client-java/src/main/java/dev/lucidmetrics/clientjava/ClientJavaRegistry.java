package dev.lucidmetrics.clientjava;

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
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Supplier;

/** A client_java {@link PrometheusRegistry} behind the API: families, exposition, JVM metrics and the push. */
final class ClientJavaRegistry implements BackendRegistry {

    private final Backend backend;
    private final PrometheusRegistry registry;

    ClientJavaRegistry(Backend backend, PrometheusRegistry registry) {
        this.backend = backend;
        this.registry = registry;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    /** Our own counter storage, as on simpleclient: explicit exemplars are kept as given, never rate-limited. */
    @Override
    public Supplier<CounterSeries> counter(FamilySpec family, boolean sampledExemplars,
            SeriesSource<CounterSeries> source) {
        return register(new CounterFamily(family, sampledExemplars, source));
    }

    @Override
    public SeriesFamily<GaugeSeries> gauge(FamilySpec family) {
        Gauge gauge = Gauge.builder().name(family.name()).help(family.help()).labelNames(family.labelNameArray())
                .withoutExemplars().build();
        register(gauge);
        return new MetricFamily<>(gauge::labelValues, gauge::remove, gauge::clear, Series::of);
    }

    @Override
    public SeriesFamily<HistogramSeries> histogram(FamilySpec family, HistogramSpec histogram) {
        return register(new HistogramFamily(family, histogram));
    }

    @Override
    public SeriesFamily<SummarySeries> summary(FamilySpec family, List<Quantile> quantiles) {
        Summary.Builder b = Summary.builder().name(family.name()).help(family.help())
                .labelNames(family.labelNameArray()).withoutExemplars();
        for (Quantile q : quantiles) {
            b.quantile(q.quantile(), q.error());
        }
        Summary summary = b.build();
        register(summary);
        return new MetricFamily<>(summary::labelValues, summary::remove, summary::clear, Series::summary);
    }

    @Override
    public InfoSeries info(FamilySpec family) {
        return register(new InfoFamily(family));
    }

    @Override
    public void callback(FamilySpec family, CallbackSource source) {
        register(new CallbackFamily(family, source));
    }

    @Override
    public boolean registerJvmMetrics(JvmOptions options) {
        return JvmCollectors.registerOnce(registry, options.deadlockDetection());
    }

    @Override
    public void scrape(ExpositionFormat format, ScrapeOptions options, OutputStream out) throws IOException {
        Snapshots.write(registry, format, options, out);
    }

    @Override
    public MetricSnapshots snapshot() {
        return Snapshots.read(registry);
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
                    + " registry is " + PrometheusRegistry.class.getName() + ".");
        }
        return type.cast(registry);
    }

    /** Registers {@code collector}; a name taken around the API is refused as the SPI says, in client_java's words. */
    private <C extends Collector> C register(C collector) {
        try {
            registry.register(collector);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return collector;
    }
}
