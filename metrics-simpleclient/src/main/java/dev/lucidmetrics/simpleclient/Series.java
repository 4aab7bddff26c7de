package dev.lucidmetrics.simpleclient;

import dev.lucidmetrics.core.spi.GaugeSeries;
import dev.lucidmetrics.core.spi.HistogramSeries;
import dev.lucidmetrics.core.spi.SummarySeries;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import io.prometheus.client.Summary;

/** simpleclient's children as the API's series: each call goes straight to the child. */
final class Series {

    private Series() {
    }

    static GaugeSeries of(Gauge.Child child) {
        return new GaugeSeries() {
            @Override
            public void inc(double amount) {
                child.inc(amount);
            }

            @Override
            public void set(double value) {
                child.set(value);
            }

            @Override
            public double get() {
                return child.get();
            }
        };
    }

    static HistogramSeries of(Histogram.Child child) {
        return new HistogramSeries() {
            @Override
            public void observe(double value) {
                child.observe(value);
            }

            @Override
            public void observeWithExemplar(double value, String[] exemplarLabels) {
                child.observeWithExemplar(value, exemplarLabels);
            }

            @Override
            public long count() {
                double[] buckets = child.get().buckets;
                return (long) buckets[buckets.length - 1];
            }

            @Override
            public double sum() {
                return child.get().sum;
            }
        };
    }

    static SummarySeries of(Summary.Child child) {
        return new SummarySeries() {
            @Override
            public void observe(double value) {
                child.observe(value);
            }

            @Override
            public long count() {
                return (long) child.get().count;
            }

            @Override
            public double sum() {
                return child.get().sum;
            }
        };
    }
}
