package dev.lucidmetrics.clientjava;

import dev.lucidmetrics.core.spi.CounterSeries;
import io.prometheus.metrics.core.exemplars.ExemplarSampler;
import io.prometheus.metrics.model.snapshots.Exemplar;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * One counter series: whole increments in a {@link LongAdder}, fractional ones in a {@link DoubleAdder} made on the
 * first one, as on the simpleclient backend. An explicit exemplar replaces the last one (client_java's own counter
 * would keep the first for 7 s and drop it after 70 s); sampled exemplars come from client_java's sampler, which
 * reads the current OpenTelemetry span.
 */
final class CounterStorage implements CounterSeries {

    private final ExemplarSampler sampler;
    private final LongAdder whole = new LongAdder();
    private final long created = System.currentTimeMillis();
    private volatile DoubleAdder fractions;
    private volatile Exemplar explicit;

    /** @param sampler samples an exemplar on each increment; null when the family asked for none */
    CounterStorage(ExemplarSampler sampler) {
        this.sampler = sampler;
    }

    @Override
    public void inc() {
        whole.increment();
        if (sampler != null) {
            sampler.observe(1);
        }
    }

    @Override
    public void inc(double amount) {
        add(amount);
        if (sampler != null) {
            sampler.observe(amount);
        }
    }

    @Override
    public void incWithExemplar(double amount, String[] exemplarLabels) {
        Exemplar given = Exemplar.builder().value(amount).labels(Labels.of(exemplarLabels))
                .timestampMillis(System.currentTimeMillis()).build();
        add(amount);
        explicit = given;
    }

    @Override
    public double get() {
        DoubleAdder f = fractions;
        return whole.sum() + (f == null ? 0 : f.sum());
    }

    /** The newest of the explicit and the sampled exemplar, or null. */
    Exemplar exemplar() {
        Exemplar newest = explicit;
        if (sampler != null) {
            for (Exemplar sampled : sampler.collect()) {
                if (newest == null || sampled.getTimestampMillis() > newest.getTimestampMillis()) {
                    newest = sampled;
                }
            }
        }
        return newest;
    }

    /** When the series was created, in milliseconds since the epoch (the {@code _created} sample). */
    long created() {
        return created;
    }

    private void add(double amount) {
        long asLong = (long) amount;
        if (asLong == amount) {
            whole.add(asLong);
        } else {
            fractions().add(amount);
        }
    }

    private DoubleAdder fractions() {
        DoubleAdder f = fractions;
        if (f == null) {
            synchronized (this) {
                f = fractions;
                if (f == null) {
                    f = new DoubleAdder();
                    fractions = f;
                }
            }
        }
        return f;
    }
}
