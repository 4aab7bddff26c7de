package dev.lucidmetrics.core.http;

import java.util.Arrays;

/** Checks histogram bucket bounds where a builder receives them, with the same rule the histogram applies. */
final class Buckets {

    private Buckets() {
    }

    static double[] check(String option, double[] upperBounds) {
        boolean ok = upperBounds != null && upperBounds.length > 0;
        for (int i = 0; ok && i < upperBounds.length; i++) {
            ok = Double.isFinite(upperBounds[i]) && upperBounds[i] > 0
                    && (i == 0 || upperBounds[i] > upperBounds[i - 1]);
        }
        if (!ok) {
            throw new IllegalArgumentException(option + "(" + Arrays.toString(upperBounds) + ") is illegal: pass at"
                    + " least one positive, finite, strictly increasing bound in seconds, such as " + option
                    + "(0.05, 0.1, 0.5, 1, 5); +Inf is added for you.");
        }
        return upperBounds.clone();
    }
}
