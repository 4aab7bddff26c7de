package dev.lucidmetrics.core.naming;

import dev.lucidmetrics.core.model.MetricType;
import dev.lucidmetrics.core.support.CompatibilityKit;
import dev.lucidmetrics.core.support.KitBackend;
import dev.lucidmetrics.core.support.RawMetrics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lucidmetrics.core.AppMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every kind the corpus test can name is recognised in a message the library really produces, and nothing else. */
@CompatibilityKit
class RefusalKindsTest {

    private static List<String> kindsOf(Executable registration) {
        return RefusalKinds.of(assertThrows(IllegalArgumentException.class, registration).getMessage());
    }

    @Test
    void eachKindIsRecognisedInTheLibrarysOwnMessage() {
        AppMetrics app = AppMetrics.builder("shop").build();
        RawMetrics.get().register(app, "gauge", "shop_raw", "Registered around the factories.");
        app.counter("orders_total").help("Orders.").labelNames("channel").register();
        Map<List<String>, Executable> cases = new LinkedHashMap<>();
        cases.put(List.of("namespace"), () -> AppMetrics.builder("Shop"));
        cases.put(List.of("namespace-unit-word(b)"), () -> AppMetrics.builder("plan_b"));
        cases.put(List.of("namespace-type-word(gauge)"), () -> AppMetrics.builder("svc_gauge"));
        cases.put(List.of("empty-name"), () -> app.counter("").help("h").register());
        cases.put(List.of("colon", "not-snake-case"), () -> app.counter("orders:rate5m_total").help("h").register());
        cases.put(List.of("not-snake-case"), () -> app.counter("ordersPlaced_total").help("h").register());
        cases.put(List.of("counter-without-total"), () -> app.counter("orders_placed").help("h").register());
        cases.put(List.of("total-on-non-counter"), () -> app.gauge("queued_total").help("h").register());
        cases.put(List.of("info-without-info"), () -> app.info("deploy_facts").help("h").register());
        cases.put(List.of("reserved-suffix(count)"), () -> app.gauge("orders_count").help("h").register());
        cases.put(List.of("type-word(gauge)"), () -> app.gauge("queue_gauge").help("h").register());
        cases.put(List.of("unit(ms)"), () -> app.histogram("request_duration_ms").help("h").register());
        cases.put(List.of("unit-word(us)"), () -> app.counter("requests_us_east_total").help("h").register());
        cases.put(List.of("info-suffix"), () -> app.gauge("deploy_info").help("h").register());
        cases.put(List.of("too-many-labels"), () -> app.gauge("wide").help("h")
                .labelNames("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k").register());
        cases.put(List.of("label-empty"), () -> app.gauge("depth").help("h").labelNames("").register());
        cases.put(List.of("label-dunder"), () -> app.gauge("depth").help("h").labelNames("__name").register());
        cases.put(List.of("label-not-snake-case"), () -> app.gauge("depth").help("h").labelNames("queueName")
                .register());
        cases.put(List.of("label-reserved(le)"), () -> app.gauge("depth").help("h").labelNames("le").register());
        cases.put(List.of("label-twice"), () -> app.gauge("depth").help("h").labelNames("q", "q").register());
        cases.put(List.of("help-missing"), () -> app.gauge("depth").register());
        cases.put(List.of("label-set-varies"), () -> app.counter("orders_total").help("Orders.")
                .labelNames("channel", "code").register());
        cases.put(List.of("registry-clash"), () -> app.gauge("raw").help("h").register());
        Set<String> covered = new TreeSet<>();
        if (KitBackend.refusal("shop_sessions_created_total", MetricType.COUNTER) != null) {
            cases.put(List.of("backend-reserved(created)"), () -> app.counter("sessions_created_total").help("h")
                    .register());
        } else {
            covered.add(RefusalKinds.BACKEND_RESERVED);   // this backend refuses no name the rules allow
        }

        cases.forEach((expected, registration) -> {
            assertEquals(expected, kindsOf(registration));
            expected.forEach(kind -> covered.add(kind.replaceFirst("\\(.*", "")));
        });
        assertEquals(new TreeSet<>(RefusalKinds.known()), covered, "every kind has a case above");
    }

    @Test
    void textNoKindExplainsIsReportedAsUnknown() {
        String known = "\"shop_queue_gauge\" names a metric type (\"gauge\"), which the exposition already gives:"
                + " drop the word, as in \"shop_queue\", or describe what is measured instead.";
        assertEquals(List.of("type-word(gauge)", "unknown: A rule nobody has seen."),
                RefusalKinds.of(known + " A rule nobody has seen."));
    }

    @Test
    void theSuggestedNameOfEachFindingIsReadBackWithItsKind() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> AppMetrics.builder("shop").build().gauge("ordersPlaced_ms").help("h").register()).getMessage();
        assertEquals(List.of(new RefusalKinds.Finding("not-snake-case", "shop_orders_placed_seconds"),
                new RefusalKinds.Finding("unit(ms)", "shop_orders_placed_seconds")), RefusalKinds.suggestions(message));
    }
}
