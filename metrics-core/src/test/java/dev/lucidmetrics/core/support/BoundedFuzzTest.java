package dev.lucidmetrics.core.support;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * A Jazzer {@link FuzzTest} whose every input must be handled within one second. A normal build replays the inputs
 * kept under {@code src/test/resources/<package>/<Class>Inputs/<method>/} as ordinary tests, each under JUnit's
 * timeout; {@code scripts/fuzz} runs the fuzzer ({@code JAZZER_FUZZ=1}), where Jazzer turns the same bound into
 * libFuzzer's {@code -timeout}, so a slow or hanging input is a finding like a crash.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@FuzzTest
@Timeout(value = 1, unit = TimeUnit.SECONDS)
public @interface BoundedFuzzTest {
}
