package dev.lucidmetrics.core.exposition;

import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.naming.MetricNames;
import dev.lucidmetrics.core.spi.ScrapeOptions;
import java.util.Set;

/**
 * Which families one scrape serves: those named by {@code name[]} (every family when none is given), each whole,
 * without the {@code _created} samples unless asked for. A family is named by its exposed name ({@code x} for a
 * counter {@code x_total}), the name it is queried by ({@code x_total}, {@code x_info}), or the name of any of its
 * samples ({@code x_count}, {@code x_bucket}): simpleclient's own filter tests sample names only, so
 * {@code name[]=jvm_gc_collection_seconds} (a summary whose samples are {@code _count} and {@code _sum}) selected
 * nothing there.
 */
final class NameSelection implements ScrapeOptions {

    private final Set<String> names;
    private final boolean createdSeries;

    NameSelection(Set<String> names, boolean createdSeries) {
        this.names = Set.copyOf(names);
        this.createdSeries = createdSeries;
    }

    @Override
    public boolean includes(String familyName, MetricType type) {
        if (names.isEmpty() || names.contains(familyName) || names.contains(MetricNames.queriedName(familyName, type))) {
            return true;
        }
        for (String suffix : MetricNames.sampleSuffixes()) {
            if (names.contains(familyName + suffix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean createdSeries() {
        return createdSeries;
    }
}
