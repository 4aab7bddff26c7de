package dev.lucidmetrics.examples.todo;

/** One entry of the to-do list, as the API shows it: {@code {"id":1,"title":"Buy milk","done":false}}. */
record Task(long id, String title, boolean done) {

    Task completed() {
        return new Task(id, title, true);
    }
}
