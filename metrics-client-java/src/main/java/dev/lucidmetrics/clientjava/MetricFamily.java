package dev.lucidmetrics.clientjava;

import dev.lucidmetrics.core.spi.SeriesFamily;
import java.util.function.Consumer;
import java.util.function.Function;

/** The series of one of client_java's own metrics (gauge, summary), each data point in our series type. */
final class MetricFamily<P, S> implements SeriesFamily<S> {

    private final Function<String[], P> points;
    private final Consumer<String[]> remove;
    private final Runnable clear;
    private final Function<P, S> wrap;

    /** @param points {@code labelValues(...)} of the metric, which makes a data point on first use */
    MetricFamily(Function<String[], P> points, Consumer<String[]> remove, Runnable clear,
            Function<P, S> wrap) {
        this.points = points;
        this.remove = remove;
        this.clear = clear;
        this.wrap = wrap;
    }

    @Override
    public S series(String[] labelValues) {
        return wrap.apply(points.apply(labelValues));
    }

    @Override
    public void remove(String[] labelValues) {
        remove.accept(labelValues);
    }

    @Override
    public void clear() {
        clear.run();
    }
}
