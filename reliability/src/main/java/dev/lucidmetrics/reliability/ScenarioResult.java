package dev.lucidmetrics.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scenario measured: its goals (met or missed, with the figures), the figures themselves for the page and
 * the JSON, and notes on how it measured.
 */
final class ScenarioResult {

    final String id;
    final String title;
    final List<Goal> goals = new ArrayList<>();
    final Map<String, Object> figures = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    ScenarioResult(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Records a goal; returns whether it was met. */
    boolean goal(String goal, boolean met, String measured) {
        goals.add(new Goal(goal, met, measured));
        return met;
    }

    ScenarioResult figure(String name, Object value) {
        figures.put(name, value);
        return this;
    }

    ScenarioResult note(String text) {
        notes.add(text);
        return this;
    }

    long missed() {
        return goals.stream().filter(g -> !g.met()).count();
    }

    /** The JSON form. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("goals", goals);
        m.put("figures", figures);
        m.put("notes", notes);
        return m;
    }
}
