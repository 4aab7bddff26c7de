package dev.lucidmetrics.simpleclient;

import dev.lucidmetrics.core.spi.CounterSeries;
import io.prometheus.client.exemplars.CounterExemplarSampler;
import io.prometheus.client.exemplars.Exemplar;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * One counter series: whole increments in the JDK's {@link LongAdder} and a {@link DoubleAdder} made on the first
 * fractional one, exposed by {@link CounterCollector}. Under contention the JDK's adders find a thread's cell
 * without simpleclient's {@code ThreadLocal} lookup.
 */
final class CounterStorage implements CounterSeries {

    private final CounterExemplarSampler sampler;
    private final LongAdder whole = new LongAdder();
    private volatile DoubleAdder fractions;
    private volatile Exemplar exemplar;
    private final long created = System.currentTimeMillis();

    /** @param sampler samples an exemplar on each increment; null when the family asked for none */
    CounterStorage(CounterExemplarSampler sampler) {
        this.sampler = sampler;
    }

    @Override
    public void inc() {
        whole.increment();
        if (sampler != null) {
            sample(1);
        }
    }

    @Override
    public void inc(double amount) {
        add(amount);
        if (sampler != null) {
            sample(amount);
        }
    }

    @Override
    public void incWithExemplar(double amount, String[] exemplarLabels) {
        Exemplar given = new Exemplar(amount, System.currentTimeMillis(), exemplarLabels);
        add(amount);
        exemplar = given;
    }

    @Override
    public double get() {
        DoubleAdder f = fractions;
        return whole.sum() + (f == null ? 0 : f.sum());
    }

    /** The latest exemplar, or null. */
    Exemplar exemplar() {
        return exemplar;
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

    private void sample(double amount) {
        Exemplar previous = exemplar;
        Exemplar next = sampler.sample(amount, previous);
        if (next != null && next != previous) {
            exemplar = next;   // a racing sample may win instead: either is a valid exemplar
        }
    }
}
