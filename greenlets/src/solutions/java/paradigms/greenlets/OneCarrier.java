package paradigms.greenlets;

import paradigms.common.counter.CounterRequest;
import paradigms.common.counter.CounterResult;
import paradigms.common.counter.SharedCounter;
import paradigms.common.squares.SquaresRequest;
import paradigms.common.trace.Trace;

/**
 * Exercise {@code one-carrier}: two probes of what the carriers do, to run in a JVM with the
 * default scheduler and in one started with {@code -Djdk.virtualThreadScheduler.parallelism=1}.
 *
 * <p>On one carrier, virtual threads take turns exactly where they block or yield, and nowhere
 * else — what asyncio's tasks do on their one event-loop thread: the unguarded counter loses
 * nothing when nothing suspends between read and write, and loses updates as soon as
 * {@code Thread.yield()} does; and the squares' virtual threads never run at the same moment,
 * so the paradigm's claim "uses several cores" is false there.
 *
 * <p><b>Threads:</b> each probe runs one of the chapter's exercises, which makes and joins its
 * own virtual threads; the probes themselves run on the caller's thread.
 */
final class OneCarrier {

    /** The tasks and increments of the counter probe: the {@code counter} contract's. */
    static final CounterRequest COUNTER = new CounterRequest(50, 100);

    private OneCarrier() {
    }

    /**
     * Runs {@code Counter.withoutLock(suspension)} on {@link #COUNTER} and a fresh
     * {@link SharedCounter}; returns how many updates were lost (expected total minus total).
     */
    static long lostUpdates(Counter.Suspension suspension) throws InterruptedException {
        CounterResult result = Counter.withoutLock(suspension).count(COUNTER, new SharedCounter(), Trace.off());
        return result.expected() - result.total();
    }

    /**
     * Runs the chapter's {@code Squares} on Real Python's inputs under a recording trace; returns
     * whether two of its spans overlapped in time — two virtual threads computing at once.
     */
    static boolean squaresRanInParallel() throws InterruptedException {
        Trace trace = Trace.recording();
        new Squares().compute(SquaresRequest.realPythonExample(), trace);
        return trace.firstParallelPair().isPresent();
    }
}
