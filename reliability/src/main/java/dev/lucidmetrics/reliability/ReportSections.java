package dev.lucidmetrics.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The figures of each scenario as tables, for {@link Report}. */
final class ReportSections {

    private ReportSections() {
    }

    static void load(Report p, JsonNode f) {
        List<List<String>> rows = new ArrayList<>();
        for (String target : List.of("gallery", "accessLog")) {
            JsonNode t = f.path(target);
            JsonNode c = t.path("clients");
            JsonNode s = t.path("scrapes");
            rows.add(List.of(target.equals("gallery") ? "gallery GET /" : "access-log POST",
                    Report.number(c.path("requests")), Report.number(c.path("perSecond")),
                    latency(c), Report.counts(c.path("responsesByStatus")), Report.counts(c.path("failuresByKind")),
                    Report.counts(t.path("counterIncrease")), Report.counts(t.path("prometheusIncrease")),
                    Report.number(s.path("failedScrapes")) + " failed; fewest " + fewest(s.path("scrapesPerTarget"))
                            + " in " + s.path("windowSeconds").asLong() + " s; slowest "
                            + Report.number(s.path("slowestScrapeSeconds")) + " s"));
        }
        p.table(List.of("target", "requests", "per second", "p50 / p99 / max ms", "responses by status",
                "without a response", "counter increase (apps)", "counter increase (Prometheus)", "scrapes"), rows);
    }

    static void dependencies(Report p, JsonNode f) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode ph : f.path("phases")) {
            JsonNode t = ph.path("pages");
            rows.add(List.of(ph.path("phase").asText(), ph.path("fault").asText(), Report.number(t.path("requests")),
                    latency(t), Report.counts(t.path("responsesByStatus")) + " (" + Report.counts(t.path("byMarker"))
                            + ")", Report.counts(ph.path("clientCalls")),
                    ph.has("recoveryMs") ? Report.number(ph.path("recoveryMs")) + " ms" : "-"));
        }
        p.table(List.of("phase", "fault", "pages", "p50 / p99 / max ms", "pages by status (content)",
                "the gallery's client calls (target code: increase)", "recovery"), rows);
        p.line();
        p.line("Pages in a phase: requests begun between the fault and the end of the settle period after the"
                + " return. Counters checked for resets: " + Report.number(f.path("counterSeriesChecked"))
                + " series; with a reset: " + (f.path("counterResets").isEmpty() ? "none"
                : f.path("counterResets").toString()) + ".");
    }

    static void shutdown(Report p, JsonNode f) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode a : f.path("apps")) {
            String before = Report.counts(a.path("sentBeforeSignal"));
            String after = Report.counts(a.path("sentAfterSignal"));
            if (a.has("metricsPortScrapesBeforeSignal")) {
                before += "; metrics port: " + Report.counts(a.path("metricsPortScrapesBeforeSignal"));
                after += "; metrics port: " + Report.counts(a.path("metricsPortScrapesAfterSignal"));
            }
            rows.add(List.of(a.path("app").asText(), before, after, "exit " + Report.number(a.path("exitCode"))
                    + " after " + Report.number(a.path("exitSeconds")) + " s", "`" + a.path("stopLine").asText()
                    + "`"));
        }
        p.table(List.of("app", "sent before SIGTERM", "sent after SIGTERM", "process", "its last line"), rows);
    }

    static void cardinality(Report p, JsonNode f) {
        List<List<String>> rows = new ArrayList<>();
        for (String target : List.of("gallery", "accessLog", "iotd")) {
            JsonNode t = f.path("requests").path(target).path("tally");
            rows.add(List.of(target.equals("accessLog") ? "access-log" : target, Report.number(t.path("requests")),
                    Report.number(t.path("perSecond")), Report.counts(t.path("responsesByStatus")),
                    Report.counts(t.path("failuresByKind"))));
        }
        p.table(List.of("attacked", "requests", "per second", "responses by status", "without a response"), rows);
        p.line();
        rows = new ArrayList<>();
        for (JsonNode a : f.path("apps")) {
            rows.add(List.of(a.path("app").asText(), Report.number(a.path("seriesBefore")) + " -> "
                    + Report.number(a.path("seriesAfter")), a.path("largestFamily").asText() + " ("
                    + Report.number(a.path("largestFamilySeries")) + ")", Report.number(a.path("routeValues")),
                    Report.number(a.path("heapBeforeKiB")) + " -> " + Report.number(a.path("heapAfterKiB")) + " KiB",
                    Report.number(a.path("clientIpsRemembered"))));
        }
        p.table(List.of("app", "series", "largest family (series)", "route values", "heap after full GC",
                "client IPs remembered"), rows);
    }

    static void hostile(Report p, JsonNode f) {
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> counts = new ArrayList<>();
        List<String> servers = new ArrayList<>();
        for (JsonNode s : f.path("servers")) {
            JsonNode slow = s.path("slowHeads");
            JsonNode sc = s.path("scrapes");
            JsonNode prom = s.path("prometheusScrapes");
            rows.add(List.of(s.path("server").asText(), Report.number(s.path("slowClients")) + " (" + Report.number(
                    slow.path("opened")) + " opened, " + Report.number(slow.path("closedByServer")) + " closed by"
                    + " the server)", Report.number(s.path("scrapesWithin1s")) + " of " + Report.number(
                    sc.path("requests")) + "; " + latency(sc), Report.number(prom.path("up")) + " of "
                    + Report.number(prom.path("all")), Report.counts(s.path("appRequests").path("responsesByStatus"))
                    + "; p99 " + Report.number(s.path("appRequests").path("p99Ms")) + " ms",
                    held(s.path("stalledReaders")), held(s.path("idleConnections"))));
            JsonNode c = s.path("counts");
            counts.add(List.of(s.path("server").asText(), trio(c, "threads"), busy(c), trio(c, "fds")));
            servers.add(s.path("server").asText());
        }
        p.table(List.of("server", "slow clients held", "scrapes within 1 s (p50 / p99 / max ms)",
                "Prometheus: up", "the app's own requests", "stopped readers closed", "idle connections closed"),
                rows);
        p.line();
        List<List<String>> kinds = new ArrayList<>();
        for (java.util.Iterator<String> it = f.path("servers").path(0).path("hostileRequests").fieldNames();
                it.hasNext(); ) {
            String kind = it.next();
            List<String> row = new ArrayList<>(List.of(kind));
            f.path("servers").forEach(s -> row.add(Report.counts(s.path("hostileRequests").path(kind))));
            kinds.add(row);
        }
        List<String> headers = new ArrayList<>(List.of("hostile request"));
        headers.addAll(servers);
        p.table(headers, kinds);
        p.line();
        p.table(List.of("server", "threads before -> under attack -> after", "busy (not idle in a pool)",
                "file descriptors"), counts);
    }

    private static String held(JsonNode h) {
        return Report.number(h.path("closedByServer")) + " of " + Report.number(h.path("held"));
    }

    private static String trio(JsonNode c, String field) {
        return Report.number(c.path("before").path(field)) + " -> " + Report.number(c.path("during").path(field))
                + " -> " + Report.number(c.path("after").path(field));
    }

    private static String busy(JsonNode c) {
        return busyOf(c.path("before")) + " -> " + busyOf(c.path("during")) + " -> " + busyOf(c.path("after"));
    }

    private static long busyOf(JsonNode count) {
        return count.path("threads").asLong() - count.path("idleInPools").asLong();
    }

    static void fuzzing(Report p, JsonNode f) {
        String path = f.path("path").asText("target/fuzz/results.json");
        if (!"included".equals(f.path("status").asText())) {
            p.line("**Fuzzing: " + f.path("status").asText() + ".** It runs on demand (`scripts/fuzz`), never in this"
                    + " runner; its figures (executions and findings per target) appear here when `" + path
                    + "` exists. Its kept inputs are replayed as ordinary tests in every Maven build.");
            return;
        }
        JsonNode res = f.path("results");
        p.line("**Fuzzing: included** from `" + path + "` (`" + res.path("command").asText() + "`, generated "
                + res.path("generated").asText() + " at commit " + res.path("commit").asText() + ", Jazzer "
                + res.path("jazzer").asText() + "), not measured by this run:");
        p.line();
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode t : res.path("targets")) {
            rows.add(List.of(t.path("target").asText(), Report.number(t.path("executions")),
                    Report.number(t.path("seconds")), Report.number(t.path("corpus_files")), t.path("result").asText(),
                    t.path("findings").isEmpty() ? "none" : t.path("findings").toString()));
        }
        p.table(List.of("target", "executions", "seconds", "kept inputs", "result", "findings"), rows);
    }

    private static String latency(JsonNode t) {
        return Report.number(t.path("p50Ms")) + " / " + Report.number(t.path("p99Ms")) + " / "
                + Report.number(t.path("maxMs"));
    }

    private static String fewest(JsonNode perTarget) {
        long min = Long.MAX_VALUE;
        for (JsonNode n : perTarget) {
            min = Math.min(min, n.asLong());
        }
        return min == Long.MAX_VALUE ? "-" : Long.toString(min);
    }
}
