package dev.lucidmetrics.bench;

import io.prometheus.client.Collector;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bench-only prototype of counter and gauge storage on the JDK's own primitives behind a simpleclient
 * {@link Collector}, so the registry and the text format stay simpleclient's: a counter series is a
 * {@link LongAdder} for whole increments plus a {@link DoubleAdder} created on the first fractional one; a gauge
 * series is the bits of its double in one volatile long, changed by compare-and-set (an adder cannot {@code set}).
 * Not the library: it exists so {@code AdderBenchmark} and {@code HeapPerSeries} can measure what that design would
 * cost before anyone builds it. Series live in one map keyed by the label values, as in simpleclient.
 */
final class AdderStorage extends Collector {
    private final String name;
    private final String help;
    private final Type type;
    private final List<String> labelNames;
    private final Map<List<String>, Object> series = new ConcurrentHashMap<>();

    private AdderStorage(String name, String help, Type type, String... labelNames) {
        this.name = name;
        this.help = help;
        this.type = type;
        this.labelNames = List.of(labelNames);
    }

    static AdderStorage counter(String name, String help, String... labelNames) {
        return new AdderStorage(name, help, Type.COUNTER, labelNames);
    }

    static AdderStorage gauge(String name, String help, String... labelNames) {
        return new AdderStorage(name, help, Type.GAUGE, labelNames);
    }

    CounterSeries counterSeries(String... values) {
        return (CounterSeries) series.computeIfAbsent(List.of(values), k -> new CounterSeries());
    }

    GaugeSeries gaugeSeries(String... values) {
        return (GaugeSeries) series.computeIfAbsent(List.of(values), k -> new GaugeSeries());
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples.Sample> samples = new ArrayList<>(series.size());
        String sampleName = type == Type.COUNTER ? name + "_total" : name;
        series.forEach((values, s) -> samples.add(new MetricFamilySamples.Sample(sampleName, labelNames, values,
                s instanceof CounterSeries c ? c.get() : ((GaugeSeries) s).get())));
        return List.of(new MetricFamilySamples(name, type, help, samples));
    }

    /** One counter series: whole increments on a LongAdder, fractional ones on a DoubleAdder made when needed. */
    static final class CounterSeries {
        private static final VarHandle FRACTIONS = handle(CounterSeries.class, "fractions", DoubleAdder.class);
        private final LongAdder whole = new LongAdder();
        @SuppressWarnings("unused") // through FRACTIONS
        private volatile DoubleAdder fractions;

        void inc() {
            whole.increment();
        }

        void inc(double amount) {
            long asLong = (long) amount;
            if (asLong == amount) {
                whole.add(asLong);
            } else {
                fractions().add(amount);
            }
        }

        double get() {
            DoubleAdder f = fractions;
            return whole.sum() + (f == null ? 0 : f.sum());
        }

        private DoubleAdder fractions() {
            DoubleAdder f = fractions;
            if (f == null) {
                FRACTIONS.compareAndSet(this, null, new DoubleAdder());
                f = fractions;
            }
            return f;
        }
    }

    /** One gauge series: the double's bits in a volatile long; set writes, inc/dec compare-and-set. */
    static final class GaugeSeries {
        private static final VarHandle BITS = handle(GaugeSeries.class, "bits", long.class);
        @SuppressWarnings("unused") // through BITS
        private volatile long bits;

        void set(double value) {
            bits = Double.doubleToRawLongBits(value);
        }

        void inc(double amount) {
            long old;
            do {
                old = bits;
            } while (!BITS.weakCompareAndSet(this, old, Double.doubleToRawLongBits(Double.longBitsToDouble(old)
                    + amount)));
        }

        double get() {
            return Double.longBitsToDouble(bits);
        }
    }

    private static VarHandle handle(Class<?> owner, String field, Class<?> type) {
        try {
            return MethodHandles.lookup().findVarHandle(owner, field, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
