/**
 * Log-event counters: {@code <ns>_log_events_total{level}} with one level set for every logging library
 * ({@link dev.lucidmetrics.core.logging.LogLevel}), and the java.util.logging handler that counts into it
 * ({@link dev.lucidmetrics.core.logging.LogEventMetrics#julHandler()}). The Logback and Log4j2 appenders are in
 * the optional artifact {@code metrics-logging}.
 */
package dev.lucidmetrics.core.logging;
