package paradigms.generators;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.trace.Trace;
import paradigms.common.waiters.Capacity;
import paradigms.common.waiters.WaitTally;
import paradigms.common.waiters.WaitersExercise;
import paradigms.common.waiters.WaitersRequest;
import paradigms.common.waiters.WaitersResult;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Gather;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Sleep;
import paradigms.generators.coroutine.Step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code waiters}: N coroutines, each in a task of its own, each {@code yield from Sleep(D)},
 * all gathered. A sleeping coroutine is no thread and no stack: it is a few small objects —
 * the coroutine, its {@link Sleep}, its task, and one timer in the loop's heap — so one loop
 * thread holds a million of them.
 *
 * <p><b>How far N goes: the heap decides.</b> A sleeping task keeps a few hundred bytes of
 * live heap (measured by compare's {@code waiters} case; see the chapter's Measured
 * section): the waiter (40), its {@code Sleep} (32), its task (88), the loop's timer (48) with
 * its two small lambdas (40), the {@code Delay} it waits for (16), and its slots in the
 * gather's lists, the ready queue and the timer heap — and about 400 bytes at the peak,
 * counting the garbage of starting it.
 * Nothing else runs out first: one thread, one selector, no file descriptor per task, and the
 * timer heap costs O(log N) per timer. So the capacity is computed from this JVM's maximum heap
 * at {@value #HEAP_BYTES_PER_TASK} bytes a task: about 3.5 times the live figure and 2.5 times the
 * peak, which leaves the garbage collector room to copy a million young objects that all
 * survive. A heap of 1 GiB — the tests' — accepts 1,048,576 tasks (it was seen to hold
 * 2,500,000, with little room to spare); the main job's 8 GiB, about 8.4 million (5,000,000
 * took 10 s: the timer heap outgrows the caches, but nothing fails).
 */
final class Waiters implements WaitersExercise {

    /** The heap a task is allowed, for the capacity: see the class comment for where this number comes from. */
    static final int HEAP_BYTES_PER_TASK = 1_024;

    private final Capacity capacity = capacityFor(Runtime.getRuntime().maxMemory());

    static Capacity capacityFor(long maxHeapBytes) {
        int tasks = (int) Math.min(Integer.MAX_VALUE - 1, maxHeapBytes / HEAP_BYTES_PER_TASK);
        return new Capacity(tasks, String.format(Locale.ROOT,
                "the heap: a sleeping task is a coroutine, its Sleep, a task and a timer, about 300 bytes live and 400 at"
                        + " the peak (estimates); at %,d bytes a task, this JVM's %,d MiB of heap allows %,d; one thread and no file"
                        + " descriptor per task, so nothing else runs out first",
                HEAP_BYTES_PER_TASK, maxHeapBytes >> 20, tasks));
    }

    @Override
    public Capacity capacity() {
        return capacity;
    }

    @Override
    public WaitersResult await(WaitersRequest request, Trace trace) {
        capacity.check(request); // before a single task is made
        var tally = new WaitTally(request);
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop, trace);
            scheduler.run(all(scheduler, tally, request));
        }
        return tally.result();
    }

    /** A gather of one {@link Waiter} per task (the benchmark runs it too, to look at the heap meanwhile). */
    static Gather<Void> all(Scheduler scheduler, WaitTally tally, WaitersRequest request) {
        List<Waiter> waiters = new ArrayList<>(request.tasks());
        for (int i = 0; i < request.tasks(); i++) {
            waiters.add(new Waiter(tally, request.waitFor()));
        }
        return new Gather<>(scheduler, request.tasks() + " waiters", waiters);
    }

    /**
     * One waiting task: {@code began = tally.begin(); yield from Sleep(d); tally.end(began)}.
     * <pre>
     * START    -> SLEEPING: counted as waiting; delegate to a Sleep
     * SLEEPING -> DONE:     the Sleep returned: counted as done
     * </pre>
     * A cancelled waiter (the gather cancelled, or {@code run} ending) is not counted as done:
     * it did not wait its time.
     */
    static final class Waiter extends Coroutine<Void> {

        private enum State { START, SLEEPING, DONE }

        private final WaitTally tally;
        private final Duration wait;
        private State state = State.START;
        private long began;

        Waiter(WaitTally tally, Duration wait) {
            this.tally = tally;
            this.wait = wait;
        }

        @Override
        protected Step<Void> resume(Object sent) {
            switch (state) {
                case START -> {
                    began = tally.begin();
                    state = State.SLEEPING;
                    return yieldFrom(new Sleep(wait));
                }
                case SLEEPING -> {
                    tally.end(began);
                    state = State.DONE;
                    return returning(null);
                }
                default -> throw new IllegalStateException("resumed at " + state);
            }
        }

        @Override
        public String state() {
            return state.name();
        }

        @Override
        public String name() {
            return "waiter";
        }
    }
}
