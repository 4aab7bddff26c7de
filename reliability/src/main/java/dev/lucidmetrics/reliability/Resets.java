package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether any counter Prometheus stored went backwards: {@code resets()} over every sample of every counter-like
 * series (counters, and the _bucket/_count/_sum of histograms and summaries, as the metadata types them) in a
 * window of a job's targets. One query per series name: {@code resets()} drops the name, so one query over several
 * names would give series with equal labels, which Prometheus refuses.
 */
final class Resets {

    private final PromApi prometheus;
    private final List<String> names;

    private Resets(PromApi prometheus, List<String> names) {
        this.prometheus = prometheus;
        this.names = names;
    }

    static Resets of(PromApi prometheus) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> e : prometheus.metadataTypes().entrySet()) {
            String n = e.getKey();
            switch (e.getValue()) {
                case "counter": names.add(n); names.add(n + "_total"); break;
                case "histogram": names.add(n + "_bucket"); names.add(n + "_count"); names.add(n + "_sum"); break;
                case "summary": names.add(n + "_count"); names.add(n + "_sum"); break;
                default: break;
            }
        }
        return new Resets(prometheus, names);
    }

    /** Series of {@code jobs} (a regex) with a reset between {@code from} and {@code to} (epoch seconds). */
    List<String> within(String jobs, double from, double to) throws IOException, InterruptedException {
        long window = Math.max(1, (long) Math.floor(to - from));
        List<String> found = new ArrayList<>();
        for (String name : names) {
            for (PromApi.Result r : prometheus.query("resets({__name__=\"" + name + "\",job=~\"" + jobs + "\"}["
                    + window + "s]) > 0", to)) {
                found.add(name + r.metric() + " " + Math.round(r.value()));
            }
        }
        return found;
    }

    /** How many counter-like series of {@code jobs} (a regex) have samples between {@code from} and {@code to}. */
    long series(String jobs, double from, double to) throws IOException, InterruptedException {
        long window = Math.max(1, (long) Math.floor(to - from));
        long n = 0;
        for (String name : names) {
            List<PromApi.Result> r = prometheus.query("count(count_over_time({__name__=\"" + name + "\",job=~\""
                    + jobs + "\"}[" + window + "s]))", to);
            n += r.isEmpty() ? 0 : Math.round(r.get(0).value());
        }
        return n;
    }
}
