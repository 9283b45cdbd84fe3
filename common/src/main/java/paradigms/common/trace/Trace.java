package paradigms.common.trace;

import paradigms.common.measure.ResumeLatency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An event trace: which task ran when, on which thread of which process.
 *
 * <p>Thread safety: any thread may record; spans are kept in a lock-free queue, so recording
 * never blocks the code being traced. Reading ({@link #spans()}) while others still record
 * gives a snapshot.
 *
 * <p>Times are microseconds since the epoch, taken from {@link Instant#now()}, so that a
 * child JVM's spans line up with its parent's. (The JDK promises nothing for a {@code nanoTime}
 * value in another process; on Linux it is in fact one clock for all — see
 * {@link paradigms.common.http.SentAt} — but a trace file wants wall-clock time anyway.)
 *
 * <p>Use it as {@code try (var running = trace.begin(SpanNames.sum(5_000_000))) { … }}; an event loop
 * that runs a task in several slices opens one span per slice, and the gaps between them
 * are the suspensions. Span names come from {@link SpanNames}: one name per step, the same in
 * every chapter.
 *
 * <p>Spans say what ran on which thread. A task's {@link TaskLife life} says more: when it ran,
 * when it waited and for what, and when it was ready but not yet running — the time it spent in
 * some scheduler's ready queue ({@link #taskStates()}).
 */
public final class Trace {

    private static final String THIS_PROCESS = "pid " + ProcessHandle.current().pid();

    /** A trace that records nothing, for runs that are not being watched. */
    private static final Trace OFF = new Trace(false);

    private final boolean enabled;
    private final ConcurrentLinkedQueue<Span> spans = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<TaskState> taskStates = new ConcurrentLinkedQueue<>();
    private final Running idle = new Running("", 0, ""); // what begin() returns when off

    private Trace(boolean enabled) {
        this.enabled = enabled;
    }

    public static Trace recording() {
        return new Trace(true);
    }

    public static Trace off() {
        return OFF;
    }

    /** Microseconds since the epoch: the one clock all spans use. */
    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** A name for the current thread that stays meaningful for unnamed virtual threads. */
    public static String currentThreadName() {
        Thread t = Thread.currentThread();
        if (t.isVirtual()) {
            return "virtual#" + t.threadId();
        }
        return t.getName();
    }

    public static String thisProcess() {
        return THIS_PROCESS;
    }

    /**
     * Opens a span for {@code task} on the current thread; closing it records the span. A trace
     * that is off hands out one shared, do-nothing span: a million waiting tasks cost nothing.
     */
    public Running begin(String task) {
        if (!enabled) {
            return idle;
        }
        return new Running(task, nowMicros(), currentThreadName());
    }

    /** Records a span measured elsewhere, e.g. reported by a child process. */
    public void record(Span span) {
        if (enabled) {
            spans.add(span);
        }
    }

    /**
     * Starts telling one task's life (see {@link TaskLife}): it runs from now. Its resumes go to
     * {@code resumes} as well as to this trace. When neither this trace nor {@code resumes} records,
     * the shared {@link TaskLife#NOTHING} comes back: a million tasks cost nothing.
     */
    public TaskLife life(String task, ResumeLatency resumes) {
        if (!enabled && resumes == ResumeLatency.off()) {
            return TaskLife.NOTHING;
        }
        return new TaskLife(this, resumes, task);
    }

    /**
     * Records one segment of a task's life: {@link TaskLife} calls it as the task goes, and a
     * reader of a trace told elsewhere (a child process) hands its segments on.
     */
    public void record(TaskState state) {
        if (enabled) {
            taskStates.add(state);
        }
    }

    /** Every task's life segments recorded so far, by task, then in order of time. */
    public List<TaskState> taskStates() {
        var copy = new ArrayList<>(taskStates);
        copy.sort(Comparator.comparing(TaskState::task).thenComparingLong(TaskState::startMicros)
                .thenComparingLong(TaskState::endMicros));
        return copy;
    }

    /** All spans recorded so far, in order of start time. */
    public List<Span> spans() {
        var copy = new ArrayList<>(spans);
        copy.sort(Comparator.comparingLong(Span::startMicros).thenComparing(Span::lane));
        return copy;
    }

    /** The first pair of spans that ran at the same time on different lanes, if any. */
    public Optional<List<Span>> firstParallelPair() {
        List<Span> sorted = spans();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size() && sorted.get(j).startMicros() < sorted.get(i).endMicros(); j++) {
                Span a = sorted.get(i);
                Span b = sorted.get(j);
                if (!a.lane().equals(b.lane()) && a.overlaps(b)) {
                    return Optional.of(List.of(a, b));
                }
            }
        }
        return Optional.empty();
    }

    /** A span being recorded; {@link #close()} ends it. Not shared between threads. */
    public final class Running implements AutoCloseable {
        private final String task;
        private final long startMicros;
        private final String thread;

        private Running(String task, long startMicros, String thread) {
            this.task = task;
            this.startMicros = startMicros;
            this.thread = thread;
        }

        @Override
        public void close() {
            if (!enabled) {
                return;
            }
            record(new Span(task, THIS_PROCESS, thread, startMicros, Math.max(startMicros, nowMicros())));
        }
    }
}
