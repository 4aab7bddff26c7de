package dev.lucidmetrics.core.naming;

import dev.lucidmetrics.core.AppMetrics;
import dev.lucidmetrics.core.Info;
import dev.lucidmetrics.core.naming.TextExposition.Family;
import java.util.List;

/**
 * Registers one family of the corpus the way a user of the library would declare it: in a fresh app whose
 * namespace is the family's first {@code _}-word, through the factory of its type, with its help and label names.
 * A gauge ending in {@code _info} goes through {@code info(...)}, the factory the library has for it; the app's
 * own {@code <namespace>_build_info} is the one {@code build()} registers.
 */
final class CorpusRegistration {

    enum Status {
        /** A factory registered it. */
        ACCEPTED,
        /** It is the {@code <namespace>_build_info} that {@code AppMetrics.builder(namespace).build()} registers. */
        BUILT_BY_THE_BUILDER,
        /** The builder or the factory threw {@link IllegalArgumentException}; the message says why. */
        REFUSED,
        /** No type in the exposition: there is no factory to choose. */
        SKIPPED_UNTYPED,
        /** A one-word name has no namespace to take. */
        SKIPPED_ONE_WORD
    }

    record Outcome(String source, Family family, Status status, String message) {
        List<String> kinds() {
            return status == Status.REFUSED ? RefusalKinds.of(message) : List.of();
        }

        /** {@code source family kind,kind}: the line of this refusal in an expectations file. */
        String line() {
            return source + " " + family.name() + " " + String.join(",", kinds());
        }
    }

    private CorpusRegistration() {
    }

    static Outcome register(String source, Family family) {
        if ("untyped".equals(family.type())) {
            return new Outcome(source, family, Status.SKIPPED_UNTYPED, null);
        }
        int underscore = family.name().indexOf('_');
        if (underscore < 1) {
            return new Outcome(source, family, Status.SKIPPED_ONE_WORD, null);
        }
        String namespace = family.name().substring(0, underscore);
        try {
            AppMetrics app = AppMetrics.builder(namespace).build();
            if ("gauge".equals(family.type()) && family.name().equals(namespace + "_build_info")) {
                return new Outcome(source, family, Status.BUILT_BY_THE_BUILDER, null);
            }
            // Every label set the samples show: one name with two label sets is itself a refusal.
            for (List<String> labels : family.labelSets().isEmpty() ? List.of(List.<String>of())
                    : family.labelSets()) {
                declare(app, family, labels.toArray(new String[0]));
            }
            return new Outcome(source, family, Status.ACCEPTED, null);
        } catch (IllegalArgumentException e) {
            return new Outcome(source, family, Status.REFUSED, e.getMessage());
        }
    }

    /** Registers {@code family} through the factory a user would pick for its type, with these label names. */
    static void declare(AppMetrics app, Family family, String[] labels) {
        String name = family.name();
        String help = family.help();
        switch (family.type()) {
            case "counter" -> app.counter(name).help(help).labelNames(labels).register();
            case "histogram" -> app.histogram(name).help(help).labelNames(labels).register();
            case "summary" -> app.summary(name).help(help).labelNames(labels).register();
            case "gauge" -> {
                if (name.endsWith("_info")) {
                    Info.Builder info = app.info(name).help(help);
                    for (String label : labels) {
                        info.label(label, "corpus");
                    }
                    info.register();
                } else {
                    app.gauge(name).help(help).labelNames(labels).register();
                }
            }
            default -> throw new IllegalStateException("type \"" + family.type() + "\" of " + name
                    + " is not one of the text format's; the corpus file is not text format 0.0.4.");
        }
    }
}
