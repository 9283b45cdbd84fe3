package paradigms.multiprocessing.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * One message of the wire protocol between the pool (the parent JVM) and a worker (a child
 * JVM): a type and its fields, all text. On the wire it is one line; see {@link Wire}.
 *
 * <p>The six frame types, and who sends them:
 * <pre>
 *   worker → pool   ready   PID                                      once, when the worker can take tasks
 *   pool → worker   task    ID  KIND  ARG…                           one at a time: the next only after the reply
 *   worker → pool   call    ID  QUESTION…                            during task ID: the task asks the parent, and waits
 *   pool → worker   answer  ID  VALUE…                               the parent's answer to that call
 *   worker → pool   done    ID  THREAD  START_µs  END_µs  VALUE…      the task's result
 *   worker → pool   failed  ID  THREAD  START_µs  END_µs  CLASS  MESSAGE   the task threw
 * </pre>
 * The pool says "stop" by closing the worker's stdin: there is no frame for it. The times are
 * microseconds since the epoch ({@code Trace.nowMicros()}), so that the parent can put the
 * worker's span into its trace next to its own.
 *
 * <p>A task talks to its parent as a conversation: {@code task}, then any number of
 * {@code call}/{@code answer} pairs (one call at a time, each answered before the task goes on),
 * then {@code done} or {@code failed}. Calls are how a task reaches state that only the parent
 * has — processes share no memory — such as the {@code counter} exercise's shared counter.
 *
 * <p>The accessors check as they read: a field that is missing or is not what it should be
 * throws {@link Wire.BadFrameException} saying which field and why. Whoever reads the frame
 * adds who sent it (the pool names the worker).
 */
record Frame(String type, List<String> fields) {

    static final String READY = "ready";
    static final String TASK = "task";
    static final String CALL = "call";
    static final String ANSWER = "answer";
    static final String DONE = "done";
    static final String FAILED = "failed";

    Frame {
        fields = List.copyOf(fields);
    }

    static Frame of(String type, Object... fields) {
        List<String> text = new ArrayList<>(fields.length);
        for (Object field : fields) {
            text.add(String.valueOf(field));
        }
        return new Frame(type, text);
    }

    /** The frame's fields from {@code index} on, e.g. a task's arguments or a reply's values. */
    List<String> from(int index) {
        return index >= fields.size() ? List.of() : fields.subList(index, fields.size());
    }

    /** Requires this frame to be of {@code type} with at least {@code count} fields. */
    Frame expect(String type, int count) throws Wire.BadFrameException {
        if (!this.type.equals(type)) {
            throw new Wire.BadFrameException("expected a \"" + type + "\" frame, got \"" + this.type + "\"");
        }
        if (fields.size() < count) {
            throw new Wire.BadFrameException("a \"" + type + "\" frame needs at least " + count + " fields, got " + fields.size());
        }
        return this;
    }

    String text(int index, String name) throws Wire.BadFrameException {
        if (index >= fields.size()) {
            throw new Wire.BadFrameException("field " + index + " (" + name + ") is missing");
        }
        return fields.get(index);
    }

    long number(int index, String name) throws Wire.BadFrameException {
        return Wire.number(text(index, name), name);
    }
}
