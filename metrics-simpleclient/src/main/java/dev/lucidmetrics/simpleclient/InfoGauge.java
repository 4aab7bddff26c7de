package dev.lucidmetrics.simpleclient;

import dev.lucidmetrics.core.spi.InfoSeries;
import io.prometheus.client.Gauge;

/** An info family on simpleclient: a gauge of value 1 whose one series carries the facts. */
final class InfoGauge implements InfoSeries {

    private final Gauge gauge;
    private String[] current;

    InfoGauge(Gauge gauge) {
        this.gauge = gauge;
    }

    @Override
    public synchronized void set(String[] labelValues) {
        if (current != null) {
            gauge.remove(current);
        }
        gauge.labels(labelValues).set(1);
        current = labelValues.clone();
    }
}
