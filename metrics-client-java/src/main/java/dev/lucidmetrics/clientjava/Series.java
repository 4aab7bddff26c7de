package dev.lucidmetrics.clientjava;

import dev.lucidmetrics.core.spi.GaugeSeries;
import dev.lucidmetrics.core.spi.SummarySeries;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;

/** client_java's data points as the API's series: each call goes straight to the data point. */
final class Series {

    private Series() {
    }

    static GaugeSeries of(GaugeDataPoint point) {
        return new GaugeSeries() {
            @Override
            public void inc(double amount) {
                point.inc(amount);
            }

            @Override
            public void set(double value) {
                point.set(value);
            }

            @Override
            public double get() {
                return point.get();
            }
        };
    }

    static SummarySeries summary(DistributionDataPoint point) {
        return new SummarySeries() {
            @Override
            public void observe(double value) {
                point.observe(value);
            }

            @Override
            public long count() {
                return point.getCount();
            }

            @Override
            public double sum() {
                return point.getSum();
            }
        };
    }
}
