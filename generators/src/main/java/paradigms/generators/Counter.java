package paradigms.generators;

import paradigms.callbacks.loop.EventLoop;
import paradigms.common.counter.CounterExercise;
import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.counter.SharedCounter;
import paradigms.common.trace.Trace;
import paradigms.generators.coroutine.Coroutine;
import paradigms.generators.coroutine.Gather;
import paradigms.generators.coroutine.Lock;
import paradigms.generators.coroutine.Scheduler;
import paradigms.generators.coroutine.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code counter}: K coroutines, each incrementing one {@link SharedCounter} by a read, a
 * {@code yield}, and a write of what it read plus one.
 *
 * <p>One thread runs every coroutine, so no two threads ever race on the counter — and yet
 * updates get lost: a coroutine that suspends between its read and its write lets every other
 * ready coroutine run, and each of them reads the same value. The {@code yield} is the only
 * place where another coroutine can run, which is exactly where the lock must be held.
 *
 * <p><b>Why this version is exact.</b> Every increment holds a coroutine {@link Lock} from
 * before its read until after its write — across the {@code yield}. While one coroutine holds
 * it, the others that want to increment wait for the lock, not for the counter; and between
 * two {@code yield}s nothing else runs at all, so the read, the write and the release need no
 * more protection than that. Memory visibility is no question either: every coroutine runs on
 * the one loop thread, and {@code count} reads the total on the same thread after the loop has
 * stopped. The lock is fair (a release hands it to the oldest waiter), so the K coroutines take
 * turns and none starves.
 */
final class Counter implements CounterExercise {

    /** The exercise: each increment under the coroutine lock, across its {@code yield}. Exact. */
    @Override
    public CounterResult count(CounterRequest request, SharedCounter counter, Trace trace) {
        return count(request, counter, trace, true);
    }

    /** The same on a fresh counter (declared here without {@code InterruptedException}: nothing here blocks). */
    @Override
    public CounterResult count(CounterRequest request, Trace trace) {
        return count(request, new SharedCounter(), trace, true);
    }

    /** TEACHING DEMO: the same coroutines without the lock. Loses updates at every {@code yield}. */
    static CounterResult countWithoutLock(CounterRequest request, SharedCounter counter, Trace trace) {
        return count(request, counter, trace, false);
    }

    private static CounterResult count(CounterRequest request, SharedCounter counter, Trace trace, boolean locked) {
        try (var loop = new EventLoop()) {
            var scheduler = new Scheduler(loop, trace);
            var lock = new Lock(scheduler, "the counter");
            List<Increments> tasks = new ArrayList<>(request.tasks());
            for (int i = 0; i < request.tasks(); i++) {
                tasks.add(locked
                        ? Increments.locked(i, counter, lock, request.incrementsPerTask())
                        : Increments.unlocked(i, counter, request.incrementsPerTask()));
            }
            scheduler.run(new Gather<>(scheduler, request.tasks() + " incrementers", tasks));
        }
        return new CounterResult(counter.value(), request.expectedTotal());
    }

    /**
     * One task's increments. In Python:
     * <pre>
     * for _ in range(n):
     *     yield from lock.acquire()     # left out in the unlocked version
     *     try:
     *         value = counter.read()
     *         yield Pass()              # suspend: every other ready task runs now
     *         counter.write(value + 1)
     *     finally:
     *         lock.release()
     * </pre>
     * States:
     * <pre>
     * START     -> ACQUIRING: wait for the lock (unlocked: straight on to READ)
     * ACQUIRING -> READ:      the lock is held: read the counter, then pass the turn
     * READ      -> ACQUIRING: write what was read plus one, release; more increments to do
     * READ      -> DONE:      the same, and that was the last increment
     * </pre>
     * {@code cleanUp()} releases a lock still held: a cancelled increment does not keep
     * the others out forever.
     */
    static final class Increments extends Coroutine<Void> {

        private enum State { START, ACQUIRING, READ, DONE }

        private final int task;                 // the counter's name for this task
        private final SharedCounter counter;
        private final Lock lock; // null: the broken version, for the lesson
        private final int increments;
        private State state = State.START;
        private int done;
        private long read;
        private boolean holdingLock;

        private Increments(int task, SharedCounter counter, Lock lock, int increments) {
            this.task = task;
            this.counter = counter;
            this.lock = lock;
            this.increments = increments;
        }

        /** The correct version: the lock is held across read, {@code yield}, write. */
        static Increments locked(int task, SharedCounter counter, Lock lock, int increments) {
            return new Increments(task, counter, lock, increments);
        }

        /** The broken version: read, {@code yield}, write, with nothing held — it loses updates. */
        static Increments unlocked(int task, SharedCounter counter, int increments) {
            return new Increments(task, counter, null, increments);
        }

        @Override
        protected Step<Void> resume(Object sent) {
            switch (state) {
                case START -> {
                    return nextIncrement();
                }
                case ACQUIRING -> {
                    holdingLock = lock != null;
                    return readThenPass();
                }
                case READ -> {
                    counter.write(task, read + 1);
                    done++;
                    releaseLock();
                    if (done == increments) {
                        state = State.DONE;
                        return returning(null);
                    }
                    return nextIncrement();
                }
                default -> throw new IllegalStateException("resumed at " + state);
            }
        }

        private Step<Void> nextIncrement() {
            if (lock == null) {
                return readThenPass();
            }
            state = State.ACQUIRING;
            return yieldFrom(lock.acquire());
        }

        private Step<Void> readThenPass() {
            read = counter.read(task);
            state = State.READ;
            return pass(); // the suspension between read and write: here the others run
        }

        private void releaseLock() {
            if (holdingLock) {
                holdingLock = false;
                lock.release();
            }
        }

        @Override
        protected void cleanUp() {
            releaseLock();
        }

        @Override
        public String state() {
            return state + " (" + done + " of " + increments + " done)";
        }

        @Override
        public String name() {
            return lock == null ? "unlocked increments" : "locked increments";
        }
    }
}
