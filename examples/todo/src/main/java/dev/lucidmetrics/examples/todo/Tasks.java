package dev.lucidmetrics.examples.todo;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The to-do list: tasks in memory, in the order they were created. Safe for concurrent requests. */
final class Tasks {

    /** Past this many tasks the list refuses new ones (the service keeps everything in memory). */
    static final int MAX_TASKS = 10_000;

    private final ConcurrentSkipListMap<Long, Task> byId = new ConcurrentSkipListMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private final Runnable onCreated;

    Tasks() {
        this(() -> { });
    }

    /** A list that runs {@code onCreated} after each task it creates. */
    Tasks(Runnable onCreated) {
        this.onCreated = onCreated;
    }

    /** The new task, or empty when the list already holds {@link #MAX_TASKS}. */
    Optional<Task> create(String title) {
        if (byId.size() >= MAX_TASKS) {
            return Optional.empty();
        }
        Task task = new Task(lastId.incrementAndGet(), title, false);
        byId.put(task.id(), task);
        onCreated.run();
        return Optional.of(task);
    }

    List<Task> all() {
        return List.copyOf(byId.values());
    }

    Optional<Task> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Marks the task done (again, if it already is); empty when there is no such task. */
    Optional<Task> complete(long id) {
        return Optional.ofNullable(byId.computeIfPresent(id, (key, task) -> task.completed()));
    }

    Optional<Task> delete(long id) {
        return Optional.ofNullable(byId.remove(id));
    }

    /** Tasks not done yet. */
    int open() {
        return (int) byId.values().stream().filter(task -> !task.done()).count();
    }
}
