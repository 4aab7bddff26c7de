package dev.lucidmetrics.core.http;

import dev.lucidmetrics.core.internal.CardinalityGuard;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps the client {@code target} label bounded. Names must look like logical service names ({@code iotd},
 * {@code access-log}), never URLs. With declared targets, any other name is a programming error; without, the
 * first {@code maxTargets} names are admitted and later ones collapse into {@value CardinalityGuard#OVERFLOW}.
 */
final class TargetNames {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private final Set<String> declared;
    private final CardinalityGuard guard;

    TargetNames(List<String> declared, int maxTargets, String familyName) {
        this.declared = Set.copyOf(declared);
        this.guard = new CardinalityGuard("target names of \"" + familyName + "\"", maxTargets);
    }

    /** Checks a name where the caller passes it: the message quotes it and shows a valid one. */
    static String check(String target) {
        if (target == null || !NAME.matcher(target).matches()) {
            throw new IllegalArgumentException("Target \"" + target + "\" is not a logical target name: use a short"
                    + " name such as \"iotd\" or \"access-log\" (lower-case letters, digits, '.', '_', '-'; at most"
                    + " 63 characters), never a URL or a value from a request.");
        }
        return target;
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
