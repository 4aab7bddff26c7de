package dev.lucidmetrics.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The families of an app's registry at one instant, sorted by name: what the test kit reads values from and the
 * naming lint checks, on any backend.
 * <pre>{@code
 * for (SampleSnapshot s : app.snapshot().samples("shop_orders_total")) {
 *     System.out.println(s.labels() + " " + s.value());   // {payment=card} 1.0
 * }
 * }</pre>
 */
public final class MetricSnapshots implements Iterable<FamilySnapshot> {

    private final List<FamilySnapshot> families;

    private MetricSnapshots(List<FamilySnapshot> families) {
        this.families = families;
    }

    /** The given families, sorted by name. */
    public static MetricSnapshots of(List<FamilySnapshot> families) {
        List<FamilySnapshot> sorted = new ArrayList<>(families);
        sorted.sort(Comparator.comparing(FamilySnapshot::name));
        return new MetricSnapshots(List.copyOf(sorted));
    }

    /** Every family, sorted by name. */
    public List<FamilySnapshot> families() {
        return families;
    }

    /** Every sample named {@code sampleName} (such as {@code x_total} or {@code x_bucket}), of any family. */
    public List<SampleSnapshot> samples(String sampleName) {
        List<SampleSnapshot> found = new ArrayList<>();
        for (FamilySnapshot family : families) {
            for (SampleSnapshot sample : family.samples()) {
                if (sample.name().equals(sampleName)) {
                    found.add(sample);
                }
            }
        }
        return found;
    }

    @Override
    public Iterator<FamilySnapshot> iterator() {
        return families.iterator();
    }
}
