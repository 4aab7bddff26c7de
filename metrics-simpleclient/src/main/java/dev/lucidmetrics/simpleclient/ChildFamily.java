package dev.lucidmetrics.simpleclient;

import dev.lucidmetrics.core.spi.SeriesFamily;
import io.prometheus.client.SimpleCollector;
import java.util.function.Function;

/** The series of one of simpleclient's own collectors (gauge, histogram, summary), each in our series type. */
final class ChildFamily<X, S> implements SeriesFamily<S> {

    private final SimpleCollector<X> collector;
    private final Function<X, S> wrap;

    ChildFamily(SimpleCollector<X> collector, Function<X, S> wrap) {
        this.collector = collector;
        this.wrap = wrap;
    }

    @Override
    public S series(String[] labelValues) {
        return wrap.apply(collector.labels(labelValues));
    }

    @Override
    public void remove(String[] labelValues) {
        collector.remove(labelValues);
    }

    @Override
    public void clear() {
        collector.clear();
    }
}
