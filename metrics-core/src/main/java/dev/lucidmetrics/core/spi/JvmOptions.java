package dev.lucidmetrics.core.spi;

/** Which JVM families to collect: {@code deadlockDetection} adds {@code jvm_threads_deadlocked*}. */
public record JvmOptions(boolean deadlockDetection) {
}
