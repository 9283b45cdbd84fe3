package paradigms.multiprocessing;

import paradigms.multiprocessing.pool.Job;

import java.util.List;

/** A job of any kind whose reply values are returned as they came: for tests of the pool itself. */
record RawJob(String kind, List<String> arguments) implements Job<List<String>> {

    static RawJob of(String kind, String... arguments) {
        return new RawJob(kind, List.of(arguments));
    }

    @Override
    public List<String> decode(List<String> values) {
        return values;
    }

    @Override
    public String label() {
        return kind + " " + String.join(" ", arguments);
    }
}
