package paradigms.callbacks;

import paradigms.callbacks.loop.EventLoop;
import paradigms.callbacks.loop.Permits;
import paradigms.common.counter.CounterExercise;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.counter.SharedCounter;
import paradigms.common.trace.SpanNames;
import paradigms.common.trace.Trace;

/**
 * {@code counter} on the loop: K tasks, each M increments one after another, all on one
 * thread. How an increment is cut into callbacks decides whether updates get lost — see
 * {@link Increment}.
 *
 * <p><b>Why one thread is not enough.</b> The loop runs one callback at a time, to its end:
 * nothing can come between two statements of the same callback, so there is no data race and
 * no torn write. But an increment whose read and write sit in <em>two</em> callbacks has a
 * suspension between them — "call me back later" — and every other task's callbacks queued
 * meanwhile run in that gap. If one of them reads the counter there, both write "the same
 * value + 1", and one increment is gone. That is {@link Increment#SPLIT}: on the loop's FIFO
 * ready queue it loses exactly (K − 1) × M of K × M, every time ({@code LostUpdateLessonTest}).
 *
 * <p><b>The two correct versions, and why each is exact.</b>
 * <ul>
 *   <li>{@link Increment#IN_ONE_CALLBACK}: read and write in the same callback, the
 *       suspension after it. Nothing runs between the read and the write, so no lock is
 *       needed — this is what "an event loop needs no thread safety" really means: it holds
 *       only <em>between</em> suspensions.</li>
 *   <li>{@link Increment#SPLIT_UNDER_PERMIT}, the exercise: when the suspension must sit
 *       between the read and the write (the new value depends on something that is awaited), a
 *       lock held across it — a callback lock, a {@link Permits} with one permit. A task that
 *       wants to read while another holds it leaves a callback in the permit's queue instead
 *       of blocking the loop; the holder's write runs before the permit passes on, so every
 *       read sees the previous write. (A {@code ReentrantLock} would be wrong twice: one
 *       thread would acquire it for every task — it is re-entrant, so it protects nothing — and
 *       a lock that blocked would block the only thread.)</li>
 * </ul>
 * Visibility needs nothing either: every read and write happens on the loop thread, and the
 * caller reads the total on that same thread after {@code run()} returned.
 *
 * <p><b>Threads:</b> the caller only; it runs the loop.
 */
final class Counter implements CounterExercise {

    /** How one increment is cut into callbacks. */
    enum Increment {
        /** Read and write in one callback, then suspend: exact, no lock. */
        IN_ONE_CALLBACK,
        /** TEACHING DEMO: read, suspend, write in the next callback — loses updates. */
        SPLIT,
        /** Read, suspend, write, with one permit held from the read to the write: exact. The exercise. */
        SPLIT_UNDER_PERMIT
    }

    private final Increment increment;

    /** The exercise: read – suspend – write under a one-permit {@link Permits}. */
    Counter() {
        this(Increment.SPLIT_UNDER_PERMIT);
    }

    Counter(Increment increment) {
        this.increment = increment;
    }

    /** On a fresh counter; the loop never blocks, so nothing here throws {@code InterruptedException}. */
    @Override
    public CounterResult count(CounterRequest request, Trace trace) {
        return count(request, new SharedCounter(), trace);
    }

    @Override
    public CounterResult count(CounterRequest request, SharedCounter counter, Trace trace) {
        try (var loop = new EventLoop()) {
            var lock = new Permits(loop, 1); // guards counter from a read to its write, across the suspension
            for (int task = 0; task < request.tasks(); task++) {
                new Task(task, request.incrementsPerTask(), counter, loop, lock, trace).next();
            }
            loop.run(); // returns when every task has done its last increment
        }
        return new CounterResult(counter.value(), request.expectedTotal());
    }

    /** One task: its increments, one after another, each a callback or two. Loop thread only. */
    private final class Task {
        private final int id;
        private final SharedCounter counter;
        private final EventLoop loop;
        private final Permits lock;
        private final Trace trace;
        private int left;

        Task(int id, int increments, SharedCounter counter, EventLoop loop, Permits lock, Trace trace) {
            this.id = id;
            this.left = increments;
            this.counter = counter;
            this.loop = loop;
            this.lock = lock;
            this.trace = trace;
        }

        /** Schedules the task's next increment, if it has one left. */
        void next() {
            if (left-- == 0) {
                return;
            }
            switch (increment) {
                case IN_ONE_CALLBACK -> loop.callSoon(() -> {
                    try (var span = trace.begin(SpanNames.task(id))) {
                        counter.write(id, counter.read(id) + 1); // one callback: nothing can run in between
                    }
                    next();
                });
                case SPLIT -> loop.callSoon(this::readThenWriteLater);
                case SPLIT_UNDER_PERMIT -> lock.acquire(() -> readThenWriteLater(lock::release));
            }
        }

        private void readThenWriteLater() {
            readThenWriteLater(() -> { });
        }

        /** read – suspend – write: the shape in which updates get lost. */
        private void readThenWriteLater(Runnable afterWriting) {
            long read;
            try (var span = trace.begin(SpanNames.read(id))) {
                read = counter.read(id);
            }
            loop.callSoon(() -> {                   // the suspension: every callback queued meanwhile runs first...
                try (var span = trace.begin(SpanNames.write(id))) {
                    counter.write(id, read + 1);    // ...and if one of them read the counter, an increment is lost
                }
                afterWriting.run();                 // under the permit: release it — the next holder reads this write
                next();
            });
        }
    }
}
