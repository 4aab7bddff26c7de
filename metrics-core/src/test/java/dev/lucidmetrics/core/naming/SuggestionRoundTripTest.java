package dev.lucidmetrics.core.naming;

import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.RawMetrics;
import dev.lucidmetrics.core.support.Scrapes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.naming.CorpusRegistration.Status;
import dev.lucidmetrics.core.naming.HostileNames.Name;
import dev.lucidmetrics.core.naming.RefusalKinds.Finding;
import dev.lucidmetrics.testing.Promtool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every name a refusal suggests is taken at its word: registered through the factory of the refused metric's type,
 * in an app of the same namespace, and the app's exposition run through promtool. The refusals are those of the
 * whole corpus and of {@link HostileNames}; namespace and label suggestions go the same way.
 */
@CompatibilityKit
class SuggestionRoundTripTest {

    /** One refusal: what was refused (a metric of {@code type}, a namespace, a label) and the message. */
    private record Refusal(String what, String namespace, String type, String message) {
    }

    @Test
    void everySuggestedNameIsAcceptedByTheLibraryAndByPromtool() {
        List<Refusal> refusals = new ArrayList<>(corpusRefusals());
        refusals.addAll(hostileRefusals());
        Map<String, AppMetrics> apps = new LinkedHashMap<>();   // one app per namespace (and per clash)
        Map<String, String> suggestedBy = new LinkedHashMap<>();   // suggested family name -> the refusal
        List<String> problems = new ArrayList<>();
        int suggestions = 0;
        for (Refusal refusal : refusals) {
            for (Finding finding : RefusalKinds.suggestions(refusal.message())) {
                suggestions++;
                String name = finding.suggestion();
                String because = refusal.what() + " (" + finding.kind() + ") suggests \"" + name + "\"";
                try {
                    if (finding.kind().startsWith("namespace")) {
                        AppMetrics app = AppMetrics.builder(name).build();
                        app.counter("requests_total").help("Requests.").register().inc();
                        apps.put(name + " (namespace)", app);
                        suggestedBy.put(name + "_requests_total", because);
                        suggestedBy.put(name + "_build_info", because);
                    } else if (finding.kind().startsWith("label")) {
                        inSomeApp(apps, refusal.namespace(), app -> app.gauge("labelled_" + name)
                                .help("A labelled gauge.").labelNames(name).register().labels("v").set(1));
                        suggestedBy.put(refusal.namespace() + "_labelled_" + name, because);
                    } else {
                        inSomeApp(apps, refusal.namespace(), app -> CorpusRegistration.declare(app,
                                new TextExposition.Family(name, refusal.type(), "Suggested.", List.of()), new String[0]));
                        suggestedBy.put(name, because);
                    }
                } catch (IllegalArgumentException e) {
                    if (!RefusalKinds.of(e.getMessage()).stream().allMatch(NamingCorpusTest::backendKind)) {
                        problems.add(because + ", which the library refuses: " + e.getMessage());
                    }   // else the backend's client cannot expose the suggestion (docs/backends.md), as it says
                }
            }
        }
        for (Map.Entry<String, AppMetrics> app : apps.entrySet()) {
            Promtool.Result result = Promtool.checkMetrics(Scrapes.text(app.getValue()));
            for (String line : result.output().lines().filter(l -> !l.isBlank()).toList()) {
                String family = line.split(" ", 2)[0];
                problems.add(suggestedBy.getOrDefault(family, app.getKey()) + ", which promtool flags: " + line);
            }
        }
        System.out.println("suggestion round trip: " + refusals.size() + " refusals, " + suggestions
                + " suggestions, " + apps.size() + " apps checked by promtool, " + problems.size() + " problems");
        assertEquals(List.of(), problems);
        assertTrue(suggestions >= 100, "only " + suggestions + " suggestions: the refusals below suggest too little");
    }

    @Test
    void everyHostileNamePromtoolFlagsIsRefused() {
        Set<String> flagged = new TreeSet<>();
        for (Name n : HostileNames.METRICS) {   // one registry each: raw names may clash with each other
            String raw = RawMetrics.get().textOfOneFamily(n.type(), n.name());
            if (raw == null || !Promtool.checkMetrics(raw).clean()) {
                flagged.add(n.name());   // null: the client itself cannot write the name, so neither may the API
            }
        }
        List<String> accepted = new ArrayList<>();
        for (Name n : HostileNames.METRICS) {
            if (flagged.contains(n.name()) && register(n) == null) {
                accepted.add(n.name());
            }
        }
        assertEquals(List.of(), accepted, "promtool flags these hostile names, the library accepts them");
        assertTrue(flagged.size() >= 40, "promtool flagged only " + flagged);
    }

    @Test
    void ordinaryWordsAreAcceptedAndPromtoolAgrees() {
        List<String> problems = new ArrayList<>();
        for (Name n : HostileNames.ACCEPTED) {
            String refused = register(n);
            if (refused != null && RefusalKinds.of(refused).stream().allMatch(NamingCorpusTest::backendKind)) {
                continue;   // a name the backend's client cannot expose (docs/backends.md), refused saying so
            }
            if (refused != null) {
                problems.add(n.name() + " is refused: " + refused);
                continue;
            }
            AppMetrics app = AppMetrics.builder(n.namespace()).build();
            CorpusRegistration.declare(app, new TextExposition.Family(n.name(), n.type(), "Ordinary.", List.of()),
                    new String[0]);
            Promtool.Result result = Promtool.checkMetrics(Scrapes.text(app));
            if (!result.clean()) {
                problems.add(n.name() + " is flagged by promtool: " + result.output());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theRegionTheProductAndThePlanKeepTheirMeaning() {
        assertEquals(List.of(new Finding("unit-word(us)", "shop_requests_useast_total")), suggestionsFor("counter",
                "shop_requests_us_east_total"));
        assertEquals(List.of(new Finding("unit-word(ms)", "shop_msteams_messages_total")), suggestionsFor("counter",
                "shop_ms_teams_messages_total"));
        assertEquals(List.of(new Finding("namespace-unit-word(b)", "planb")), RefusalKinds.suggestions(
                assertThrows(IllegalArgumentException.class, () -> AppMetrics.builder("plan_b")).getMessage()));
    }

    private static List<Finding> suggestionsFor(String type, String name) {
        return RefusalKinds.suggestions(register(new Name("shop", type, name)));
    }

    /** The refusal message of declaring {@code n} through the factories, or null when it is accepted. */
    private static String register(Name n) {
        try {
            AppMetrics app = AppMetrics.builder(n.namespace()).build();
            CorpusRegistration.declare(app, new TextExposition.Family(n.name(), n.type(), "Hostile.", List.of()),
                    new String[0]);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static List<Refusal> corpusRefusals() {
        List<Refusal> refusals = new ArrayList<>();
        for (Corpus.Source source : Corpus.sources().values()) {
            source.outcomes().stream().filter(o -> o.status() == Status.REFUSED).forEach(o -> refusals.add(
                    new Refusal(source.name() + " " + o.family().name(), o.family().name().split("_")[0],
                            o.family().type(), o.message())));
        }
        return refusals;
    }

    private static List<Refusal> hostileRefusals() {
        List<Refusal> refusals = new ArrayList<>();
        for (Name n : HostileNames.METRICS) {
            String message = register(n);
            if (message != null) {
                refusals.add(new Refusal(n.name(), n.namespace(), n.type(), message));
            }
        }
        for (String namespace : HostileNames.NAMESPACES) {
            refusals.add(new Refusal("namespace " + namespace, namespace, null, assertThrows(
                    IllegalArgumentException.class, () -> AppMetrics.builder(namespace)).getMessage()));
        }
        AppMetrics app = AppMetrics.builder("shop").build();
        for (String label : HostileNames.LABELS) {
            refusals.add(new Refusal("label " + label, "shop", "gauge", assertThrows(IllegalArgumentException.class,
                    () -> app.gauge("labelled").help("h").labelNames(label).register()).getMessage()));
        }
        return refusals;
    }

    /**
     * Registers in the first app of {@code namespace} where the name does not clash with another suggestion (a
     * counter "x_total" and a gauge "x" cannot share a registry, nor a gauge and a histogram one name); a refusal
     * for any other reason is thrown.
     */
    private static void inSomeApp(Map<String, AppMetrics> apps, String namespace, Consumer<AppMetrics> register) {
        for (int i = 0; ; i++) {
            if (i == 50) {   // a name that clashes in every fresh app clashes with the app's own metrics
                throw new IllegalArgumentException("clashes in 50 fresh apps of \"" + namespace + "\": with a metric"
                        + " every app has");
            }
            AppMetrics app = apps.computeIfAbsent(namespace + " #" + i, k -> AppMetrics.builder(namespace).build());
            try {
                register.accept(app);
                return;
            } catch (IllegalArgumentException e) {
                List<String> kinds = RefusalKinds.of(e.getMessage());
                if (!kinds.equals(List.of("registry-clash")) && !kinds.equals(List.of("label-set-varies"))) {
                    throw e;
                }
            }
        }
    }
}
