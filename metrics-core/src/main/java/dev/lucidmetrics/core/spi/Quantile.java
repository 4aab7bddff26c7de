package dev.lucidmetrics.core.spi;

/** A summary's streaming quantile and its allowed error, both strictly between 0 and 1 (checked by the API). */
public record Quantile(double quantile, double error) {
}
