/**
 * Logback and Log4j2 appenders counting log events into {@code <ns>_log_events_total{level}}, by the level set of
 * {@link dev.lucidmetrics.core.logging.LogLevel}: {@link dev.lucidmetrics.logging.LogbackEventCounter},
 * {@link dev.lucidmetrics.logging.Log4j2EventCounter}.
 */
package dev.lucidmetrics.logging;
