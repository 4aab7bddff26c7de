package dev.lucidmetrics.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the reliability scenarios against the demo on local JVMs and writes the results (JSON) and, when asked, the
 * page. scripts/reliability is the way to call it; it passes every option:
 * <pre>
 * java -jar reliability.jar --form short --root . --work target/reliability --base-port 27010 --access-logs 3
 *     --java java --jvm-option -Xmx128m ... --prometheus-config target/reliability/prometheus.yml
 *     --results target/reliability/results.json [--page docs/reliability.md] [--scenarios load,shutdown]
 *     [--fuzz-results target/fuzz/results.json] [--command "scripts/reliability --short"] [--apps ../v0.2.0]
 *     [--notes reliability/notes.md]
 * java -jar reliability.jar --render docs/reliability.json --page docs/reliability.md [--notes reliability/notes.md]
 * </pre>
 * {@code --notes} appends a hand-written reading of the run to the page. {@code --render} writes the page of an
 * existing results file again, without running anything (when the notes or the page's wording change).
 * {@code --apps} runs the demo jars of another tree (an older release, to compare), sizing the hostile clients by
 * this tree's servers all the same.
 * Exit status: 0 when every goal was met, 1 when one was missed, 2 on a usage or start-up error.
 */
public final class Main {

    /** In the order they run: shutdown stops every app, so it comes last. */
    static final List<String> SCENARIOS = List.of("load", "cardinality", "dependencies", "hostile", "shutdown");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("reliability: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(o.render != null ? render(o) : run(o));
    }

    /** The page of an existing results file, and the notes; no scenario runs. */
    static int render(Options o) throws Exception {
        JsonNode results = new ObjectMapper().readTree(o.render.toFile());
        Files.writeString(o.page, page(results, o.notes));
        log("page " + o.page + " written from " + o.render);
        return 0;
    }

    private static String page(JsonNode results, Path notes) throws IOException {
        return notes == null ? Report.render(results) : Report.render(results, Files.readString(notes));
    }

    static int run(Options o) throws Exception {
        Settings settings = Settings.of(o.form);
        Topology.createWork(o.work);
        long start = System.nanoTime();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("form", o.form);
        results.put("command", o.command);
        results.put("started", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        results.put("machine", Machine.describe(o.java.get(0)));
        results.put("settings", settings);
        results.put("appJvmOptions", String.join(" ", o.java.subList(1, o.java.size())));
        results.put("shutdownGraceSeconds", Topology.GRACE.toSeconds());
        List<ScenarioResult> done = new ArrayList<>();
        results.put("apps", o.apps == null ? null : o.apps.toString());
        results.put("headerTimeoutSeconds", Topology.HEADER_TIMEOUT.toSeconds());
        results.put("responseTimeoutSeconds", Topology.RESPONSE_TIMEOUT.toSeconds());
        Topology topology = new Topology(Topology.Ports.from(o.basePort, o.accessLogs), o.java,
                o.apps == null ? o.root : o.apps, o.work, o.prometheusConfig);
        Thread cleanup = new Thread(topology::close, "reliability-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            log("starting the demo (logs in " + o.work + ")");
            double runStart = System.currentTimeMillis() / 1000.0;
            topology.startAll();
            PromApi prometheus = new PromApi(topology.spec(Topology.PROMETHEUS).health().resolve("/"));
            for (String id : SCENARIOS) {
                if (o.scenarios.contains(id)) {
                    log("scenario " + id);
                    ScenarioResult r = scenario(id, topology, settings, prometheus, runStart, o.root);
                    r.goals.forEach(g -> log((g.met() ? "  met    " : "  MISSED ") + g.goal() + ": " + g.measured()));
                    done.add(r);
                }
            }
        } finally {
            topology.close();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        results.put("seconds", Math.round((System.nanoTime() - start) / 1e9));
        results.put("scenarios", done.stream().map(ScenarioResult::toMap).toList());
        results.put("fuzzing", Fuzzing.read(o.fuzzResults, o.root));
        long met = done.stream().mapToLong(r -> r.goals.size() - r.missed()).sum();
        long missed = done.stream().mapToLong(ScenarioResult::missed).sum();
        results.put("goals", Map.of("met", met, "missed", missed));
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.createDirectories(o.results.toAbsolutePath().getParent());
        json.writeValue(o.results.toFile(), results);
        if (o.page != null) {
            Files.writeString(o.page, page(json.readTree(o.results.toFile()), o.notes));
        }
        log(met + " goals met, " + missed + " missed; results in " + o.results
                + (o.page == null ? "" : ", page " + o.page));
        return missed == 0 ? 0 : 1;
    }

    private static ScenarioResult scenario(String id, Topology t, Settings s, PromApi p, double runStart, Path root)
            throws Exception {
        switch (id) {
            case "load":
                return new LoadScenario(t, s, p).run();
            case "cardinality":
                return new CardinalityScenario(t, s).run();
            case "dependencies":
                return new DependencyScenario(t, s, p, runStart).run();
            case "hostile":
                return new HostileScenario(t, s, p, root).run();
            case "shutdown":
                return new ShutdownScenario(t, s).run();
            default:
                throw new IllegalArgumentException("scenario \"" + id + "\" is unknown: use " + SCENARIOS);
        }
    }

    static void log(String line) {
        System.out.println("reliability: " + line);
    }

    /** The command line. */
    static final class Options {
        String form = "short";
        Path root = Path.of(".");
        Path apps;
        Path work = Path.of("target", "reliability");
        int basePort = 27010;
        int accessLogs = 3;
        List<String> java = new ArrayList<>();
        Path prometheusConfig;
        Path results;
        Path page;
        Path fuzzResults;
        Path notes;
        Path render;
        String command = "scripts/reliability";
        List<String> scenarios = SCENARIOS;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> jvm = new ArrayList<>();
            String javaCommand = "java";
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--form": o.form = v; Settings.of(v); break;
                    case "--root": o.root = Path.of(v); break;
                    case "--apps": o.apps = Path.of(v); break;
                    case "--work": o.work = Path.of(v); break;
                    case "--base-port": o.basePort = Integer.parseInt(v); break;
                    case "--access-logs": o.accessLogs = Integer.parseInt(v); break;
                    case "--java": javaCommand = v; break;
                    case "--jvm-option": jvm.add(v); break;
                    case "--prometheus-config": o.prometheusConfig = Path.of(v); break;
                    case "--results": o.results = Path.of(v); break;
                    case "--page": o.page = Path.of(v); break;
                    case "--fuzz-results": o.fuzzResults = Path.of(v); break;
                    case "--notes": o.notes = Path.of(v); break;
                    case "--render": o.render = Path.of(v); break;
                    case "--command": o.command = v; break;
                    case "--scenarios": o.scenarios = List.of(v.split(",")); break;
                    default: throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (o.notes != null && !Files.isRegularFile(o.notes)) {
                throw new IllegalArgumentException("--notes " + o.notes + " is not a file");
            }
            if (o.render != null) {
                if (!Files.isRegularFile(o.render)) {
                    throw new IllegalArgumentException("--render " + o.render + " is not a file: give the results"
                            + " file of a run, such as docs/reliability.json");
                }
                if (o.page == null) {
                    throw new IllegalArgumentException("--render " + o.render + " needs --page: where to write it");
                }
                return o;
            }
            if (o.prometheusConfig == null || o.results == null) {
                throw new IllegalArgumentException("--prometheus-config and --results are required");
            }
            if (o.basePort < 1024 || o.basePort + 80 > 65535) {
                throw new IllegalArgumentException("--base-port " + o.basePort + " is out of range: use 1024-65455");
            }
            if (o.accessLogs < 1 || o.accessLogs > 5) {
                throw new IllegalArgumentException("--access-logs " + o.accessLogs + ": use 1 to 5 replicas");
            }
            for (String s : o.scenarios) {
                if (!SCENARIOS.contains(s)) {
                    throw new IllegalArgumentException("scenario \"" + s + "\" is unknown: use " + SCENARIOS);
                }
            }
            o.java.add(javaCommand);
            o.java.addAll(jvm);
            return o;
        }
    }
}
