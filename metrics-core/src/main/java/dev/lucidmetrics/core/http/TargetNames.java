package dev.lucidmetrics.core.http;

import dev.lucidmetrics.core.internal.CardinalityGuard;
import dev.lucidmetrics.core.internal.Checks;
import java.util.List;
import java.util.Set;

/**
 * Keeps the client {@code target} label bounded. Names must look like logical service names ({@code iotd},
 * {@code access-log}), never URLs. With declared targets, any other name is a programming error; without, the
 * first {@code maxTargets} names are admitted and later ones collapse into {@value CardinalityGuard#OVERFLOW}.
 */
final class TargetNames {

    private final Set<String> declared;
    private final CardinalityGuard guard;

    TargetNames(List<String> declared, int maxTargets, String familyName) {
        this.declared = Set.copyOf(declared);
        this.guard = new CardinalityGuard("target names of \"" + familyName + "\"", maxTargets);
    }

    /** Checks a name where the caller passes it: the message quotes it and shows a valid one. */
    static String check(String target) {
        return Checks.logicalName("target", target, "\"iotd\" or \"access-log\"");
    }

    /** The label value for {@code target}; throws for a malformed or undeclared name. */
    String label(String target) {
        check(target);
        if (!declared.isEmpty()) {
            if (!declared.contains(target)) {
                throw new IllegalArgumentException("Target \"" + target + "\" is not declared; declared targets are "
                        + declared.stream().sorted().toList() + ". Add it with HttpClientMetrics.builder(app)"
                        + ".targets(...).");
            }
            return target;
        }
        return guard.admit(target) ? target : CardinalityGuard.OVERFLOW;
    }
}
