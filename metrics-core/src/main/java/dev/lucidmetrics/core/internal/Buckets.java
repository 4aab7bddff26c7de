package dev.lucidmetrics.core.internal;

import java.util.Arrays;

/** The one rule for histogram bucket bounds: at least one, finite, strictly increasing. Internal. */
public final class Buckets {

    private Buckets() {
    }

    /**
     * A copy of {@code upperBounds} when they follow the rule, else an {@link IllegalArgumentException} quoting them.
     *
     * @param option the builder call, such as {@code "buckets"} or {@code "durationBuckets"}
     * @param metric the metric the buckets are for, named in the message
     */
    public static double[] check(String option, String metric, double[] upperBounds) {
        boolean ok = upperBounds != null && upperBounds.length > 0;
        for (int i = 0; ok && i < upperBounds.length; i++) {
            ok = Double.isFinite(upperBounds[i]) && (i == 0 || upperBounds[i] > upperBounds[i - 1]);
        }
        if (!ok) {
            throw new IllegalArgumentException(option + "(" + (upperBounds == null ? "null"
                    : Arrays.toString(upperBounds).replaceAll("^\\[|]$", "")) + ") of \"" + metric + "\" is illegal:"
                    + " pass at least one finite bound, strictly increasing, such as " + option + "(0.05, 0.1, 0.5, 1,"
                    + " 5); +Inf is added for you.");
        }
        return upperBounds.clone();
    }
}
